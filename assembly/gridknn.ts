// Max-norm k-NN on the grid built last (gridbuild.ts): each query scans the 3 × 3 block of
// cells around its own, then squares of doubling radius, until no point outside the
// scanned square can come nearer than the k-th best so far. Max-norm balls are squares,
// so the squares fit them exactly. Cells of a row are contiguous in grid order, so a
// step costs O(r) runs of points, not O(r²) cells. A query in a crowded cell sweeps its
// own cell in x order instead (strip), or goes to the kd-tree. Twin: src/backend/js/gridknn.ts.
import { GN, GP, GPERM, GX, GY, START, XHI, XLO, YHI, YLO } from './gridbuild';
import { SORTED } from './gridsort';

/** Largest k served here: the k + 1 best (the query's own 0 among them) fill 4 vectors. */
export const GRID_K_MAX: i32 = 7;

/**
 * Work (points plus runs scanned) allowed per point over a whole gridKnn call. A typical
 * query does a few dozen; once the call has spent this much, the queries left go to
 * the kd-tree, so adversarial data cost at most a few grid passes more than the tree.
 */
const WORK_PER_POINT: i64 = 256;

/** The 8 best distances of the current query, stored once per step to read the k-th. */
const BEST: usize = memory.data(8 * 8, 16);
/** Neighbour lists: those strictly nearer than the k-th distance, those tied with it. */
const NEAR: usize = memory.data(4 * (GRID_K_MAX + 1));
const TIED: usize = memory.data(4 * (GRID_K_MAX + 1));

let K: i32 = 0;
/** Work left for the rest of the call. */
let SPARE: i64 = 0;
/** The k-th distance of the last query. */
let EPS: f64 = 0;

// @ts-ignore: decorator
@inline function at(c: i32): i32 {
  return load<i32>(START + (<usize>c << 2));
}

/** Least distance from (qx, qy) to any point outside the square of cells within r of (cx, cy). */
// @ts-ignore: decorator
@inline function gap(cx: i32, cy: i32, r: i32, qx: f64, qy: f64): f64 {
  const a = cx - r - 1 >= 0 ? qx - load<f64>(XHI + (<usize>(cx - r - 1) << 3)) : Infinity;
  const b = cx + r + 1 < GX ? load<f64>(XLO + (<usize>(cx + r + 1) << 3)) - qx : Infinity;
  const c = cy - r - 1 >= 0 ? qy - load<f64>(YHI + (<usize>(cy - r - 1) << 3)) : Infinity;
  const d = cy + r + 1 < GY ? load<f64>(YLO + (<usize>(cy + r + 1) << 3)) - qy : Infinity;
  const m = a < b ? a : b;
  const e = c < d ? c : d;
  return m < e ? m : e;
}

/**
 * EPS = the k-th distance of the point at grid position t in cell (cx, cy); returns the
 * radius of the square that holds its k nearest, or 0 once the call's work is spent. The 8 smallest
 * distances seen, the query's own 0 among them, ride in four vectors with no branch on
 * the data (about half of a query's candidates enter the k best, so a branch would
 * mispredict often). Inserting e: new[m] = max(old[m − 1], min(old[m], e)), by f64x2
 * pmin/pmax (compare-and-select); the k-th distance is then the (k+1)-th smallest.
 */
