// Kraskov–Stögbauer–Grassberger mutual information, algorithms 1 and 2.
import type { Kernels } from '../backend/kernels.js';
import { knnSettings } from '../core/knnOptions.js';
import { fillPoints, joinColumns, pointsShape, prepare, toPoints, type Points } from '../core/points.js';
import { sameLength } from '../core/validate.js';

/**
 * KSG mutual information in nats between prepared (scaled, noised) samples x and y.
 * Algorithm 1: ε_i is the max-norm distance to the k-th joint neighbour and
 * I = ψ(k) + ψ(N) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩ with n_x counted strictly within ε_i.
 * Algorithm 2: ε_x(i), ε_y(i) are the largest marginal distances among the k joint
 * neighbours and I = ψ(k) − 1/k + ψ(N) − ⟨ψ(n_x) + ψ(n_y)⟩ with n_x counted within ≤ ε_x(i).
 */
export function ksgNats(K: Kernels, x: Points, y: Points, k: number, algorithm: 1 | 2, checkTiesFor?: string): number {
  const n = x.n;
  if (algorithm === 1) {
    // one kernel call, so that on wasm the joint sample and the distances stay in its memory
    const [sx, sy] = K.ksgDigammaSums(x.data, x.d, y.data, y.d, k);
    return K.digamma(k) + K.digamma(n) - (sx + sy) / n;
  }
  const joint = joinColumns([x, y]);
  const nb = K.knnMaxNorm(joint.data, joint.d, k, true);
  if (checkTiesFor !== undefined) {
    // Algorithm 2 reads the k neighbours themselves (their marginal extents), not only the
    // k-th distance: when more than k points lie at distance ≤ ε_i the set is a tie-break,
    // which differs between the backends' trees and with sample order. Refuse it.
    const within = K.countWithinMaxNorm(joint.data, joint.d, nb.dist, true);
    for (let i = 0; i < n; i++) {
      if (within[i] > k) {
        throw new RangeError(
          `${checkTiesFor}: estimator 'ksg2' with noise 0 finds ${within[i]} points at the k-th neighbour distance ${nb.dist[i]} of point ${i} (k = ${k}), so its k nearest neighbours are a tie-break; keep the default noise (1e-10) or use estimator 'ksg'`,
        );
      }
    }
  }
  const ex = K.neighbourExtent(joint.data, joint.d, 0, x.d, nb.idx!, k);
  const ey = K.neighbourExtent(joint.data, joint.d, x.d, joint.d, nb.idx!, k);
  const nx = K.countWithinMaxNorm(x.data, x.d, ex, true);
  const ny = K.countWithinMaxNorm(y.data, y.d, ey, true);
  return ksgFromCounts(K, n, k, nx, ny, 2);
}

/** The KSG formula from the marginal counts, the digammas summed over all N in index order. */
export function ksgFromCounts(K: Kernels, n: number, k: number, nx: Int32Array, ny: Int32Array, algorithm: 1 | 2): number {
  if (algorithm === 1) return K.digamma(k) + K.digamma(n) - (K.sumDigamma(nx, 1) + K.sumDigamma(ny, 1)) / n;
  return K.digamma(k) - 1 / k + K.digamma(n) - (K.sumDigamma(nx, 0) + K.sumDigamma(ny, 0)) / n;
}

/** What a k-NN estimator needs to split its queries over workers (knnParallel.ts; absent: one worker). */
export interface KnnSplitLike {
  counts(kind: 'ksg1' | 'ksg2' | 'fp', samples: readonly Points[], k: number): Int32Array[];
  distances(x: Points, k: number): Float64Array;
}

/**
 * The public path of mutualInformation(x, y, {estimator: 'ksg' | 'ksg2'}): validates the
 * samples and the k-NN options, scales each dimension by its standard deviation when
 * `normalize` (default true), adds the seeded relative noise (default 1e-10), and runs
 * {@link ksgNats}, or splits the queries over workers when given a `split`. Returns nats, raw (it may be slightly negative near independence).
 */
export function ksgMutualInformation(
  fn: string,
  K: Kernels,
  xs: unknown,
  ys: unknown,
  o: Record<string, unknown>,
  algorithm: 1 | 2,
  split?: KnnSplitLike,
): number {
  if (split) {
    const x = toPoints(fn, 'x', xs);
    const y = toPoints(fn, 'y', ys);
    sameLength(fn, 'x', x.n, 'y', y.n);
    const s = knnSettings(fn, o, x.n, { normalize: true, noise: 1e-10 });
    prepare([x, y], s.normalize, s.noise, s.seed);
    const [nx, ny] = split.counts(algorithm === 1 ? 'ksg1' : 'ksg2', [x, y], s.k);
    return ksgFromCounts(K, x.n, s.k, nx, ny, algorithm);
  }
  // One worker: the samples go straight into the backend's scratch (WASM memory on wasm),
  // where they are scaled and noised in place and read by the kernels without a copy, so
  // a call leaves no sample-sized garbage on the JS heap.
  const sx = pointsShape(fn, 'x', xs);
  const sy = pointsShape(fn, 'y', ys);
  const mark = K.mark();
  try {
    const [dx, dy] = K.scratchFloat64([sx.n * sx.d, sy.n * sy.d]);
    fillPoints(fn, 'x', xs, dx);
    fillPoints(fn, 'y', ys, dy);
    const x = { data: dx, ...sx };
    const y = { data: dy, ...sy };
    sameLength(fn, 'x', x.n, 'y', y.n);
    const s = knnSettings(fn, o, x.n, { normalize: true, noise: 1e-10 });
    prepare([x, y], s.normalize, s.noise, s.seed);
    return ksgNats(K, x, y, s.k, algorithm, s.noise === 0 ? fn : undefined);
  } finally {
    K.release(mark);
  }
}
