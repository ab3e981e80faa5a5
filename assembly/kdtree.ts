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
/** The k-th best distance of the current k-NN query (HD[K − 1]). */
let WORST: f64 = Infinity;

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

/**
 * Moves the rows of [l, r] whose coordinate s is below pv (or ≤ pv when orEqual) to the
 * front and returns where the others begin (Lomuto's scheme, swap always, no branch on
 * the data). Used only to split off a block of rows equal to the pivot.
 */
function partitionLomuto(l: i32, r: i32, s: i32, pv: f64, orEqual: bool): i32 {
  let j = l;
  for (let i = l; i <= r; i++) {
    const x = coord(i, s);
    swapRows(i, j);
    j += i32(orEqual ? x <= pv : x < pv);
  }
  return j;
}

const BLOCK: i32 = 64;
const OFF_L: usize = memory.data(BLOCK << 2);
const OFF_R: usize = memory.data(BLOCK << 2);

/**
 * Hoare partition of rows [l, r] around the value t on dim s, block by block (Edelkamp &
 * Weiß, BlockQuicksort, ESA 2016): the offsets of misplaced rows in a block of 64 are
 * recorded without branching on the data, then swapped in pairs, so the comparisons
 * cost no mispredictions. Returns p with every row of [l, p) ≤ t and of [p, r] ≥ t.
 */
function partitionBlocks(l: i32, r: i32, s: i32, t: f64): i32 {
  let i = l;
  let j = r;
  let numL = 0;
  let numR = 0;
  let startL = 0;
  let startR = 0;
  while (j - i + 1 > 2 * BLOCK) {
    if (numL == 0) {
      startL = 0;
      for (let c = 0; c < BLOCK; c++) {
        store<i32>(OFF_L + (<usize>numL << 2), c);
        numL += i32(coord(i + c, s) >= t);
      }
    }
    if (numR == 0) {
      startR = 0;
      for (let c = 0; c < BLOCK; c++) {
        store<i32>(OFF_R + (<usize>numR << 2), c);
        numR += i32(coord(j - c, s) <= t);
      }
    }
    const num = numL < numR ? numL : numR;
    for (let q = 0; q < num; q++) {
      swapRows(i + load<i32>(OFF_L + (<usize>(startL + q) << 2)), j - load<i32>(OFF_R + (<usize>(startR + q) << 2)));
    }
    numL -= num;
    numR -= num;
    startL += num;
    startR += num;
    if (numL == 0) i += BLOCK;
    if (numR == 0) j -= BLOCK;
  }
  // the rest, partly processed blocks included, by the classic loop with bounds
  while (true) {
    while (i <= j && coord(i, s) < t) i++;
    while (j >= i && coord(j, s) > t) j--;
    if (i >= j) break;
    swapRows(i, j);
    i++;
    j--;
  }
  return i;
}

/**
 * Rearranges rows l..r so that row m holds the value it would hold if sorted on dim s,
 * with no larger value before it and no smaller after. On large ranges the pivot comes
 * from Floyd & Rivest's sampling (CACM 18(3), 1975, algorithm 489), which puts it so close
 * to the target that about one partition pass suffices; smaller ranges take the median
 * of three. When the pivot is an extreme, the block equal to it is split off, so ties
 * cannot stall the loop.
 */
function selectRow(l: i32, r: i32, m: i32, s: i32): void {
  while (r - l > 16) {
    if (r - l > 600) {
      const n = <f64>(r - l + 1);
      const i = <f64>(m - l + 1);
      const z = Math.log(n);
      const w = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * w * (n - w)) / n) * (i < n / 2 ? -1 : 1);
      const nl = <i32>Math.floor(<f64>m - (i * w) / n + sd);
      const nr = <i32>Math.floor(<f64>m + ((n - i) * w) / n + sd);
      selectRow(nl > l ? nl : l, nr < r ? nr : r, m, s);
    } else {
      const a = coord(l, s);
      const b = coord(m, s);
      const c = coord(r, s);
      if ((a < b) != (a < c)) swapRows(l, m);
      else if ((c < a) != (c < b)) swapRows(r, m);
    }
    const t = coord(m, s);
    const p = partitionBlocks(l, r, s, t);
    if (p == l) {
      // every row ≥ t: split off the rows equal to t
      const e = partitionLomuto(l, r, s, t, true);
      if (m < e) return;
      l = e;
    } else if (p == r + 1) {
      // every row ≤ t
      const e = partitionLomuto(l, r, s, t, false);
      if (m >= e) return;
      r = e - 1;
    } else if (m < p) r = p - 1;
    else l = p;
  }
  for (let i = l + 1; i <= r; i++) {
    let j = i;
    while (j > l && coord(j - 1, s) > coord(j, s)) {
      swapRows(j - 1, j);
      j--;
    }
  }
}