function nearest(t: i32, cx: i32, cy: i32): i32 {
  const q = v128.load(GP + (<usize>t << 4));
  const none = f64x2.splat(-Infinity);
  let d0 = f64x2.splat(Infinity);
  let d1 = d0;
  let d2 = d0;
  let d3 = d0;
  const spare = SPARE;
  let cost: i64 = 0;
  // step r scans the cells within cell distance r of (cx, cy) but beyond ro (all at r = 1):
  // per row, one run of grid positions across the square, or two beside the scanned part
  for (let ro = -1, r = 1; cost <= spare; ro = r, r <<= 1) {
    const y1 = cy + r < GY - 1 ? cy + r : GY - 1;
    for (let y = cy - r > 0 ? cy - r : 0; y <= y1; y++) {
      const band = y < cy - ro || y > cy + ro;
      for (let s = 0; s < 2 - i32(band); s++) {
        let x0 = s ? cx + ro + 1 : cx - r;
        let x1 = s || band ? cx + r : cx - ro - 1;
        x0 = x0 > 0 ? x0 : 0;
        x1 = x1 < GX - 1 ? x1 : GX - 1;
        if (x0 > x1) continue;
        const b = at(y * GX + x1 + 1);
        const a = at(y * GX + x0);
        cost += <i64>(b - a + 1);
        for (let u = a; u < b; u++) {
          const v = f64x2.abs(f64x2.sub(v128.load(GP + (<usize>u << 4)), q));
          const e = f64x2.pmax(v, f64x2.shuffle(v, v, 1, 0));
          const n0 = f64x2.pmax(f64x2.shuffle(none, d0, 0, 2), f64x2.pmin(d0, e));
          const n1 = f64x2.pmax(f64x2.shuffle(d0, d1, 1, 2), f64x2.pmin(d1, e));
          const n2 = f64x2.pmax(f64x2.shuffle(d1, d2, 1, 2), f64x2.pmin(d2, e));
          d3 = f64x2.pmax(f64x2.shuffle(d2, d3, 1, 2), f64x2.pmin(d3, e));
          d0 = n0;
          d1 = n1;
          d2 = n2;
        }
      }
    }
    v128.store(BEST, d0);
    v128.store(BEST, d1, 16);
    v128.store(BEST, d2, 32);
    v128.store(BEST, d3, 48);
    EPS = load<f64>(BEST + (<usize>K << 3));
    if (gap(cx, cy, r, f64x2.extract_lane(q, 0), f64x2.extract_lane(q, 1)) >= EPS) {
      SPARE -= cost;
      return r;
    }
  }
  SPARE -= cost;
  return 0;
}

/** Points a sweep step takes from each side that is still open. */
const STEP: i32 = 4;

/**
 * EPS from the query's own cell alone, a crowded one (grid positions [a, b), sorted by x):
 * outward from the query on both sides, STEP points a side per step, while the side's next
 * |dx| is below the k-th best; no point beyond can then be strictly nearer. True when no
 * point outside the cell can come nearer than EPS either; the kd-tree takes the query if
 * not. Points past a closed side or the cell enter as +∞, so a step has no branch on the
 * data, and its loads do not wait for the k-th best: one point per step with a branch on
 * the nearer side took about 1.5 times as long (profile, rounded data; mispredicted about
 * half the time, and serial).
 */
function strip(t: i32, a: i32, b: i32, cx: i32, cy: i32): bool {
  const q = v128.load(GP + (<usize>t << 4));
  const qx = f64x2.extract_lane(q, 0);
  const none = f64x2.splat(-Infinity);
  const inf = f64x2.splat(Infinity);
  let d0 = f64x2.replace_lane(inf, 0, 0);
  let d1 = inf;
  let d2 = inf;
  let d3 = inf;
  let eps = Infinity;
  let lo = t - 1;
  let hi = t + 1;
  let gl = lo >= a;
  let gh = hi < b;
  let cost: i64 = 1;
  while (gl || gh) {
    for (let s = 0; s < 2 * STEP; s++) {
      const right = s & 1;
      const u = right ? hi + (s >> 1) : lo - (s >> 1);
      const ok = right ? gh & (u < b) : gl & (u >= a);
      const v = f64x2.abs(f64x2.sub(v128.load(GP + (<usize>(ok ? u : t) << 4)), q));
      const e = ok ? f64x2.pmax(v, f64x2.shuffle(v, v, 1, 0)) : inf;
      const n0 = f64x2.pmax(f64x2.shuffle(none, d0, 0, 2), f64x2.pmin(d0, e));
      const n1 = f64x2.pmax(f64x2.shuffle(d0, d1, 1, 2), f64x2.pmin(d1, e));
      const n2 = f64x2.pmax(f64x2.shuffle(d1, d2, 1, 2), f64x2.pmin(d2, e));
      d3 = f64x2.pmax(f64x2.shuffle(d2, d3, 1, 2), f64x2.pmin(d3, e));
      d0 = n0;
      d1 = n1;
      d2 = n2;
      cost += <i64>i32(ok);
    }
    lo -= gl ? STEP : 0;
    hi += gh ? STEP : 0;
    v128.store(BEST, d0);
    v128.store(BEST, d1, 16);
    v128.store(BEST, d2, 32);
    v128.store(BEST, d3, 48);
    eps = load<f64>(BEST + (<usize>K << 3));
    gl = lo >= a && qx - load<f64>(GP + (<usize>(lo >= a ? lo : t) << 4)) < eps;
    gh = hi < b && load<f64>(GP + (<usize>(hi < b ? hi : t) << 4)) - qx < eps;
  }
  SPARE -= cost;
  EPS = eps;
  return gap(cx, cy, 0, qx, f64x2.extract_lane(q, 1)) >= eps;
}

