// A static kd-tree for max-norm k-NN and radius counts in d ≥ 1 dimensions.
// Twin: src/backend/js/kdtree.ts. The boundary provides every array:
//   pts  n·d f64   the points, reordered into tree order by kdBuild
//   perm n   i32   perm[t] = original index of the point at tree position t
//   box  m·2d f64  per node: the tight bounding box, lo[0..d) then hi[0..d)
//   span m·2 i32   per node: its range [start, end) of tree positions
//   heap k f64 + k i32   the k best of the current k-NN query
// with m = kdNodeCount(n). Nodes are heap-numbered: node v over [lo, hi) with more
// than LEAF points has children 2v+1 over [lo, mid) and 2v+2 over [mid, hi),
// mid = (lo + hi) >> 1, split on the widest dimension at the median, so that every
// point left of mid is ≤ the split value and every point right of it is ≥.
//
// Every comparison is between differences fl(a − b) of stored coordinates, which
// rounding keeps monotone, so box bounds never disagree with point distances: the
// k-NN distances and the strict/inclusive counts are exact.

const LEAF: i32 = 8;

let P: usize = 0;
let PERM: usize = 0;
let BOX: usize = 0;
let SPAN: usize = 0;
let N: i32 = 0;
let D: i32 = 0;
let ROW: usize = 0;
let BOXW: usize = 0;
let HD: usize = 0;
let HI: usize = 0;
let K: i32 = 0;
let Q: usize = 0;
let QT: i32 = 0;

/** Number of node slots for n points. */
export function kdNodeCount(n: i32): i32 {
  let levels = 0;
  let size = n;
  while (size > LEAF) {
    size = (size + 1) >> 1;
    levels++;
  }
  return (1 << (levels + 1)) - 1;
}

// @ts-ignore: decorator
@inline function coord(t: i32, c: i32): f64 {
  return load<f64>(P + <usize>t * ROW + (<usize>c << 3));
}

function swapRows(a: i32, b: i32): void {
  const pa = P + <usize>a * ROW;
  const pb = P + <usize>b * ROW;
  if (D == 2) {
    const t = v128.load(pa);
    v128.store(pa, v128.load(pb));
    v128.store(pb, t);
  } else {
    for (let c: usize = 0; c < ROW; c += 8) {
      const t = load<f64>(pa + c);
      store<f64>(pa + c, load<f64>(pb + c));
      store<f64>(pb + c, t);
    }
  }
  const ia = PERM + (<usize>a << 2);
  const ib = PERM + (<usize>b << 2);
  const t = load<i32>(ia);
  store<i32>(ia, load<i32>(ib));
  store<i32>(ib, t);
}

/** Rearranges rows l..r so that row m holds the value it would hold if sorted on dim s (Hoare/Wirth selection). */
function select(l: i32, r: i32, m: i32, s: i32): void {
  while (r > l) {
    const a = coord(l, s);
    const b = coord((l + r) >> 1, s);
    const c = coord(r, s);
    const pv = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = l;
    let j = r;
    while (i <= j) {
      while (coord(i, s) < pv) i++;
      while (coord(j, s) > pv) j--;
      if (i <= j) {
        swapRows(i, j);
        i++;
        j--;
      }
    }
    if (m <= j) r = j;
    else if (m >= i) l = i;
    else break;
  }
}

function buildNode(v: i32, lo: i32, hi: i32): void {
  store<i32>(SPAN + (<usize>v << 3), lo);
  store<i32>(SPAN + (<usize>v << 3), hi, 4);
  const b = BOX + <usize>v * BOXW;
  for (let c = 0; c < D; c++) {
    let mn = coord(lo, c);
    let mx = mn;
    for (let t = lo + 1; t < hi; t++) {
      const x = coord(t, c);
      mn = x < mn ? x : mn;
      mx = x > mx ? x : mx;
    }
    store<f64>(b + (<usize>c << 3), mn);
    store<f64>(b + (<usize>(D + c) << 3), mx);
  }
  if (hi - lo <= LEAF) return;
  let s = 0;
  let w = -1.0;
  for (let c = 0; c < D; c++) {
    const x = load<f64>(b + (<usize>(D + c) << 3)) - load<f64>(b + (<usize>c << 3));
    if (x > w) {
      w = x;
      s = c;
    }
  }
  const mid = (lo + hi) >> 1;
  select(lo, hi - 1, mid, s);
  buildNode(2 * v + 1, lo, mid);
  buildNode(2 * v + 2, mid, hi);
}

