// Pure-TypeScript twin of assembly/kdtree.ts: the static kd-tree's layout and bounds; the
// build is in kdbuild.ts and the radius counts in kdcount.ts, as in assembly/. The JS
// k-NN uses kd-tree-javascript instead (src/backend/js/knn.ts).
// Every comparison is between differences of stored coordinates, so bounds never
// disagree with point distances and the counts are exact.

export const LEAF = 8;

/** Number of node slots for n points. */
export function kdNodeCount(n: number): number {
  let levels = 0;
  let size = n;
  while (size > LEAF) {
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
}

/** Max-norm distance from the point at tree position u to the query at offset q of pts. */
export function dist(t: KdTree, u: number, q: number): number {
  const { pts, d } = t;
  let m = 0;
  for (let c = 0; c < d; c++) {
    const x = Math.abs(pts[u * d + c] - pts[q + c]);
    m = x > m ? x : m;
  }
  return m;
}

/** Lower and upper bounds of the distance from the point at offset q to node v's points. */
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

export function boxFar(t: KdTree, v: number, q: number): number {
  const { pts, box, d } = t;
  const b = v * 2 * d;
  let m = 0;
  for (let c = 0; c < d; c++) {
    const a = pts[q + c] - box[b + c];
    const e = box[b + d + c] - pts[q + c];
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

