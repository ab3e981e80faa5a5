import { lgamma } from './lgamma.js';

/** The distinct values of the counts, ascending, and how often each occurs. */
function sizes(counts: Float64Array): [Float64Array, Float64Array] {
  const v = Float64Array.from(counts).sort();
  let m = 0;
  for (let i = 0; i < v.length; i++) if (i === 0 || v[i] !== v[i - 1]) m++;
  const value = new Float64Array(m);
  const times = new Float64Array(m);
  for (let i = 0, c = -1; i < v.length; i++) {
    if (i === 0 || v[i] !== v[i - 1]) value[++c] = v[i];
    times[c]++;
  }
  return [value, times];
}

/**
 * Expected mutual information of two labelings under the hypergeometric model of
 * random labelings with fixed marginals (Vinh, Epps & Bailey, JMLR 2010, eq. 24a),
 * in nats, with the terms of sklearn's expected_mutual_information (1.2.1).
 * The factorials are taken as ln k! from a table of lgamma, so nothing overflows.
 * A pair of clusters adds a term that depends only on their two sizes, so the sum runs
 * over pairs of distinct sizes, each weighted by how many cluster pairs share it: 1000
 * clusters have far fewer distinct sizes (about √(2n) at most), which cuts the work by
 * orders of magnitude. Up to SKLEARN_ORDER_MAX_PAIRS cluster pairs the terms are instead
 * summed in sklearn's own order, as sklearn rounds them; beyond, only the order of the
 * additions differs from sklearn's (1e-10 agreement kept).
 * Cost: O(n + Σ over distinct size pairs of min(a, b)). Marginals are the non-empty class counts.
 */
export function expectedMutualInfo(a: Float64Array, b: Float64Array, n: number): number {
  if (a.length === 1 || b.length === 1) return 0;
  if (a.length * b.length <= SKLEARN_ORDER_MAX_PAIRS) return expectedMutualInfoSklearnOrder(a, b, n);
  return expectedMutualInfoBySizes(a, b, n);
}

/**
 * Up to this many cluster pairs (R·C) the sum runs in sklearn's order, term by term, which
 * costs little there and reproduces its rounding: AMI's degenerate 0/0 case (every label
 * distinct) then gives sklearn's own numbers. Beyond, the sum runs over distinct sizes.
 */
export const SKLEARN_ORDER_MAX_PAIRS = 4096;

/**
 * ln v! as sklearn's terms take it: scipy's gammaln and glibc's lgamma both return the log of
 * the exact product (v − 1)!·v for small v (cephes below 13, fdlibm below 8), so up to 11!
 * it is Math.log of the exact factorial; above, the lgamma series (about 1e-15 relative).
 */
function lnFactorials(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  let f = 1;
  for (let v = 2; v <= n; v++) {
    if (v <= 11) {
      f *= v;
      t[v] = Math.log(f);
    } else t[v] = lgamma(v + 1);
  }
  return t;
}

/**
 * sklearn 1.2.1's expected_mutual_information term by term: for each row i, column j and
 * n_ij from max(1, a_i + b_j − N) to min(a_i, b_j), emi += (n_ij/N)·term2·exp(gln) with
 * term2 = (ln N + ln n_ij) − ln a_i − ln b_j and gln summed in sklearn's order.
 */
export function expectedMutualInfoSklearnOrder(a: Float64Array, b: Float64Array, n: number): number {
  const lnFact = lnFactorials(n);
  const logN = Math.log(n);
  let emi = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    const logA = Math.log(ai);
    for (let j = 0; j < b.length; j++) {
      const bj = b[j];
      const logB = Math.log(bj);
      const end = Math.min(ai, bj);
      for (let v = Math.max(1, ai + bj - n); v <= end; v++) {
        const term2 = logN + Math.log(v) - logA - logB;
        const gln =
          lnFact[ai] + lnFact[bj] + lnFact[n - ai] + lnFact[n - bj] - lnFact[n] - lnFact[v] - lnFact[ai - v] - lnFact[bj - v] - lnFact[n - ai - bj + v];
        emi += (v / n) * term2 * Math.exp(gln);
      }
    }
  }
  return emi;
}

/** The same sum grouped by distinct cluster sizes (see expectedMutualInfo). */
export function expectedMutualInfoBySizes(a: Float64Array, b: Float64Array, n: number): number {
  if (a.length === 1 || b.length === 1) return 0;
  const [sa, ma] = sizes(a);
  const [sb, mb] = sizes(b);
  const lnFact = new Float64Array(n + 1);
  for (let v = 2; v <= n; v++) lnFact[v] = lgamma(v + 1);
  const logN = Math.log(n);
  let emi = 0;
  for (let i = 0; i < sa.length; i++) {
    const ai = sa[i];
    const logAi = Math.log(ai);
    const glnA = lnFact[ai] + lnFact[n - ai] - lnFact[n];
    for (let j = 0; j < sb.length; j++) {
      const bj = sb[j];
      const logAB = logAi + Math.log(bj);
      const fixed = glnA + lnFact[bj] + lnFact[n - bj];
      const end = Math.min(ai, bj);
      let pair = 0;
      for (let v = Math.max(1, ai + bj - n); v <= end; v++) {
        const term2 = logN + Math.log(v) - logAB;
        const gln = fixed - lnFact[v] - lnFact[ai - v] - lnFact[bj - v] - lnFact[n - ai - bj + v];
        pair += (v / n) * term2 * Math.exp(gln);
      }
      emi += ma[i] * mb[j] * pair;
    }
  }
  return emi;
}
