// A uniform 2-D grid for max-norm k-NN: points bucketed into square cells by a counting
// sort, in row-major cell order. The search is in gridknn.ts. Twin: src/backend/js/gridbuild.ts.
// The boundary provides every array:
//   pts   n·2 f64       the points in grid order (cell by cell, row-major)
//   perm  n i32         perm[t] = original index of the point at grid position t
//   cell  n i32         the cell of each original point, then free (gridKnn's marks)
//   start cap + 1 i32   start[c] = first grid position of cell c, start[cells] = n
//   edges 4·gridAxisCap(n) f64   the exact per-column and per-row bounds (below)
// The column of x is floor(fl(fl(x − x0)·ax)), clamped: monotone in x, so a point in a
// lower column has a smaller x. The search's stopping bounds are stored coordinates, never
// grid lines: xHi[j] = the largest x in columns ≤ j, xLo[j] = the smallest x in columns
// ≥ j (rows alike), and every bound is a difference fl(q − b) of stored numbers, which
// rounding keeps monotone, so the k-NN distances are exact.
import { SORTED, sortCrowded } from './gridsort';

/**
 * Target number of other points sharing a point's cell, Σ c(c − 1) / n over the cell
 * counts c. Measured on bench/ksg.mjs's data (k = 3): 2 to 4 are equally fast, 6 is slower.
 */
const LAMBDA: f64 = 3;
/** Above this many the cells are crowded: a few cells hold many points each. */
const CROWDED: f64 = 8;
/**
 * Crowded cells are swept (gridknn.ts, strip) while Σ c√c / n over them stays below this,
 * a sweep visiting about 2√(k·c) of a cell's c points; past it the kd-tree is faster.
 * Data rounded to 0.1 plus KSG's noise (bench/ksg.mjs, ties row) give 12; a ratio of
 * Gaussians (Cauchy-like, most points in one cell) gives hundreds, and swept there it
 * took 1.7× the tree's time.
 */
const SWEEP_MAX: f64 = 32;
/** Cells per point allowed (the start array's size); a correlated Gaussian (ρ = 0.9) takes about 6.5. */
const CELLS_PER_POINT: i32 = 8;
const AXIS_MAX: i32 = 1 << 16;
/** Points in the sample that sets the resolution. */
const SAMPLE: i32 = 1 << 15;

// The grid built last; gridknn.ts reads it.
export let GP: usize = 0, GPERM: usize = 0, START: usize = 0;
export let GX: i32 = 0, GY: i32 = 0, GN: i32 = 0;
export let XHI: usize = 0, XLO: usize = 0, YHI: usize = 0, YLO: usize = 0;
/** The cell of (x, y) is (floor((x − X0)·AX), floor((y − Y0)·AY)), clamped. */
let X0: f64 = 0, Y0: f64 = 0, AX: f64 = 0, AY: f64 = 0;
/**
 * The points being bucketed: x and y of point i at SX + i·SS and SY + i·SS, so the build
 * reads interleaved rows (SY = SX + 8, SS = 16) or two separate columns (SS = 8), as 1-D ×
 * 1-D KSG keeps its samples, without an interleaved copy. The JS twin reads rows.
 */
let SX: usize = 0, SY: usize = 0, SS: usize = 16;

// @ts-ignore: decorator
@inline function srcAt(i: i32): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(SX + <usize>i * SS)), 1, load<f64>(SY + <usize>i * SS));
}

/** Size of the start array for n points (cells, plus one). */
export function gridCellCap(n: i32): i32 {
  return CELLS_PER_POINT * n + 2;
}

/** Columns (and rows) at most, for n points: no more than the cells, so one row always fits. */
export function gridAxisCap(n: i32): i32 {
  const c = gridCellCap(n) - 1;
  return c < AXIS_MAX ? c : AXIS_MAX;
}

/** Cells along a side of length s for cells of side h, in [1, max]. */
function side(s: f64, h: f64, max: i32): i32 {
  if (!(s > 0)) return 1;
  const g = Math.ceil(s / h);
  return g >= <f64>max ? max : g < 1 ? 1 : <i32>g;
}

