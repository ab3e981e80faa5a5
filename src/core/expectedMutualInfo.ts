import { lgamma } from './lgamma.js';

/**
 * Expected mutual information of two labelings under the hypergeometric model of
 * random labelings with fixed marginals (Vinh, Epps & Bailey, JMLR 2010, eq. 24a),
 * in nats, with the terms of sklearn's expected_mutual_information (1.2.1).
 * The factorials are taken as ln k! from a table of lgamma, so nothing overflows.
 * Cost: O(n + Σ_ij min(a_i, b_j)). Marginals are the non-empty class counts.
 */
export function expectedMutualInfo(a: Float64Array, b: Float64Array, n: number): number {
  const R = a.length;
  const C = b.length;
  if (R === 1 || C === 1) return 0;
  const lnFact = new Float64Array(n + 1);
  for (let v = 2; v <= n; v++) lnFact[v] = lgamma(v + 1);
  const logN = Math.log(n);
  let emi = 0;
  for (let i = 0; i < R; i++) {
    const ai = a[i];
    const logAi = Math.log(ai);
    const glnA = lnFact[ai] + lnFact[n - ai] - lnFact[n];
    for (let j = 0; j < C; j++) {
      const bj = b[j];
      const logAB = logAi + Math.log(bj);
      const fixed = glnA + lnFact[bj] + lnFact[n - bj];
      const end = Math.min(ai, bj);
      for (let v = Math.max(1, ai + bj - n); v <= end; v++) {
        const term2 = logN + Math.log(v) - logAB;
        const gln = fixed - lnFact[v] - lnFact[ai - v] - lnFact[bj - v] - lnFact[n - ai - bj + v];
        emi += (v / n) * term2 * Math.exp(gln);
      }
    }
  }
  return emi;
}
