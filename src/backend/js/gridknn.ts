// Pure-TypeScript twin of assembly/gridknn.ts: max-norm k-NN on a grid (gridbuild.ts).
// Each query scans the 3 × 3 block of cells around its own, then squares of doubling
// radius, until no point outside the scanned square can come nearer than the k-th best;
// a row of cells is one run of grid positions. A query in a crowded cell sweeps its own
// cell in x order instead (strip), or goes to the kd-tree.
import type { Grid } from './gridbuild.js';
import { SORTED } from './gridsort.js';

/** Largest k served by the grid (the AS twin keeps the k + 1 best in four vectors). */
export const GRID_K_MAX = 7;
/** Work (points plus runs scanned) allowed per point over a whole gridKnn call, as in the AS twin. */
export const WORK_PER_POINT = 256;

/** Least distance from (qx, qy) to any point outside the square of cells within r of (cx, cy). */
function gap(g: Grid, cx: number, cy: number, r: number, qx: number, qy: number): number {
  const a = cx - r - 1 >= 0 ? qx - g.xHi[cx - r - 1] : Infinity;
  const b = cx + r + 1 < g.gx ? g.xLo[cx + r + 1] - qx : Infinity;
  const c = cy - r - 1 >= 0 ? qy - g.yHi[cy - r - 1] : Infinity;
  const d = cy + r + 1 < g.gy ? g.yLo[cy + r + 1] - qy : Infinity;
  const m = a < b ? a : b;
  const e = c < d ? c : d;
  return m < e ? m : e;
}

/**
 * best[k] = the k-th distance of the point at grid position t in cell (cx, cy); returns the
 * radius of the square that holds its k nearest, or 0 when the work left (spare[0]) runs
 * out. best holds the k + 1 smallest distances seen, the query's own 0 among them:
 * new[m] = max(old[m − 1], min(old[m], e)).
 */
function nearest(g: Grid, k: number, t: number, cx: number, cy: number, best: Float64Array, spare: number[]): number {
  const { pts, start, gx, gy } = g;
  const qx = pts[2 * t];
  const qy = pts[2 * t + 1];
  best.fill(Infinity);
  let cost = 0;
  for (let ro = -1, r = 1; cost <= spare[0]; ro = r, r *= 2) {
    const y1 = cy + r < gy - 1 ? cy + r : gy - 1;
    for (let y = cy - r > 0 ? cy - r : 0; y <= y1; y++) {
      const band = y < cy - ro || y > cy + ro;
      for (let s = 0; s < (band ? 1 : 2); s++) {
        let x0 = s ? cx + ro + 1 : cx - r;
        let x1 = s || band ? cx + r : cx - ro - 1;
        x0 = x0 > 0 ? x0 : 0;
        x1 = x1 < gx - 1 ? x1 : gx - 1;
        if (x0 > x1) continue;
        const b = start[y * gx + x1 + 1];
        const a = start[y * gx + x0];
        cost += b - a + 1;
        for (let u = a; u < b; u++) {
          const dx = Math.abs(pts[2 * u] - qx);
          const dy = Math.abs(pts[2 * u + 1] - qy);
          const e = dx > dy ? dx : dy;
          if (e >= best[k]) continue;
          for (let m = k; m > 0; m--) {
            const lo = e < best[m] ? e : best[m];
            best[m] = best[m - 1] < lo ? lo : best[m - 1];
          }
          best[0] = e < best[0] ? e : best[0];
        }
      }
    }
    if (gap(g, cx, cy, r, qx, qy) >= best[k]) {
      spare[0] -= cost;
      return r;
    }
  }
  spare[0] -= cost;
  return 0;
}

/** Max-norm distance between the points at grid positions t and u. */
function cheb(pts: Float64Array, t: number, u: number): number {
  const dx = Math.abs(pts[2 * u] - pts[2 * t]);
  const dy = Math.abs(pts[2 * u + 1] - pts[2 * t + 1]);
  return dx > dy ? dx : dy;
}

/** Inserts e into best, the k + 1 smallest distances so far: new[m] = max(old[m − 1], min(old[m], e)). */
function insert(best: Float64Array, k: number, e: number): void {
  if (e >= best[k]) return;
  for (let m = k; m > 0; m--) {
    const lo = e < best[m] ? e : best[m];
    best[m] = best[m - 1] < lo ? lo : best[m - 1];
  }
  best[0] = e < best[0] ? e : best[0];
}

/** Points a sweep step takes from each side that is still open, as in the AS twin. */
const STEP = 4;

/**
 * best[k] from the query's own cell alone, a crowded one (grid positions [a, b), sorted by
 * x): outward on both sides, STEP points a side per step, while the side's next |dx| is
 * below the k-th best. True when no point outside the cell can come nearer either (see
 * the AS twin).
 */
