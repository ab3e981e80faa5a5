// A static kd-tree for max-norm k-NN and radius counts in d ≥ 1 dimensions: its state
// and bounds here, the build in kdbuild.ts, the searches in kdknn.ts and kdcount.ts.
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

// The tree built last; kdbuild.ts sets it through bindTree, the queries read it.
export let P: usize = 0;
export let PERM: usize = 0;
export let BOX: usize = 0;
export let SPAN: usize = 0;
export let D: i32 = 0;
export let ROW: usize = 0;
export let BOXW: usize = 0;
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
}

/** Makes the point at tree position t the query. */
// @ts-ignore: decorator
@inline export function setQuery(t: i32): void {
  Q = P + <usize>t * ROW;
}

/** True when node v holds at most LEAF points. */
// @ts-ignore: decorator
@inline export function isLeaf(lo: i32, hi: i32): bool {
  return hi - lo <= LEAF;
}

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
// @ts-ignore: decorator
@inline export function boxFar(v: i32): f64 {
  const b = BOX + <usize>v * BOXW;
  if (D == 2) {
    const q = v128.load(Q);
    return hmax(f64x2.pmax(f64x2.sub(q, v128.load(b)), f64x2.sub(v128.load(b, 16), q)));
  }
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

// @ts-ignore: decorator
@inline export function dist(t: i32): f64 {
  const p = P + <usize>t * ROW;
  if (D == 2) return hmax(f64x2.abs(f64x2.sub(v128.load(p), v128.load(Q))));
  let m = 0.0;
  for (let c: usize = 0; c < ROW; c += 8) {
    const x = Math.abs(load<f64>(p + c) - load<f64>(Q + c));
    m = x > m ? x : m;
  }
  return m;
}

