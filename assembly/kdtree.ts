// A static kd-tree for max-norm k-NN and radius counts in d ≥ 1 dimensions: its state
// and bounds here, the build in kdbuild.ts, the searches in kdknn.ts and kdcount.ts.
// Twin: src/backend/js/kdtree.ts. The boundary provides every array:
//   pts  n·d f64   the points, reordered into tree order by kdBuild
//   perm n   i32   perm[t] = original index of the point at tree position t
//   box  m·2d f64  per node: the tight bounding box, lo[0..d) then hi[0..d)
//   span m·2 i32   per node: its range [start, end) of tree positions
//   heap k f64 + k i32   the k best of the current k-NN query
// with m = kdNodeCount(n, d). Nodes are heap-numbered: node v over [lo, hi) with more
// than leafSize(d) points has children 2v+1 over [lo, mid) and 2v+2 over [mid, hi),
// mid = (lo + hi) >> 1, split on the widest dimension at the median, so that every
// point left of mid is ≤ the split value and every point right of it is ≥.
//
// Every comparison is between differences fl(a − b) of stored coordinates, which
// rounding keeps monotone, so box bounds never disagree with point distances: the
// k-NN distances and the strict/inclusive counts are exact.

/**
 * Most points a leaf holds, by dimension. A leaf scan is a tight loop over contiguous rows;
 * in higher dimensions a node's box rarely prunes (the radius is a large share of each
 * axis), so visiting it costs more than scanning its points with the early-exit distance,
 * and larger leaves pay. Measured on Gaussian data, counts and k-NN (bench/knn.mjs).
 */
export function leafSize(d: i32): i32 {
  return d <= 2 ? 8 : d <= 6 ? 16 : 32;
}

// The tree built last; kdbuild.ts sets it through bindTree, the queries read it.
export let P: usize = 0;
export let PERM: usize = 0;
export let BOX: usize = 0;
export let SPAN: usize = 0;
export let D: i32 = 0;
export let ROW: usize = 0;
export let BOXW: usize = 0;
export let LEAF: i32 = 8;
/** The query point of the current search. */
export let Q: usize = 0;

export function bindTree(pts: usize, perm: usize, box: usize, span: usize, d: i32): void {
  P = pts;
  PERM = perm;
  BOX = box;
  SPAN = span;
  D = d;
  ROW = <usize>d << 3;
  BOXW = <usize>d << 4;
  LEAF = leafSize(d);
}

/** Makes the point at tree position t the query. */
// @ts-ignore: decorator
@inline export function setQuery(t: i32): void {
  Q = P + <usize>t * ROW;
}

/** True when node v holds at most leafSize(D) points. */
// @ts-ignore: decorator
@inline export function isLeaf(lo: i32, hi: i32): bool {
  return hi - lo <= LEAF;
}

/** Number of node slots for n points of d dimensions. */
export function kdNodeCount(n: i32, d: i32): i32 {
  const leaf = leafSize(d);
  let levels = 0;
  let size = n;
  while (size > leaf) {
    size = (size + 1) >> 1;
    levels++;
  }
  return (1 << (levels + 1)) - 1;
}

// @ts-ignore: decorator
@inline export function coord(t: i32, c: i32): f64 {
  return load<f64>(P + <usize>t * ROW + (<usize>c << 3));
}

// @ts-ignore: decorator
@inline export function spanLo(v: i32): i32 {
  return load<i32>(SPAN + (<usize>v << 3));
}

// @ts-ignore: decorator
@inline export function spanHi(v: i32): i32 {
  return load<i32>(SPAN + (<usize>v << 3), 4);
}

// The bounds below take the fast path for d = 2, where a point or a box corner is one
// f64x2 vector. pmax/pmin are compare-and-select, the same as the scalar path.

/** The larger lane of a two-lane vector. */
// @ts-ignore: decorator
@inline export function hmax(v: v128): f64 {
  const a = f64x2.extract_lane(v, 0);
  const b = f64x2.extract_lane(v, 1);
  return a > b ? a : b;
}

// @ts-ignore: decorator
@inline export function hmin(v: v128): f64 {
  const a = f64x2.extract_lane(v, 0);
  const b = f64x2.extract_lane(v, 1);
  return a < b ? a : b;
}

