// Radius counts on the kd-tree: whole subtrees inside the radius count without a visit.
// State and bounds: assembly/kdtree.ts. Twin: kdCount in src/backend/js/kdtree.ts.
import { PERM, boxSide, distFull, faceGap, isLeaf, setQuery, spanHi, spanLo } from './kdtree';

function countLeaf(lo: i32, hi: i32, r: f64, inclusive: bool): i32 {
  let c = 0;
  for (let t = lo; t < hi; t++) {
    const e = distFull(t);
    c += i32(inclusive ? e <= r : e < r);
  }
  return c;
}

function countNode(v: i32, r: f64, inclusive: bool): i32 {
  const side = boxSide(v, r, inclusive);
  if (side == 0) return 0;
  const lo = spanLo(v);
  const hi = spanHi(v);
  if (side == 2) return hi - lo;
  if (isLeaf(lo, hi)) return countLeaf(lo, hi, r, inclusive);
  return countNode(2 * v + 1, r, inclusive) + countNode(2 * v + 2, r, inclusive);
}

function countLeaves(v: i32, radius: usize, inclusive: bool, counts: usize): void {
  const lo = spanLo(v);
  const hi = spanHi(v);
  if (!isLeaf(lo, hi)) {
    countLeaves(2 * v + 1, radius, inclusive, counts);
    countLeaves(2 * v + 2, radius, inclusive, counts);
    return;
  }
  for (let t = lo; t < hi; t++) {
    setQuery(t);
    const i = load<i32>(PERM + (<usize>t << 2));
    const r = load<f64>(radius + (<usize>i << 3));
    // the leaf itself, less the point: its own distance 0 counts when 0 < r (or 0 ≤ r)
    let c = countLeaf(lo, hi, r, inclusive) - i32(inclusive ? 0 <= r : 0 < r);
    let u = v;
    while (u > 0) {
      const gap = faceGap(u);
      if (inclusive ? gap > r : gap >= r) break;
      c += countNode(u & 1 ? u + 1 : u - 1, r, inclusive);
      u = (u - 1) >> 1;
    }
    store<i32>(counts + (<usize>i << 2), c);
  }
}

/**
 * For the tree built last: counts[i] = #{j ≠ i : ‖p_j − p_i‖∞ < radius[i]}, or ≤ when
 * inclusive. A subtree whose box lies wholly inside the radius is counted without a visit.
 */
export function kdCount(radius: usize, inclusive: bool, counts: usize): void {
  countLeaves(0, radius, inclusive, counts);
}