function buildNode(v: i32, lo: i32, hi: i32): void {
  store<i32>(SPAN + (<usize>v << 3), lo);
  store<i32>(SPAN + (<usize>v << 3), hi, 4);
  const b = BOX + <usize>v * BOXW;
  if (D == 2) {
    let mn = v128.load(P + <usize>lo * ROW);
    let mx = mn;
    for (let t = lo + 1; t < hi; t++) {
      const x = v128.load(P + <usize>t * ROW);
      mn = f64x2.pmin(mn, x);
      mx = f64x2.pmax(mx, x);
    }
    v128.store(b, mn);
    v128.store(b, mx, 16);
  } else {
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
  selectRow(lo, hi - 1, mid, s);
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

// The bounds below take the fast path for d = 2, where a point or a box corner is one
// f64x2 vector. pmax/pmin are compare-and-select, the same as the scalar path.

/** The larger lane of a two-lane vector. */
// @ts-ignore: decorator
@inline function hmax(v: v128): f64 {
  const a = f64x2.extract_lane(v, 0);
  const b = f64x2.extract_lane(v, 1);
  return a > b ? a : b;
}

// @ts-ignore: decorator
@inline function hmin(v: v128): f64 {
  const a = f64x2.extract_lane(v, 0);
  const b = f64x2.extract_lane(v, 1);
  return a < b ? a : b;
}

/** Lower bound of the distance from Q to any point in node v. */
// @ts-ignore: decorator
@inline function boxNear(v: i32): f64 {
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
@inline function boxFar(v: i32): f64 {
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
@inline function faceGap(v: i32): f64 {
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
@inline function dist(t: i32): f64 {
  const p = P + <usize>t * ROW;
  if (D == 2) return hmax(f64x2.abs(f64x2.sub(v128.load(p), v128.load(Q))));
  let m = 0.0;
  for (let c: usize = 0; c < ROW; c += 8) {
    const x = Math.abs(load<f64>(p + c) - load<f64>(Q + c));
    m = x > m ? x : m;
  }
  return m;
}

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

function knnLeaf(lo: i32, hi: i32): void {
  let worst = WORST;
  if (D == 2) {
    // the hot loop of the common 1-D × 1-D case: the query in a register, rows of 16 bytes
    const q = v128.load(Q);
    for (let t = lo; t < hi; t++) {
      const v = f64x2.abs(f64x2.sub(v128.load(P + (<usize>t << 4)), q));
      const a = f64x2.extract_lane(v, 0);
      const b = f64x2.extract_lane(v, 1);
      const e = a > b ? a : b;
      if (e < worst && t != QT) {
        offer(e, t);
        worst = load<f64>(HD + (<usize>(K - 1) << 3));
      }
    }
  } else {
    for (let t = lo; t < hi; t++) {
      const e = dist(t);
      if (e < worst && t != QT) {
        offer(e, t);
        worst = load<f64>(HD + (<usize>(K - 1) << 3));
      }
    }
  }
  WORST = worst;
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
    if (dl < WORST) knnNode(l);
    if (dr < WORST) knnNode(l + 1);
  } else {
    if (dr < WORST) knnNode(l + 1);
    if (dl < WORST) knnNode(l);
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
  WORST = Infinity;
  knnLeaf(lo, hi);
  while (v > 0) {
    if (faceGap(v) >= WORST) break;
    const sib = v & 1 ? v + 1 : v - 1;
    if (boxNear(sib) < WORST) knnNode(sib);
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
