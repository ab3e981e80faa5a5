// k-NN search on the kd-tree: each query starts in its own leaf and climbs, stopping when
// its ball lies inside the node's box. State and bounds: assembly/kdtree.ts.
// Twin: src/backend/js/kdknn.ts.
import { PERM, boxNear, distCapped, faceGap, isLeaf, setQuery, spanHi, spanLo } from './kdtree';

// State of the current k-NN query: the k best so far, ascending (the worst last).
let HD: usize = 0;
let HI: usize = 0;
let K: i32 = 0;
/** Tree position of the query, which is not its own neighbour. */
let QT: i32 = 0;
/** The k-th best distance so far (HD[K − 1]). */
let WORST: f64 = Infinity;

/**
 * Inserts (e, t), known to beat the worst, into the k best so far, kept ascending in
 * HD/HI (the worst at HD[K − 1]); the old worst drops out.
 */
// @ts-ignore: decorator
@inline function offer(e: f64, t: i32): void {
  let m = K - 1;
  while (m > 0) {
    const pe = load<f64>(HD + (<usize>(m - 1) << 3));
    if (pe <= e) break;
    store<f64>(HD + (<usize>m << 3), pe);
    store<i32>(HI + (<usize>m << 2), load<i32>(HI + (<usize>(m - 1) << 2)));
    m--;
  }
  store<f64>(HD + (<usize>m << 3), e);
  store<i32>(HI + (<usize>m << 2), t);
}

// @ts-ignore: decorator
@inline function knnLeaf(lo: i32, hi: i32): void {
  let worst = WORST;
  for (let t = lo; t < hi; t++) {
    const e = distCapped(t, worst, false);
    if (e < worst && t != QT) {
      offer(e, t);
      worst = load<f64>(HD + (<usize>(K - 1) << 3));
    }
  }
  WORST = worst;
}

function knnNode(v: i32): void {
  const lo = spanLo(v);
  const hi = spanHi(v);
  if (isLeaf(lo, hi)) {
    knnLeaf(lo, hi);
    return;
  }
  const l = 2 * v + 1;
  const dl = boxNear(l);
  const dr = boxNear(l + 1);
  if (dl <= dr) {
    if (dl < WORST) knnNode(l);
    if (dr < WORST) knnNode(l + 1);
  } else {
    if (dr < WORST) knnNode(l + 1);
    if (dl < WORST) knnNode(l);
  }
}

/** k-NN of the point at tree position t, in leaf v over [lo, hi): leaf first, then up the tree. */
function knnAt(t: i32, v: i32, lo: i32, hi: i32): void {
  setQuery(t);
  QT = t;
  for (let m = 0; m < K; m++) {
    store<f64>(HD + (<usize>m << 3), Infinity);
    store<i32>(HI + (<usize>m << 2), t);
  }
  WORST = Infinity;
  knnLeaf(lo, hi);
  while (v > 0) {
    if (faceGap(v) >= WORST) break;
    const sib = v & 1 ? v + 1 : v - 1;
    if (boxNear(sib) < WORST) knnNode(sib);
    v = (v - 1) >> 1;
  }
}

function knnLeaves(v: i32, dist: usize, idx: usize, marks: usize): void {
  const lo = spanLo(v);
  const hi = spanHi(v);
  if (!isLeaf(lo, hi)) {
    knnLeaves(2 * v + 1, dist, idx, marks);
    knnLeaves(2 * v + 2, dist, idx, marks);
    return;
  }
  for (let t = lo; t < hi; t++) {
    const i = load<i32>(PERM + (<usize>t << 2));
    if (marks && !load<i32>(marks + (<usize>i << 2))) continue;
    knnAt(t, v, lo, hi);
    store<f64>(dist + (<usize>i << 3), WORST);
    if (idx) {
      const row = idx + (<usize>i * <usize>K << 2);
      for (let m = 0; m < K; m++) {
        store<i32>(row + (<usize>m << 2), load<i32>(PERM + (<usize>load<i32>(HI + (<usize>m << 2)) << 2)));
      }
    }
  }
}

/**
 * For the tree built last: dist[i] = max-norm distance from point i to its k-th
 * nearest other point (1 ≤ k < n), and, if idx ≠ 0, row i of idx (n × k) = the
 * original indices of those k points. heap holds k f64 then k i32. If marks ≠ 0
 * (n i32), only the points i with marks[i] ≠ 0 are queried (those gridKnn left).
 */
export function kdKnn(k: i32, heap: usize, dist: usize, idx: usize, marks: usize): void {
  K = k;
  HD = heap;
  HI = heap + (<usize>k << 3);
  knnLeaves(0, dist, idx, marks);
}