/**
 * Lays out about c ≤ cap square cells over the box sx × sy (fewer where a side is
 * clamped to axisMax, or where rounding up the sides overshoots cap); false if the
 * scales overflow.
 */
function layout(c: f64, sx: f64, sy: f64, cap: i32, axisMax: i32): bool {
  c = c < <f64>cap ? c : <f64>cap;
  for (let tries = 0; tries < 64; tries++) {
    const h = sx > 0 && sy > 0 ? (Math.sqrt(sx) * Math.sqrt(sy)) / Math.sqrt(c) : (sx > sy ? sx : sy) / c;
    GX = side(sx, h, axisMax);
    GY = side(sy, h, axisMax);
    if (<i64>GX * <i64>GY <= <i64>cap) {
      AX = sx > 0 ? <f64>GX / sx : 0;
      AY = sy > 0 ? <f64>GY / sy : 0;
      return AX < Infinity && AY < Infinity;
    }
    c *= 0.9;
  }
  return false;
}

// @ts-ignore: decorator
@inline function column(x: f64): i32 {
  const u = (x - X0) * AX;
  return u < <f64>GX ? <i32>u : GX - 1;
}

// @ts-ignore: decorator
@inline function row(y: f64): i32 {
  const v = (y - Y0) * AY;
  return v < <f64>GY ? <i32>v : GY - 1;
}

// @ts-ignore: decorator
@inline function fill(a: usize, m: i32, v: f64): void {
  for (let j = 0; j < m; j++) store<f64>(a + (<usize>j << 3), v);
}

// @ts-ignore: decorator
@inline function raise(a: usize, j: i32, v: f64): void {
  const p = a + (<usize>j << 3);
  const o = load<f64>(p);
  store<f64>(p, v > o ? v : o);
}

// @ts-ignore: decorator
@inline function lower(a: usize, j: i32, v: f64): void {
  const p = a + (<usize>j << 3);
  const o = load<f64>(p);
  store<f64>(p, v < o ? v : o);
}

/**
 * Counts every stride-th point per cell into START and returns the estimated Σ c(c − 1) / n
 * over the full counts c (each pair in a cell is sampled with probability 1 / stride²;
 * a cell going from c to c + 1 points gains 2c pairs). With stride 1 the count is exact,
 * and it records each point's cell and the column and row bounds.
 */
function count(n: i32, stride: i32, cell: usize): f64 {
  memory.fill(START, 0, <usize>(GX * GY + 1) << 2);
  if (stride == 1) {
    fill(XHI, GX, -Infinity);
    fill(XLO, GX, Infinity);
    fill(YHI, GY, -Infinity);
    fill(YLO, GY, Infinity);
  }
  let pairs: i64 = 0;
  for (let i = 0; i < n; i += stride) {
    const x = load<f64>(SX + <usize>i * SS);
    const y = load<f64>(SY + <usize>i * SS);
    const cx = column(x);
    const cy = row(y);
    const c = cy * GX + cx;
    if (stride == 1) {
      store<i32>(cell + (<usize>i << 2), c);
      raise(XHI, cx, x);
      lower(XLO, cx, x);
      raise(YHI, cy, y);
      lower(YLO, cy, y);
    }
    const a = START + (<usize>c << 2);
    const m = load<i32>(a);
    store<i32>(a, m + 1);
    pairs += <i64>m;
  }
  return (<f64>(pairs * 2) * <f64>stride * <f64>stride) / <f64>n;
}

/** Σ c√c / n over the cells of at least SORTED points (START holds the counts). */
function sweepCost(n: i32): f64 {
  const cells = GX * GY;
  let s: f64 = 0;
  for (let j = 0; j < cells; j++) {
    const c = <f64>load<i32>(START + (<usize>j << 2));
    if (c >= <f64>SORTED) s += c * Math.sqrt(c);
  }
  return s / <f64>n;
}

/** Running max of the column (row) maxima upwards and min of the minima downwards. */
function sweep(hi: usize, lo: usize, m: i32): void {
  for (let j = 1; j < m; j++) raise(hi, j, load<f64>(hi + (<usize>(j - 1) << 3)));
  for (let j = m - 2; j >= 0; j--) lower(lo, j, load<f64>(lo + (<usize>(j + 1) << 3)));
}

