// Kozachenko–Leonenko differential entropy with the max norm.
import type { Kernels } from '../backend/kernels.js';
import { knnSettings } from '../core/knnOptions.js';
import { addNoise, columnScales, scaleColumns, shrinkHuge, toPoints } from '../core/points.js';
import { NormalStream } from '../core/random.js';
import type { KnnSplitLike } from './ksg.js';

/**
 * H(X) in nats from the k-NN distances ε_i in the max norm (a cube of side 2ε):
 * H = ψ(N) − ψ(k) + d ln 2 + (d/N) Σ ln ε_i (Kozachenko & Leonenko, Probl. Inf. Transm.
 * 23, 1987; Kraskov et al. 2004 eq. 20; NPEET's entropy). With `normalize` each dimension
 * is divided by its standard deviation σ_c for the search and Σ_c ln σ_c is added back,
 * so the result is still the entropy of x in its own units. `noise` defaults to 0 here:
 * ε enters through ln ε, so noise would move the value, not only break ties.
 * @throws RangeError when some ε_i is 0 (k + 1 or more identical points)
 */
export function kozachenkoLeonenko(fn: string, K: Kernels, xs: unknown, o: Record<string, unknown>, split?: KnnSplitLike): number {
  const x = toPoints(fn, 'x', xs);
  const s = knnSettings(fn, o, x.n, { normalize: false, noise: 0 });
  let shift = 0;
  if (s.normalize) {
    const scales = columnScales(x);
    scaleColumns(x, scales);
    for (const c of scales) shift += Math.log(c);
  }
  shift += x.d * shrinkHuge([x]);
  addNoise(x, s.noise, new NormalStream(s.seed));
  const dist = split ? split.distances(x, s.k) : K.knnMaxNorm(x.data, x.d, s.k, false).dist;
  let zero = 0;
  while (zero < x.n && dist[zero] > 0) zero++;
  if (zero < x.n) {
    throw new RangeError(
      `${fn}: x has k + 1 = ${s.k + 1} or more identical points (index ${zero} is one), so a k-NN distance is 0 and ln 0 = -Infinity; add noise (e.g. noise: 1e-10) or use a discrete estimator`,
    );
  }
  return K.digamma(x.n) - K.digamma(s.k) + x.d * Math.LN2 + (x.d * K.sumLog(dist)) / x.n + shift;
}
