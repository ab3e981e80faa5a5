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

/** Chao–Shen sum −Σ p ln p / (1 − (1 − p)^n), p = coverage·c/n, over the non-empty counts. */
export function chaoShenSum(counts: Float64Array, n: number, coverage: number): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0) {
      const p = (coverage * c) / n;
      s -= (p * Math.log(p)) / (1 - Math.pow(1 - p, n));
    }
  }
  return s;
}
