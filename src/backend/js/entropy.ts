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

/** 1 − (1 − p)^n by binary powering on complements, as assembly/entropy.ts. */
function oneMinusPowComplement(p: number, n: number): number {
  let a = 0;
  let d = p;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) a = a + d - a * d;
    d = 2 * d - d * d;
    e = Math.floor(e * 0.5);
  }
  return a;
}

/** Chao–Shen sum −Σ p ln p / (1 − (1 − p)^n), p = coverage·c/n, over the non-empty counts. */
export function chaoShenSum(counts: Float64Array, n: number, coverage: number): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0) {
      const p = (coverage * c) / n;
      s -= (p * Math.log(p)) / oneMinusPowComplement(p, n);
    }
  }
  return s;
}