/**
 * The counting sort's second half: counts to running ends, then a backward scatter that
 * leaves START[c] at the first grid position of cell c (and each cell in input order).
 */
function scatter(n: i32, pts: usize, perm: usize, cell: usize): void {
  const cells = GX * GY;
  let sum = 0;
  for (let j = 0; j < cells; j++) {
    sum += load<i32>(START + (<usize>j << 2));
    store<i32>(START + (<usize>j << 2), sum);
  }
  store<i32>(START + (<usize>cells << 2), n);
  for (let i = n - 1; i >= 0; i--) {
    const a = START + (<usize>load<i32>(cell + (<usize>i << 2)) << 2);
    const t = load<i32>(a) - 1;
    store<i32>(a, t);
    v128.store(pts + (<usize>t << 4), srcAt(i));
    store<i32>(perm + (<usize>t << 2), i);
  }
}

/**
 * Buckets the n 2-D points (x at xs + i·step, y at ys + i·step) into the grid; returns false, having built
 * nothing usable, when the data fit a grid badly (a coordinate span that overflows, or
 * cells still crowded at the finest allowed grid: heavy clusters, many duplicates).
 * The cell side is chosen so that a point shares its cell with about LAMBDA others:
 * first from the bounding box, then refined from the measured occupancy.
 */
export function gridBuild(xs: usize, ys: usize, step: usize, n: i32, pts: usize, perm: usize, cell: usize, start: usize, edges: usize): bool {
  SX = xs;
  SY = ys;
  SS = step;
  const cap = gridCellCap(n) - 1;
  const axisMax = gridAxisCap(n);
  let mn = srcAt(0);
  let mx = mn;
  for (let i = 1; i < n; i++) {
    const p = srcAt(i);
    mn = f64x2.pmin(mn, p);
    mx = f64x2.pmax(mx, p);
  }
  X0 = f64x2.extract_lane(mn, 0);
  Y0 = f64x2.extract_lane(mn, 1);
  const sx = f64x2.extract_lane(mx, 0) - X0;
  const sy = f64x2.extract_lane(mx, 1) - Y0;
  if (!(sx < Infinity && sy < Infinity)) return false;
  START = start;
  XHI = edges;
  XLO = edges + (<usize>axisMax << 3);
  YHI = edges + (<usize>axisMax << 4);
  YLO = edges + (<usize>axisMax << 3) * 3;
  // the resolution from a sample of about SAMPLE points, then one exact count
  const stride = n > 2 * SAMPLE ? n / SAMPLE : 1;
  let c = <f64>n / LAMBDA;
  if (!layout(c, sx, sy, cap, axisMax)) return false;
  // a layout that comes out unchanged is the finest allowed (clustered data): no recount
  for (let pass = 0; pass < 3 && stride > 1; pass++) {
    const lambda = count(n, stride, cell);
    if (lambda < 1.25 * LAMBDA || GX * GY >= cap) break;
    const g = GX * GY;
    c = <f64>g * (lambda / LAMBDA);
    if (!layout(c, sx, sy, cap, axisMax)) return false;
    if (GX * GY == g) break;
  }
  let lambda = count(n, 1, cell);
  for (let pass = 0; pass < 2 && lambda > 1.25 * LAMBDA && GX * GY < cap; pass++) {
    const gx = GX;
    const gy = GY;
    c = <f64>(GX * GY) * (lambda / LAMBDA);
    if (!layout(c, sx, sy, cap, axisMax)) return false;
    if (GX == gx && GY == gy) break;
    lambda = count(n, 1, cell);
  }
  if (lambda > CROWDED && sweepCost(n) > SWEEP_MAX) return false;
  scatter(n, pts, perm, cell);
  sortCrowded(pts, perm, START, GX * GY);
  GP = pts;
  GPERM = perm;
  GN = n;
  sweep(XHI, XLO, GX);
  sweep(YHI, YLO, GY);
  return true;
}
