// Frenzel–Pompe conditional mutual information (KSG algorithm 1 extended to I(X; Y | Z)).
import type { Kernels } from '../backend/kernels.js';
import { knnSettings } from '../core/knnOptions.js';
import { joinColumns, prepare, toPoints } from '../core/points.js';
import { sameLength } from '../core/validate.js';
import type { KnnSplitLike } from './ksg.js';

/**
 * I(X; Y | Z) in nats: ε_i is the max-norm distance to the k-th neighbour in the joint
 * (x, y, z) space; n_xz, n_yz and n_z count the points strictly within ε_i in those
 * subspaces, and I = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩ (Frenzel & Pompe,
 * PRL 99, 204101, 2007; the same counts as NPEET's cmi). Validates, scales when
 * `normalize` (default true) and noises (default 1e-10) as {@link ksgMutualInformation};
 * with a `split`, the queries run over workers, the digammas summed here in the same order.
 */
export function frenzelPompe(
  fn: string,
  K: Kernels,
  xs: unknown,
  ys: unknown,
  zs: unknown,
  o: Record<string, unknown>,
  split?: KnnSplitLike,
): number {
  const x = toPoints(fn, 'x', xs);
  const y = toPoints(fn, 'y', ys);
  const z = toPoints(fn, 'z', zs);
  sameLength(fn, 'x', x.n, 'y', y.n);
  sameLength(fn, 'x', x.n, 'z', z.n);
  const s = knnSettings(fn, o, x.n, { normalize: true, noise: 1e-10 });
  prepare([x, y, z], s.normalize, s.noise, s.seed);
  const n = x.n;
  if (split) {
    const [nxz, nyz, nz] = split.counts('fp', [x, y, z], s.k);
    return K.digamma(s.k) - (K.sumDigamma(nxz, 1) + K.sumDigamma(nyz, 1) - K.sumDigamma(nz, 1)) / n;
  }
  const { dist } = K.knnMaxNorm(joinColumns([x, y, z]).data, x.d + y.d + z.d, s.k, false);
  const nxz = K.countWithinMaxNorm(joinColumns([x, z]).data, x.d + z.d, dist, false);
  const nyz = K.countWithinMaxNorm(joinColumns([y, z]).data, y.d + z.d, dist, false);
  const nz = K.countWithinMaxNorm(z.data, z.d, dist, false);
  return K.digamma(s.k) - (K.sumDigamma(nxz, 1) + K.sumDigamma(nyz, 1) - K.sumDigamma(nz, 1)) / n;
}