/** Copies the n points (row-major, d columns) from src into tree order and builds the tree. */
export function kdBuild(src: usize, n: i32, d: i32, pts: usize, perm: usize, box: usize, span: usize): void {
  P = pts;
  PERM = perm;
  BOX = box;
  SPAN = span;
  N = n;
  D = d;
  ROW = <usize>d << 3;
  BOXW = <usize>d << 4;
  memory.copy(pts, src, <usize>n * ROW);
  for (let i = 0; i < n; i++) store<i32>(perm + (<usize>i << 2), i);
  buildNode(0, 0, n);
}

/** Lower bound of the distance from Q to any point in node v. */
function boxNear(v: i32): f64 {
  const b = BOX + <usize>v * BOXW;
  let m = 0.0;
  for (let c = 0; c < D; c++) {
    const q = load<f64>(Q + (<usize>c << 3));
    const a = load<f64>(b + (<usize>c << 3)) - q;
    const e = q - load<f64>(b + (<usize>(D + c) << 3));
    m = a > m ? a : m;
    m = e > m ? e : m;
  }
  return m;
}

/** Upper bound of the distance from Q to any point in node v. */
function boxFar(v: i32): f64 {
  const b = BOX + <usize>v * BOXW;
  let m = 0.0;
  for (let c = 0; c < D; c++) {
    const q = load<f64>(Q + (<usize>c << 3));
    const a = q - load<f64>(b + (<usize>c << 3));
    const e = load<f64>(b + (<usize>(D + c) << 3)) - q;
    m = a > m ? a : m;
    m = e > m ? e : m;
  }
  return m;
}

/**
 * Least distance from Q to the faces of node v's box. Every point outside v's subtree
 * lies on or beyond one of those faces (the split property above), so when this is at
 * least the search radius nothing outside v can be strictly within it.
 */
function faceGap(v: i32): f64 {
  const b = BOX + <usize>v * BOXW;
  let m = Infinity;
  for (let c = 0; c < D; c++) {
    const q = load<f64>(Q + (<usize>c << 3));
    const a = q - load<f64>(b + (<usize>c << 3));
    const e = load<f64>(b + (<usize>(D + c) << 3)) - q;
    m = a < m ? a : m;
    m = e < m ? e : m;
  }
  return m;
}

// @ts-ignore: decorator
@inline function dist(t: i32): f64 {
  const p = P + <usize>t * ROW;
  let m = 0.0;
  for (let c: usize = 0; c < ROW; c += 8) {
    const x = Math.abs(load<f64>(p + c) - load<f64>(Q + c));
    m = x > m ? x : m;
  }
  return m;
}

/** Replaces the root of the max-heap of the k best by (e, t) and sifts it down. */
function heapReplace(e: f64, t: i32): void {
  let i = 0;
  while (true) {
    let c = 2 * i + 1;
    if (c >= K) break;
    let ce = load<f64>(HD + (<usize>c << 3));
    if (c + 1 < K) {
      const re = load<f64>(HD + (<usize>(c + 1) << 3));
      if (re > ce) {
        c++;
        ce = re;
      }
    }
    if (ce <= e) break;
    store<f64>(HD + (<usize>i << 3), ce);
    store<i32>(HI + (<usize>i << 2), load<i32>(HI + (<usize>c << 2)));
    i = c;
  }
  store<f64>(HD + (<usize>i << 3), e);
  store<i32>(HI + (<usize>i << 2), t);
}

