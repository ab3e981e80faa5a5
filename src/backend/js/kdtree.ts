// Pure-TypeScript twin of assembly/kdtree.ts: the static kd-tree's layout and bounds; the
// build is in kdbuild.ts, the radius counts in kdcount.ts and the k-NN in kdknn.ts, as in
// assembly/.
// Every comparison is between differences of stored coordinates, so bounds never
// disagree with point distances and the counts are exact.

/** Most points a leaf holds, by dimension (see the AS twin for why larger leaves in higher d). */
export function leafSize(d: number): number {
  return d <= 2 ? 8 : d <= 6 ? 16 : 32;
}

/** Number of node slots for n points of d dimensions. */
export function kdNodeCount(n: number, d: number): number {
  const leaf = leafSize(d);
  let levels = 0;
  let size = n;
  while (size > leaf) {
    size = (size + 1) >> 1;
    levels++;
  }
  return 2 ** (levels + 1) - 1;
}

/** A built tree: points in tree order, their original indices, node boxes and spans. */
export interface KdTree {
  pts: Float64Array;
  perm: Int32Array;
  box: Float64Array;
  span: Int32Array;
  d: number;
  /** leafSize(d). */
  leaf: number;
}

/** Lower bound of the distance from the point at offset q to node v's points. */
export function boxNear(t: KdTree, v: number, q: number): number {
  const { pts, box, d } = t;
  const b = v * 2 * d;
  let m = 0;
  for (let c = 0; c < d; c++) {
    const a = box[b + c] - pts[q + c];
    const e = pts[q + c] - box[b + d + c];
    m = a > m ? a : m;
    m = e > m ? e : m;
  }
  return m;
}

/** Least distance from the point to the faces of node v's box (see the AS twin for why it bounds the outside). */
export function faceGap(t: KdTree, v: number, q: number): number {
  const { pts, box, d } = t;
  const b = v * 2 * d;
  let m = Infinity;
  for (let c = 0; c < d; c++) {
    const a = pts[q + c] - box[b + c];
    const e = box[b + d + c] - pts[q + c];
    m = a < m ? a : m;
    m = e < m ? e : m;
  }
  return m;
}


/**
 * The max-norm distance from the point at tree position u to the query at offset q when it
 * is below bound (at most bound, when inclusive); otherwise the first coordinate difference
 * beyond it. Callers compare the result with the same bound in the same sense, so the early
 * exit never changes an outcome. (The AS twin tests two coordinates per step; the outcome
 * and the returned distance of a point within the bound are the same.)
 */
export function distCapped(t: KdTree, u: number, q: number, bound: number, inclusive: boolean): number {
  const { pts, d } = t;
  const p = u * d;
  let m = 0;
  for (let c = 0; c < d; c++) {
    const x = Math.abs(pts[p + c] - pts[q + c]);
    if (inclusive ? x > bound : x >= bound) return x;
    m = x > m ? x : m;
  }
  return m;
}

/** The max-norm distance from the query at q to point u, every coordinate read (AS twin: distFull). */
export function distFull(t: KdTree, u: number, q: number): number {
  const { pts, d } = t;
  const p = u * d;
  let m = 0;
  for (let c = 0; c < d; c++) {
    const x = Math.abs(pts[p + c] - pts[q + c]);
    m = x > m ? x : m;
  }
  return m;
}

/** Node v's box against the ball of radius r around the query: 0 outside, 2 inside, 1 straddling (AS twin: boxSide). */
export function boxSide(t: KdTree, v: number, q: number, r: number, inclusive: boolean): number {
  if (inclusive ? r < 0 : r <= 0) return 0;
  const { pts, box, d } = t;
  const b = v * 2 * d;
  let far = 0;
  for (let c = 0; c < d; c++) {
    const x = pts[q + c];
    const l = box[b + c];
    const h = box[b + d + c];
    const a = l - x;
    const e = x - h;
    if (inclusive ? a > r || e > r : a >= r || e >= r) return 0;
    const f = x - l;
    const g = h - x;
    far = f > far ? f : far;
    far = g > far ? g : far;
  }
  return (inclusive ? far <= r : far < r) ? 2 : 1;
}
