// Per-cell sums of the bias-corrected entropy estimators. Twin: src/backend/js/entropy.ts.

/**
 * Σ v ln v over the k values; values ≤ 0 add 0. Unlike sumNLogN it keeps the
 * terms of values in (0, 1), which the pseudo-counts of the Dirichlet and
 * shrinkage estimators produce.
 */
export function sumXLogX(values: usize, k: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < k; i++) {
    const v = load<f64>(values + (<usize>i << 3));
    if (v > 0.0) s += v * Math.log(v);
  }
  return s;
}

/**
 * The Chao–Shen sum −Σ p ln p / (1 − (1 − p)^n) over the non-empty counts, with the
 * coverage-adjusted p = coverage·c/n (Chao & Shen, Environ. Ecol. Stat. 10, 2003;
 * R package entropy, entropy.ChaoShen).
 */
export function chaoShenSum(counts: usize, k: i32, n: f64, coverage: f64): f64 {
  let s = 0.0;
  for (let i = 0; i < k; i++) {
    const c = load<f64>(counts + (<usize>i << 3));
    if (c > 0.0) {
      const p = (coverage * c) / n;
      s -= (p * Math.log(p)) / (1.0 - Math.pow(1.0 - p, n));
    }
  }
  return s;
}