function knnLeaf(lo: i32, hi: i32): void {
  for (let t = lo; t < hi; t++) {
    if (t == QT) continue;
    const e = dist(t);
    if (e < load<f64>(HD)) heapReplace(e, t);
  }
}

function knnNode(v: i32): void {
  const lo = load<i32>(SPAN + (<usize>v << 3));
  const hi = load<i32>(SPAN + (<usize>v << 3), 4);
  if (hi - lo <= LEAF) {
    knnLeaf(lo, hi);
    return;
  }
  const l = 2 * v + 1;
  const dl = boxNear(l);
  const dr = boxNear(l + 1);
  if (dl <= dr) {
    if (dl < load<f64>(HD)) knnNode(l);
    if (dr < load<f64>(HD)) knnNode(l + 1);
  } else {
    if (dr < load<f64>(HD)) knnNode(l + 1);
    if (dl < load<f64>(HD)) knnNode(l);
  }
}

/** k-NN of the point at tree position t, in leaf v over [lo, hi): leaf first, then up the tree. */
function knnAt(t: i32, v: i32, lo: i32, hi: i32): void {
  Q = P + <usize>t * ROW;
  QT = t;
  for (let m = 0; m < K; m++) {
    store<f64>(HD + (<usize>m << 3), Infinity);
    store<i32>(HI + (<usize>m << 2), t);
  }
  knnLeaf(lo, hi);
  while (v > 0) {
    if (faceGap(v) >= load<f64>(HD)) break;
    const sib = v & 1 ? v + 1 : v - 1;
    if (boxNear(sib) < load<f64>(HD)) knnNode(sib);
    v = (v - 1) >> 1;
  }
}

function knnLeaves(v: i32, dist: usize, idx: usize): void {
  const lo = load<i32>(SPAN + (<usize>v << 3));
  const hi = load<i32>(SPAN + (<usize>v << 3), 4);
  if (hi - lo > LEAF) {
    knnLeaves(2 * v + 1, dist, idx);
    knnLeaves(2 * v + 2, dist, idx);
    return;
  }
  for (let t = lo; t < hi; t++) {
    knnAt(t, v, lo, hi);
    const i = load<i32>(PERM + (<usize>t << 2));
    store<f64>(dist + (<usize>i << 3), load<f64>(HD));
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
 * original indices of those k points. heap holds k f64 then k i32.
 */
export function kdKnn(k: i32, heap: usize, dist: usize, idx: usize): void {
  K = k;
  HD = heap;
  HI = heap + (<usize>k << 3);
  knnLeaves(0, dist, idx);
}

function countLeaf(lo: i32, hi: i32, r: f64, inclusive: bool): i32 {
  let c = 0;
  for (let t = lo; t < hi; t++) {
    const e = dist(t);
    c += i32(inclusive ? e <= r : e < r);
  }
  return c;
}

function countNode(v: i32, r: f64, inclusive: bool): i32 {
  const near = boxNear(v);
  if (inclusive ? near > r : near >= r) return 0;
  const lo = load<i32>(SPAN + (<usize>v << 3));
  const hi = load<i32>(SPAN + (<usize>v << 3), 4);
  const far = boxFar(v);
  if (inclusive ? far <= r : far < r) return hi - lo;
  if (hi - lo <= LEAF) return countLeaf(lo, hi, r, inclusive);
  return countNode(2 * v + 1, r, inclusive) + countNode(2 * v + 2, r, inclusive);
}

function countLeaves(v: i32, radius: usize, inclusive: bool, counts: usize): void {
  const lo = load<i32>(SPAN + (<usize>v << 3));
  const hi = load<i32>(SPAN + (<usize>v << 3), 4);
  if (hi - lo > LEAF) {
    countLeaves(2 * v + 1, radius, inclusive, counts);
    countLeaves(2 * v + 2, radius, inclusive, counts);
    return;
  }
  for (let t = lo; t < hi; t++) {
    Q = P + <usize>t * ROW;
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
