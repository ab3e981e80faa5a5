// Local values of the Ross (2014) mixed continuous–discrete MI, with sklearn's
// _compute_mi_cd conventions (the average of src/estimators/ross.ts).
import type { Kernels } from '../backend/kernels.js';

/**
 * local_i = ψ(N′) + ψ(k_ℓ) − ψ(N_ℓ) − ψ(m_i) for each sample whose label ℓ occurs more
 * than once (k_ℓ = min(k, N_ℓ − 1); m_i counts the kept samples, i included, strictly
 * within the distance to i's k_ℓ-th same-label neighbour). A sample whose label occurs
 * once is dropped by the estimator and gets NaN. The mean over the other samples is the
 * (unclipped) estimate, in nats.
 */
export function rossLocals(K: Kernels, c: Float64Array, d: number, codes: Int32Array, classes: number, k: number): Float64Array {
  const n = codes.length;
  const count = new Int32Array(classes);
  for (let i = 0; i < n; i++) count[codes[i]]++;
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < n; i++) members[codes[i]].push(i);
  const radius = new Float64Array(n);
  const base = new Float64Array(n).fill(NaN);
  let kept = 0;
  for (let l = 0; l < classes; l++) {
    const cnt = count[l];
    if (cnt < 2) continue;
    const kl = Math.min(k, cnt - 1);
    const sub = new Float64Array(cnt * d);
    members[l].forEach((i, t) => sub.set(c.subarray(i * d, i * d + d), t * d));
    const dist = K.knnMaxNorm(sub, d, kl, false).dist;
    const term = K.digamma(kl) - K.digamma(cnt);
    members[l].forEach((i, t) => {
      radius[i] = dist[t];
      base[i] = term;
    });
    kept += cnt;
  }
  const local = new Float64Array(n).fill(NaN);
  if (kept === 0) return local;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (count[codes[i]] >= 2) keep.push(i);
  const pts = new Float64Array(kept * d);
  const r = new Float64Array(kept);
  keep.forEach((i, t) => {
    pts.set(c.subarray(i * d, i * d + d), t * d);
    r[t] = radius[i];
  });
  const others = K.countWithinMaxNorm(pts, d, r, false);
  const psiN = K.digamma(kept);
  keep.forEach((i, t) => {
    local[i] = psiN + base[i] - K.digamma(others[t] + 1);
  });
  return local;
}
