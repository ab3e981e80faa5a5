// Pure-TypeScript twin of assembly/gridbuild.ts: a uniform 2-D grid for max-norm k-NN,
// points bucketed into square cells by a counting sort, in row-major cell order. The
// column of x is floor(fl(fl(x − x0)·ax)), clamped: monotone in x. The search's stopping
// bounds are stored coordinates, never grid lines (see the AS twin for why that is exact).
import { SORTED, sortCrowded } from './gridsort.js';

/** Target Σ c(c − 1) / n over the cell counts c; the other constants as in the AS twin. */
const LAMBDA = 3;
const CROWDED = 8;
/** Crowded cells are swept while Σ c√c / n over them stays below this (see the AS twin). */
const SWEEP_MAX = 32;
const CELLS_PER_POINT = 8;
const AXIS_MAX = 1 << 16;
const SAMPLE = 1 << 15;

/** A built grid. */
export interface Grid {
  /** The points in grid order (cell by cell, row-major), 2 per point. */
  pts: Float64Array;
  /** perm[t] = original index of the point at grid position t. */
  perm: Int32Array;
  /** start[c] = first grid position of cell c; start[gx·gy] = n. */
  start: Int32Array;
  gx: number;
  gy: number;
  /** xHi[j] = the largest x in columns ≤ j, xLo[j] = the smallest x in columns ≥ j; rows alike. */
  xHi: Float64Array;
  xLo: Float64Array;
  yHi: Float64Array;
  yLo: Float64Array;
  x0: number;
  y0: number;
  ax: number;
  ay: number;
}

function side(s: number, h: number, max: number): number {
  if (!(s > 0)) return 1;
  const g = Math.ceil(s / h);
  return g >= max ? max : g < 1 ? 1 : g;
}

/** Lays out about c ≤ cap square cells over the box sx × sy, as the AS twin; false if the scales overflow. */
function layout(g: Grid, c: number, sx: number, sy: number, cap: number, axisMax: number): boolean {
  c = c < cap ? c : cap;
  for (let tries = 0; tries < 64; tries++) {
    const h = sx > 0 && sy > 0 ? (Math.sqrt(sx) * Math.sqrt(sy)) / Math.sqrt(c) : (sx > sy ? sx : sy) / c;
    g.gx = side(sx, h, axisMax);
    g.gy = side(sy, h, axisMax);
    if (g.gx * g.gy <= cap) {
      g.ax = sx > 0 ? g.gx / sx : 0;
      g.ay = sy > 0 ? g.gy / sy : 0;
      return g.ax < Infinity && g.ay < Infinity;
    }
    c *= 0.9;
  }
  return false;
}

/**
 * Counts every stride-th point per cell into start, recording its cell and the column and
 * row bounds (the last pass, with stride 1, counts them all); returns the estimated
 * Σ c(c − 1) / n (each pair in a cell is sampled with probability 1 / stride²).
 */
function count(g: Grid, src: Float64Array, stride: number, cell: Int32Array): number {
  const { gx, gy, x0, y0, ax, ay, start, xHi, xLo, yHi, yLo } = g;
  const n = cell.length;
  start.fill(0, 0, gx * gy + 1);
  xHi.fill(-Infinity);
  xLo.fill(Infinity);
  yHi.fill(-Infinity);
  yLo.fill(Infinity);
  let pairs = 0;
  for (let i = 0; i < n; i += stride) {
    const x = src[2 * i];
    const y = src[2 * i + 1];
    const u = (x - x0) * ax;
    const v = (y - y0) * ay;
    const cx = u < gx ? u | 0 : gx - 1;
    const cy = v < gy ? v | 0 : gy - 1;
    const c = cy * gx + cx;
    cell[i] = c;
    xHi[cx] = x > xHi[cx] ? x : xHi[cx];
    xLo[cx] = x < xLo[cx] ? x : xLo[cx];
    yHi[cy] = y > yHi[cy] ? y : yHi[cy];
    yLo[cy] = y < yLo[cy] ? y : yLo[cy];
    pairs += start[c]++;
  }
  return (pairs * 2 * stride * stride) / n;
}