function strip(g: Grid, k: number, t: number, a: number, b: number, cx: number, cy: number, best: Float64Array, spare: number[]): boolean {
  const { pts } = g;
  const qx = pts[2 * t];
  const qy = pts[2 * t + 1];
  best.fill(Infinity);
  best[0] = 0;
  let lo = t - 1;
  let hi = t + 1;
  let gl = lo >= a;
  let gh = hi < b;
  let cost = 1;
  while (gl || gh) {
    for (let j = 0; j < STEP; j++) {
      if (gl && lo - j >= a) insert(best, k, cheb(pts, t, lo - j));
      if (gh && hi + j < b) insert(best, k, cheb(pts, t, hi + j));
      cost += +(gl && lo - j >= a) + +(gh && hi + j < b);
    }
    lo -= gl ? STEP : 0;
    hi += gh ? STEP : 0;
    gl = lo >= a && qx - pts[2 * lo] < best[k];
    gh = hi < b && pts[2 * hi] - qx < best[k];
  }
  spare[0] -= cost;
  return gap(g, cx, cy, 0, qx, qy) >= best[k];
}

/**
 * idx[row … row + k) = k other points within eps of the point at grid position t, from
 * the square of radius r around (cx, cy): all those strictly nearer, then enough tied (the
 * AS twin fills the same two lists without branches).
 */
function list(g: Grid, k: number, t: number, cx: number, cy: number, r: number, eps: number, idx: Int32Array, row: number, near: Int32Array, tied: Int32Array): void {
  const { pts, start, gx, gy, perm } = g;
  const qx = pts[2 * t];
  const qy = pts[2 * t + 1];
  let nn = 0;
  let nt = 0;
  const x0 = cx - r > 0 ? cx - r : 0;
  const x1 = (cx + r < gx - 1 ? cx + r : gx - 1) + 1;
  const y1 = cy + r < gy - 1 ? cy + r : gy - 1;
  for (let y = cy - r > 0 ? cy - r : 0; y <= y1; y++) {
    const b = start[y * gx + x1];
    for (let u = start[y * gx + x0]; u < b; u++) {
      const dx = Math.abs(pts[2 * u] - qx);
      const dy = Math.abs(pts[2 * u + 1] - qy);
      const e = dx > dy ? dx : dy;
      if (u === t || e > eps) continue;
      if (e < eps) near[nn++] = u;
      else if (nt < k) tied[nt++] = u;
    }
  }
  for (let m = 0; m < k; m++) idx[row + m] = perm[m < nn ? near[m] : tied[m - nn]];
}

/**
 * For 1 ≤ k ≤ min(GRID_K_MAX, n − 1): dist[i] = max-norm distance from point i to its k-th
 * nearest other point and, if idx is given, row i of idx (n × k) = k such points. Queries
 * left when the work (work per point × n) is spent are marked (marks[i] = 1, else 0);
 * returns how many, for the kd-tree.
 */
export function gridKnn(
  g: Grid,
  k: number,
  dist: Float64Array,
  idx: Int32Array | null,
  marks: Int32Array,
  work = WORK_PER_POINT,
  t0 = 0,
  t1 = g.perm.length,
): number {
  // [t0, t1): the grid positions queried (one worker's share of a parallel call)
  const { start, gx, gy, perm } = g;
  const best = new Float64Array(k + 1);
  const near = new Int32Array(k + 1);
  const tied = new Int32Array(k + 1);
  const spare = [work * (t1 - t0)];
  marks.fill(0);
  let skipped = 0;
  for (let cy = 0; cy < gy; cy++) {
    for (let cx = 0; cx < gx; cx++) {
      const c = cy * gx + cx;
      if (start[c + 1] <= t0 || start[c] >= t1) continue;
      const end = Math.min(start[c + 1], t1);
      const crowded = start[c + 1] - start[c] >= SORTED;
      for (let t = Math.max(start[c], t0); t < end; t++) {
        const i = perm[t];
        // a crowded cell's query is settled by the sweep (r = 0: the own cell alone) or left
        // to the kd-tree, as in the AS twin
        const swept = crowded && spare[0] > 0 && strip(g, k, t, start[c], start[c + 1], cx, cy, best, spare);
        const r = crowded ? 0 : nearest(g, k, t, cx, cy, best, spare);
        if (!swept && r === 0) {
          marks[i] = 1;
          skipped++;
          continue;
        }
        dist[i] = best[k];
        if (idx) list(g, k, t, cx, cy, r, best[k], idx, i * k, near, tied);
      }
    }
  }
  return skipped;
}
