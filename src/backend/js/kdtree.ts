// Pure-TypeScript twin of assembly/kdtree.ts: the same static kd-tree (heap-numbered
// nodes, median split on the widest dimension, tight boxes), built here for the
// radius counts. The JS k-NN uses kd-tree-javascript instead (src/backend/js/knn.ts).
// Every comparison is between differences of stored coordinates, so bounds never
// disagree with point distances and the counts are exact.

const LEAF = 8;

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

function swapRows(t: KdTree, a: number, b: number): void {
  const { pts, perm, d } = t;
  for (let c = 0; c < d; c++) {
    const x = pts[a * d + c];
    pts[a * d + c] = pts[b * d + c];
    pts[b * d + c] = x;
  }
  const i = perm[a];
  perm[a] = perm[b];
  perm[b] = i;
}

/** Rearranges rows l..r so that row m holds the value it would hold if sorted on dim s (Hoare/Wirth selection). */
function select(t: KdTree, l: number, r: number, m: number, s: number): void {
  const { pts, d } = t;
  while (r > l) {
    const a = pts[l * d + s];
    const b = pts[((l + r) >> 1) * d + s];
    const c = pts[r * d + s];
    const pv = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = l;
    let j = r;
    while (i <= j) {
      while (pts[i * d + s] < pv) i++;
      while (pts[j * d + s] > pv) j--;
      if (i <= j) {
        swapRows(t, i, j);
        i++;
        j--;
      }
    }
    if (m <= j) r = j;
    else if (m >= i) l = i;
    else break;
  }
}

function buildNode(t: KdTree, v: number, lo: number, hi: number): void {
  const { pts, box, span, d } = t;
  span[2 * v] = lo;
  span[2 * v + 1] = hi;
  const b = v * 2 * d;
  for (let c = 0; c < d; c++) {
    let mn = pts[lo * d + c];
    let mx = mn;
    for (let u = lo + 1; u < hi; u++) {
      const x = pts[u * d + c];
      mn = x < mn ? x : mn;
      mx = x > mx ? x : mx;
    }
    box[b + c] = mn;
    box[b + d + c] = mx;
  }
  if (hi - lo <= LEAF) return;
  let s = 0;
  let w = -1;
  for (let c = 0; c < d; c++) {
    const x = box[b + d + c] - box[b + c];
    if (x > w) {
      w = x;
      s = c;
    }
  }
  const mid = (lo + hi) >> 1;
  select(t, lo, hi - 1, mid, s);
  buildNode(t, 2 * v + 1, lo, mid);
  buildNode(t, 2 * v + 2, mid, hi);
}

/** Builds the tree over n = src.length / d points (row-major). */
export function kdBuild(src: Float64Array, d: number): KdTree {
  const n = src.length / d;
  const m = kdNodeCount(n);
  const t: KdTree = { pts: src.slice(), perm: new Int32Array(n), box: new Float64Array(m * 2 * d), span: new Int32Array(m * 2), d };
  for (let i = 0; i < n; i++) t.perm[i] = i;
  buildNode(t, 0, 0, n);
  return t;
}

function dist(t: KdTree, u: number, q: number): number {
  const { pts, d } = t;
  let m = 0;
  for (let c = 0; c < d; c++) {
    const x = Math.abs(pts[u * d + c] - pts[q + c]);
    m = x > m ? x : m;
  }
  return m;
}

/** Lower and upper bounds of the distance from the point at offset q to node v's points. */
function boxNear(t: KdTree, v: number, q: number): number {
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

function boxFar(t: KdTree, v: number, q: number): number {
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
function faceGap(t: KdTree, v: number, q: number): number {
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

function countLeaf(t: KdTree, lo: number, hi: number, q: number, r: number, inclusive: boolean): number {
  let c = 0;
  for (let u = lo; u < hi; u++) {
    const e = dist(t, u, q);
    c += (inclusive ? e <= r : e < r) ? 1 : 0;
  }
  return c;
}

function countNode(t: KdTree, v: number, q: number, r: number, inclusive: boolean): number {
  const near = boxNear(t, v, q);
  if (inclusive ? near > r : near >= r) return 0;
  const lo = t.span[2 * v];
  const hi = t.span[2 * v + 1];
  const far = boxFar(t, v, q);
  if (inclusive ? far <= r : far < r) return hi - lo;
  if (hi - lo <= LEAF) return countLeaf(t, lo, hi, q, r, inclusive);
  return countNode(t, 2 * v + 1, q, r, inclusive) + countNode(t, 2 * v + 2, q, r, inclusive);
}

function countLeaves(t: KdTree, v: number, radius: Float64Array, inclusive: boolean, counts: Int32Array): void {
  const lo = t.span[2 * v];
  const hi = t.span[2 * v + 1];
  if (hi - lo > LEAF) {
    countLeaves(t, 2 * v + 1, radius, inclusive, counts);
    countLeaves(t, 2 * v + 2, radius, inclusive, counts);
    return;
  }
  for (let u = lo; u < hi; u++) {
    const q = u * t.d;
    const i = t.perm[u];
    const r = radius[i];
    let c = countLeaf(t, lo, hi, q, r, inclusive) - ((inclusive ? 0 <= r : 0 < r) ? 1 : 0);
    let w = v;
    while (w > 0) {
      const gap = faceGap(t, w, q);
      if (inclusive ? gap > r : gap >= r) break;
      c += countNode(t, w & 1 ? w + 1 : w - 1, q, r, inclusive);
      w = (w - 1) >> 1;
    }
    counts[i] = c;
  }
}

/** counts[i] = #{j ≠ i : ‖p_j − p_i‖∞ < radius[i]}, or ≤ when inclusive. */
export function kdCount(t: KdTree, radius: Float64Array, inclusive: boolean, counts: Int32Array): void {
  countLeaves(t, 0, radius, inclusive, counts);
}