/** Σ c√c / n over the cells of at least SORTED points: about what sweeping them costs a point. */
function sweepCost(g: Grid, n: number): number {
  let s = 0;
  for (let j = 0; j < g.gx * g.gy; j++) {
    const c = g.start[j];
    if (c >= SORTED) s += c * Math.sqrt(c);
  }
  return s / n;
}

/**
 * Buckets the n 2-D points of src (row-major) into a grid whose cells hold about LAMBDA
 * other points per point; null when the data fit a grid badly (a span that overflows,
 * cells too crowded to sweep). Cells still crowded at the finest allowed grid (clusters
 * of near-duplicates) are sorted by x for gridknn.ts to sweep.
 */
export function gridBuild(src: Float64Array): Grid | null {
  const n = src.length / 2;
  const cap = CELLS_PER_POINT * n + 1;
  const axisMax = cap < AXIS_MAX ? cap : AXIS_MAX;
  let [x0, y0] = src;
  let x1 = x0;
  let y1 = y0;
  for (let i = 1; i < n; i++) {
    const x = src[2 * i];
    const y = src[2 * i + 1];
    x0 = x < x0 ? x : x0;
    x1 = x > x1 ? x : x1;
    y0 = y < y0 ? y : y0;
    y1 = y > y1 ? y : y1;
  }
  const sx = x1 - x0;
  const sy = y1 - y0;
  if (!(sx < Infinity && sy < Infinity)) return null;
  const axis = () => new Float64Array(axisMax);
  const g: Grid = { pts: new Float64Array(2 * n), perm: new Int32Array(n), start: new Int32Array(cap + 1), gx: 1, gy: 1, xHi: axis(), xLo: axis(), yHi: axis(), yLo: axis(), x0, y0, ax: 0, ay: 0 };
  const cell = new Int32Array(n);
  // the resolution from a sample of about SAMPLE points, then refined by exact counts
  const stride = n > 2 * SAMPLE ? Math.floor(n / SAMPLE) : 1;
  if (!layout(g, n / LAMBDA, sx, sy, cap, axisMax)) return null;
  // a layout that comes out unchanged is the finest allowed (clustered data): no recount
  for (let pass = 0; pass < 3 && stride > 1; pass++) {
    const lambda = count(g, src, stride, cell);
    if (lambda < 1.25 * LAMBDA || g.gx * g.gy >= cap) break;
    const cells = g.gx * g.gy;
    if (!layout(g, cells * (lambda / LAMBDA), sx, sy, cap, axisMax)) return null;
    if (g.gx * g.gy === cells) break;
  }
  let lambda = count(g, src, 1, cell);
  for (let pass = 0; pass < 2 && lambda > 1.25 * LAMBDA && g.gx * g.gy < cap; pass++) {
    const [gx, gy] = [g.gx, g.gy];
    if (!layout(g, g.gx * g.gy * (lambda / LAMBDA), sx, sy, cap, axisMax)) return null;
    if (g.gx === gx && g.gy === gy) break;
    lambda = count(g, src, 1, cell);
  }
  if (lambda > CROWDED && sweepCost(g, n) > SWEEP_MAX) return null;
  // counts to running ends, then a backward scatter leaves start[c] at cell c's first position
  const { start, pts, perm } = g;
  const cells = g.gx * g.gy;
  for (let j = 1; j < cells; j++) start[j] += start[j - 1];
  start[cells] = n;
  for (let i = n - 1; i >= 0; i--) {
    const t = --start[cell[i]];
    pts[2 * t] = src[2 * i];
    pts[2 * t + 1] = src[2 * i + 1];
    perm[t] = i;
  }
  sortCrowded(pts, perm, start, cells);
  for (const [hi, lo, m] of [[g.xHi, g.xLo, g.gx], [g.yHi, g.yLo, g.gy]] as const) {
    for (let j = 1; j < m; j++) hi[j] = hi[j - 1] > hi[j] ? hi[j - 1] : hi[j];
    for (let j = m - 2; j >= 0; j--) lo[j] = lo[j + 1] < lo[j] ? lo[j + 1] : lo[j];
  }
  return g;
}
