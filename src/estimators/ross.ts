// The mixed continuous–discrete MI estimator of Ross (PLoS ONE 9(2), e87357, 2014), with
// the conventions of sklearn's _compute_mi_cd (1.2.1): per-label k-NN radii, samples
// with a unique label dropped, strict radius counts over the kept samples.
import type { Kernels } from '../backend/kernels.js';

/**
 * I(c; label) in nats, unclipped. c holds n points of dimension d (row-major), codes
 * their labels in [0, K). Cost: O(n log n) for the searches.
 */
export function rossMutualInfo(kern: Kernels, c: Float64Array, d: number, codes: Int32Array, K: number, k: number): number {
  const n = codes.length;
  const count = new Int32Array(K);
  for (let i = 0; i < n; i++) count[codes[i]]++;
  // Samples grouped by label, in their original order within each group.
  const start = new Int32Array(K + 1);
  for (let l = 0; l < K; l++) start[l + 1] = start[l] + count[l];
  const order = new Int32Array(n);
  const fill = start.slice(0, K);
  for (let i = 0; i < n; i++) order[fill[codes[i]]++] = i;

  const radius = new Float64Array(n);
  let kept = 0;
  let sumPsiK = 0;
  let sumPsiCount = 0;
  for (let l = 0; l < K; l++) {
    const cnt = count[l];
    if (cnt < 2) continue;
    const kl = Math.min(k, cnt - 1);
    const sub = new Float64Array(cnt * d);
    for (let t = 0; t < cnt; t++) sub.set(c.subarray(order[start[l] + t] * d, order[start[l] + t] * d + d), t * d);
    const dist = kern.knnMaxNorm(sub, d, kl, false).dist;
    for (let t = 0; t < cnt; t++) radius[order[start[l] + t]] = dist[t];
    kept += cnt;
    sumPsiK += cnt * kern.digamma(kl);
    sumPsiCount += cnt * kern.digamma(cnt);
  }
  if (kept === 0) return 0;
  const pts = new Float64Array(kept * d);
  const r = new Float64Array(kept);
  for (let i = 0, t = 0; i < n; i++) {
    if (count[codes[i]] < 2) continue;
    pts.set(c.subarray(i * d, i * d + d), t * d);
    r[t++] = radius[i];
  }
  // m_i counts i itself, as sklearn's query_radius does: ψ(m_i) = ψ(others + 1).
  const others = kern.countWithinMaxNorm(pts, d, r, false);
  return kern.digamma(kept) + sumPsiK / kept - sumPsiCount / kept - kern.sumDigamma(others, 1) / kept;
}
