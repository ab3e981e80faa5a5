// The worker side of one k-NN estimate split over the pool (the caller's side is
// knnParallel.ts). Two kinds of task, each on the worker's own copy of the search
// structure: a share of the joint k-NN queries (Kernels.knnMaxNormPart), and the radius
// counts in one marginal space for a share of the points (a radius of −1 counts 0).
import { kernelsFor } from '../backend/select.js';
import type { BackendName } from '../backend/kernels.js';

/** A share of the joint k-NN queries: their distances (−1 for other shares) and, for KSG algorithm 2, the marginal extents. */
export interface KnnDistTask {
  /** The joint sample, n rows of d columns, row-major. */
  points: Float64Array;
  d: number;
  k: number;
  /** KSG algorithm 2: also return ε_x, ε_y over the columns [0, dx) and [dx, d). 0: distances only. */
  extentsAt: number;
  part: number;
  parts: number;
  backend: BackendName;
}

/** The counts within radius[i] in one marginal space, for the points i of one share (0 for the others). */
export interface CountTask {
  points: Float64Array;
  d: number;
  radius: Float64Array;
  inclusive: boolean;
  part: number;
  parts: number;
  backend: BackendName;
}

/** Runs a share of the joint k-NN queries: [dist] or, with extentsAt, [dist, ε_x, ε_y] (−1 outside the share). */
export function knnDistPart(t: KnnDistTask): Float64Array[] {
  const K = kernelsFor('knnPart', t.backend);
  const nb = K.knnMaxNormPart(t.points, t.d, t.k, t.extentsAt > 0, t.part, t.parts);
  if (t.extentsAt === 0) return [nb.dist];
  const ex = K.neighbourExtent(t.points, t.d, 0, t.extentsAt, nb.idx!, t.k);
  const ey = K.neighbourExtent(t.points, t.d, t.extentsAt, t.d, nb.idx!, t.k);
  for (let i = 0; i < ex.length; i++) if (nb.dist[i] < 0) ex[i] = ey[i] = -1;
  return [nb.dist, ex, ey];
}

/** Runs the radius counts of one share of the points in one marginal space. */
export function countPart(t: CountTask): Int32Array {
  const K = kernelsFor('knnPart', t.backend);
  let radius = t.radius;
  if (t.parts > 1) {
    const n = radius.length;
    const a = Math.floor((n * t.part) / t.parts);
    const b = Math.floor((n * (t.part + 1)) / t.parts);
    radius = new Float64Array(n).fill(-1);
    radius.set(t.radius.subarray(a, b), a);
  }
  return K.countWithinMaxNorm(t.points, t.d, radius, t.inclusive);
}
