// Pure-TypeScript twin of assembly/kdcount.ts: radius counts on the kd-tree; whole
// subtrees inside the radius count without a visit.
import { boxSide, distFull, faceGap, type KdTree } from './kdtree.js';

function countLeaf(t: KdTree, lo: number, hi: number, q: number, r: number, inclusive: boolean): number {
  let c = 0;
  for (let u = lo; u < hi; u++) {
    const e = distFull(t, u, q);
    c += (inclusive ? e <= r : e < r) ? 1 : 0;
  }
  return c;
}

function countNode(t: KdTree, v: number, q: number, r: number, inclusive: boolean): number {
  const side = boxSide(t, v, q, r, inclusive);
  if (side === 0) return 0;
  const lo = t.span[2 * v];
  const hi = t.span[2 * v + 1];
  if (side === 2) return hi - lo;
  if (hi - lo <= t.leaf) return countLeaf(t, lo, hi, q, r, inclusive);
  return countNode(t, 2 * v + 1, q, r, inclusive) + countNode(t, 2 * v + 2, q, r, inclusive);
}

function countLeaves(t: KdTree, v: number, radius: Float64Array, inclusive: boolean, counts: Int32Array): void {
  const lo = t.span[2 * v];
  const hi = t.span[2 * v + 1];
  if (hi - lo > t.leaf) {
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