/** Lower bound of the distance from Q to any point in node v. */
// @ts-ignore: decorator
@inline export function boxNear(v: i32): f64 {
  const b = BOX + <usize>v * BOXW;
  if (D == 2) {
    const q = v128.load(Q);
    const m = f64x2.pmax(f64x2.sub(v128.load(b), q), f64x2.sub(q, v128.load(b, 16)));
    const h = hmax(m);
    return h > 0 ? h : 0;
  }
  // two coordinates per f64x2 step (pmax is compare-and-select, as the scalar tail)
  const hb = b + (<usize>D << 3);
  let m2 = f64x2.splat(0);
  const even = ROW & ~(<usize>15);
  let c: usize = 0;
  for (; c < even; c += 16) {
    const q = v128.load(Q + c);
    m2 = f64x2.pmax(m2, f64x2.pmax(f64x2.sub(v128.load(b + c), q), f64x2.sub(q, v128.load(hb + c))));
  }
  let m = hmax(m2);
  if (c < ROW) {
    const q = load<f64>(Q + c);
    const a = load<f64>(b + c) - q;
    const e = q - load<f64>(hb + c);
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
// @ts-ignore: decorator
@inline export function faceGap(v: i32): f64 {
  const b = BOX + <usize>v * BOXW;
  if (D == 2) {
    const q = v128.load(Q);
    return hmin(f64x2.pmin(f64x2.sub(q, v128.load(b)), f64x2.sub(v128.load(b, 16), q)));
  }
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

/**
 * The max-norm distance from Q to the point at tree position t when it is below bound
 * (or at most bound, when inclusive); otherwise some coordinate difference beyond it,
 * returned as soon as one is found. Callers compare the result with the same bound in the
 * same sense, so the early exit never changes an outcome: a skipped point could only
 * have been farther. In high dimensions most points fail on the first coordinates.
 */
// @ts-ignore: decorator
@inline export function distCapped(t: i32, bound: f64, inclusive: bool): f64 {
  const p = P + <usize>t * ROW;
  if (D == 2) return hmax(f64x2.abs(f64x2.sub(v128.load(p), v128.load(Q))));
  // two coordinates per f64x2 step, one exit test per pair: fewer branches to mispredict
  const b2 = f64x2.splat(bound);
  let m2 = f64x2.splat(0);
  const even = ROW & ~(<usize>15);
  let c: usize = 0;
  for (; c < even; c += 16) {
    const x = f64x2.abs(f64x2.sub(v128.load(p + c), v128.load(Q + c)));
    const out = inclusive ? f64x2.gt(x, b2) : f64x2.ge(x, b2);
    if (v128.any_true(out)) return hmax(x);
    m2 = f64x2.pmax(m2, x);
  }
  let m = hmax(m2);
  if (c < ROW) {
    const x = Math.abs(load<f64>(p + c) - load<f64>(Q + c));
    m = x > m ? x : m;
  }
  return m;
}

/**
 * The max-norm distance from Q to the point at tree position t, every coordinate read:
 * for radius counts, where most points of a straddling leaf lie inside the ball, so an
 * early exit rarely fires and its branch costs more than it saves (measured: 15–35% off a
 * count in 3 to 10 dimensions).
 */
// @ts-ignore: decorator
@inline export function distFull(t: i32): f64 {
  const p = P + <usize>t * ROW;
  let m2 = f64x2.splat(0);
  const even = ROW & ~(<usize>15);
  let c: usize = 0;
  for (; c < even; c += 16) m2 = f64x2.pmax(m2, f64x2.abs(f64x2.sub(v128.load(p + c), v128.load(Q + c))));
  let m = hmax(m2);
  if (c < ROW) {
    const x = Math.abs(load<f64>(p + c) - load<f64>(Q + c));
    m = x > m ? x : m;
  }
  return m;
}

/**
 * Where node v's box lies against the ball of radius r around Q: 0 wholly outside (no
 * point strictly within r, or within ≤ r when inclusive), 2 wholly inside, 1 straddling.
 * One pass over the coordinates for both bounds (boxNear and boxFar), leaving as soon as
 * one coordinate puts the box outside.
 */
// @ts-ignore: decorator
@inline export function boxSide(v: i32, r: f64, inclusive: bool): i32 {
  const b = BOX + <usize>v * BOXW;
  if (D == 2) {
    const q = v128.load(Q);
    const lo = v128.load(b);
    const hi = v128.load(b, 16);
    const hn = hmax(f64x2.pmax(f64x2.sub(lo, q), f64x2.sub(q, hi)));
    const near = hn > 0 ? hn : 0;
    if (inclusive ? near > r : near >= r) return 0;
    const far = hmax(f64x2.pmax(f64x2.sub(q, lo), f64x2.sub(hi, q)));
    return (inclusive ? far <= r : far < r) ? 2 : 1;
  }
  // the nearest distance to a box is ≥ 0, so no radius below it (or ≤ 0, strict) reaches in
  if (inclusive ? r < 0 : r <= 0) return 0;
  // two coordinates per f64x2 step, one exit test per pair; the scalar tail as in boxNear
  const hb = b + (<usize>D << 3);
  const r2 = f64x2.splat(r);
  let far2 = f64x2.splat(0);
  const even = ROW & ~(<usize>15);
  let c: usize = 0;
  for (; c < even; c += 16) {
    const q = v128.load(Q + c);
    const l = v128.load(b + c);
    const h = v128.load(hb + c);
    const near = f64x2.pmax(f64x2.sub(l, q), f64x2.sub(q, h));
    if (v128.any_true(inclusive ? f64x2.gt(near, r2) : f64x2.ge(near, r2))) return 0;
    far2 = f64x2.pmax(far2, f64x2.pmax(f64x2.sub(q, l), f64x2.sub(h, q)));
  }
  let far = hmax(far2);
  if (c < ROW) {
    const q = load<f64>(Q + c);
    const l = load<f64>(b + c);
    const h = load<f64>(hb + c);
    const a = l - q;
    const e = q - h;
    if (inclusive ? a > r || e > r : a >= r || e >= r) return 0;
    const f = q - l;
    const g = h - q;
    far = f > far ? f : far;
    far = g > far ? g : far;
  }
  return (inclusive ? far <= r : far < r) ? 2 : 1;
}