/**
 * Row `row` of idx: k other points within EPS of the point at grid position t, from the
 * square of radius r around (cx, cy) that nearest() scanned. Every point strictly nearer
 * than EPS is listed (fewer than k), then enough of those at exactly EPS. Branch-free:
 * each candidate is written to both lists, whose ends advance only when it belongs.
 */
function list(t: i32, cx: i32, cy: i32, r: i32, row: usize): void {
  const q = v128.load(GP + (<usize>t << 4));
  const eps = EPS;
  let near = 0;
  let tied = 0;
  const x0 = cx - r > 0 ? cx - r : 0;
  const x1 = (cx + r < GX - 1 ? cx + r : GX - 1) + 1;
  const y1 = cy + r < GY - 1 ? cy + r : GY - 1;
  for (let y = cy - r > 0 ? cy - r : 0; y <= y1; y++) {
    const b = at(y * GX + x1);
    for (let u = at(y * GX + x0); u < b; u++) {
      const v = f64x2.abs(f64x2.sub(v128.load(GP + (<usize>u << 4)), q));
      const e = f64x2.extract_lane(f64x2.pmax(v, f64x2.shuffle(v, v, 1, 0)), 0);
      const other = u != t;
      store<i32>(NEAR + (<usize>near << 2), u);
      store<i32>(TIED + (<usize>tied << 2), u);
      near += i32(other & (e < eps));
      tied += i32(other & (e == eps) & (tied < K));
    }
  }
  for (let m = 0; m < K; m++) {
    const u = m < near ? load<i32>(NEAR + (<usize>m << 2)) : load<i32>(TIED + (<usize>(m - near) << 2));
    store<i32>(row + (<usize>m << 2), load<i32>(GPERM + (<usize>u << 2)));
  }
}

/** The largest k that gridKnn serves. */
export function gridMaxK(): i32 {
  return GRID_K_MAX;
}

/**
 * For the grid built last and 1 ≤ k ≤ min(GRID_K_MAX, n − 1): dist[i] = max-norm distance
 * from point i to its k-th nearest other point and, if idx ≠ 0, row i of idx (n × k) =
 * the original indices of k such points. Queries left when the work is spent are marked
 * (marks[i] = 1, else 0; n i32); returns how many, for kdKnn to finish.
 */
export function gridKnn(k: i32, dist: usize, idx: usize, marks: usize): i32 {
  return gridKnnRange(k, dist, idx, marks, 0, GN);
}

/**
 * gridKnn for the points at grid positions t0 ≤ t < t1 only (one worker's share of a
 * parallel call), with a work budget in proportion; only those can be marked.
 */
export function gridKnnRange(k: i32, dist: usize, idx: usize, marks: usize, t0: i32, t1: i32): i32 {
  K = k;
  SPARE = WORK_PER_POINT * <i64>(t1 - t0);
  memory.fill(marks, 0, <usize>GN << 2);
  let skipped = 0;
  for (let cy = 0; cy < GY; cy++) {
    for (let cx = 0; cx < GX; cx++) {
      const c = cy * GX + cx;
      const a = at(c);
      const b = at(c + 1);
      if (b <= t0 || a >= t1) continue;
      const end = b < t1 ? b : t1;
      const crowded = b - a >= SORTED;
      for (let t = a > t0 ? a : t0; t < end; t++) {
        const i = load<i32>(GPERM + (<usize>t << 2));
        // a crowded cell's query is settled by the sweep (r = 0: the own cell alone) or left
        // to the kd-tree, as a 3 × 3 scan of crowded cells would cost more than the tree
        const swept = crowded && SPARE > 0 && strip(t, a, b, cx, cy);
        const r = crowded ? 0 : nearest(t, cx, cy);
        if (!swept && r == 0) {
          store<i32>(marks + (<usize>i << 2), 1);
          skipped++;
          continue;
        }
        store<f64>(dist + (<usize>i << 3), EPS);
        if (idx) list(t, cx, cy, r, idx + (<usize>i * <usize>k << 2));
      }
    }
  }
  return skipped;
}
