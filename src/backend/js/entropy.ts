// Pure-TypeScript twin of assembly/entropy.ts: same loops, arrays instead of pointers.

/** Σ v ln v over the values; values ≤ 0 add 0. */
export function sumXLogX(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0) s += v * Math.log(v);
  }
  return s;
}

/** b^n for a whole number n ≥ 0 by binary powering, as assembly/entropy.ts. */
function powWhole(b: number, n: number): number {
  let r = 1;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) r *= b;
    b *= b;
    e = Math.floor(e * 0.5);
  }
  return r;
}

/** Chao–Shen sum −Σ p ln p / (1 − (1 − p)^n), p = coverage·c/n, over the non-empty counts. */
export function chaoShenSum(counts: Float64Array, n: number, coverage: number): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0) {
      const p = (coverage * c) / n;
      s -= (p * Math.log(p)) / (1 - powWhole(1 - p, n));
    }
  }
  return s;
}
