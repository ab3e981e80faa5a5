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
 * 1 − (1 − p)^n for a whole number n ≥ 0, by binary powering on complements: with
 * a = 1 − r and d = 1 − b, r·b = 1 − (a + d − a·d). Forming 1 − p first would round a
 * p below 2^-54 (N past 2^53, or many singletons) to 1, and the Chao–Shen term to p ln p / 0.
 */
function oneMinusPowComplement(p: f64, n: f64): f64 {
  let a = 0.0;
  let d = p;
  let e = n;
  while (e > 0.0) {
    if (e % 2.0 == 1.0) a = a + d - a * d;
    d = 2.0 * d - d * d;
    e = Math.floor(e * 0.5);
  }
  return a;
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
      s -= (p * Math.log(p)) / oneMinusPowComplement(p, n);
    }
  }
  return s;
}
