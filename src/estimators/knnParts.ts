// The worker side of one k-NN estimate split over the pool (the caller's side is
// knnParallel.ts): each worker builds its own copy of the sorted
// lines, grid or kd-tree from the shared joint sample, answers one share of the queries
// (Kernels.knnMaxNormPart) and counts the marginal neighbours of those queries only (the
// other queries get radius −1, which counts 0). The caller merges the shares and sums
// the digammas over all N in index order, as one worker does, so the result is bit-identical
// to workers: 1.
import { kernelsFor } from '../backend/select.js';
import type { BackendName, Kernels } from '../backend/kernels.js';

/** Which estimate the parts serve: KSG algorithm 1 or 2, Frenzel–Pompe, or Kozachenko–Leonenko. */
export type KnnPartKind = 'ksg1' | 'ksg2' | 'fp' | 'kl';

/** One worker's share of a k-NN estimate. */
export interface KnnPartTask {
  kind: KnnPartKind;
  /** The joint sample, n rows of d = dx + dy + dz columns ([x, y] for KSG, [x, y, z] for Frenzel–Pompe). */
  points: Float64Array;
  d: number;
  dx: number;
  dy: number;
  k: number;
  part: number;
  parts: number;
  backend: BackendName;
}

/** The given columns of n × d row-major points, as their own row-major array. */
function columns(p: Float64Array, d: number, cols: number[]): Float64Array {
  const n = p.length / d;
  const m = cols.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) out[i * m + c] = p[i * d + cols[c]];
  return out;
}

export const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

/**
 * Runs one share in a worker: the k-NN distances of its queries (−1 elsewhere) for 'kl', or
 * the marginal counts of its queries (0 elsewhere): [n_x, n_y] for KSG, [n_xz, n_yz, n_z]
 * for Frenzel–Pompe.
 */
export function knnPart(t: KnnPartTask): Float64Array | Int32Array[] {
  const K = kernelsFor('knnPart', t.backend);
  const { points, d, dx, dy, k, part, parts } = t;
  const nb = K.knnMaxNormPart(points, d, k, t.kind === 'ksg2', part, parts);
  if (t.kind === 'kl') return nb.dist;
  const xs = range(0, dx);
  const ys = range(dx, dx + dy);
  if (t.kind === 'ksg1') {
    return [K.countWithinMaxNorm(columns(points, d, xs), dx, nb.dist, false), K.countWithinMaxNorm(columns(points, d, ys), dy, nb.dist, false)];
  }
  if (t.kind === 'ksg2') {
    const ex = K.neighbourExtent(points, d, 0, dx, nb.idx!, k);
    const ey = K.neighbourExtent(points, d, dx, d, nb.idx!, k);
    for (let i = 0; i < ex.length; i++) if (nb.dist[i] < 0) ex[i] = ey[i] = -1;
    return [K.countWithinMaxNorm(columns(points, d, xs), dx, ex, true), K.countWithinMaxNorm(columns(points, d, ys), dy, ey, true)];
  }
  const zs = range(dx + dy, d);
  return [
    K.countWithinMaxNorm(columns(points, d, [...xs, ...zs]), dx + zs.length, nb.dist, false),
    K.countWithinMaxNorm(columns(points, d, [...ys, ...zs]), dy + zs.length, nb.dist, false),
    K.countWithinMaxNorm(columns(points, d, zs), zs.length, nb.dist, false),
  ];
}

