// Pure-TypeScript twin of assembly/gridbuild.ts: a uniform 2-D grid for max-norm k-NN,
// points bucketed into square cells by a counting sort, in row-major cell order. The
// column of x is floor(fl(fl(x − x0)·ax)), clamped: monotone in x. The search's stopping
// bounds are stored coordinates, never grid lines (see the AS twin for why that is exact).

/** Target Σ c(c − 1) / n over the cell counts c: as in the AS twin. */
const LAMBDA = 3;
/** Above this many the cells are too crowded for the grid to beat the kd-tree. */
const CROWDED = 8;
const CELLS_PER_POINT = 8;
const AXIS_MAX = 1 << 16;
/** Points in the sample that sets the resolution. */
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
}

interface Layout {
  gx: number;
  gy: number;
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

/** About c ≤ cap square cells over the box sx × sy (as in the AS twin), or null if the scales overflow. */
function layout(c: number, x0: number, y0: number, sx: number, sy: number, cap: number, axisMax: number): Layout | null {
  c = c < cap ? c : cap;
  for (let tries = 0; tries < 64; tries++) {
    const h = sx > 0 && sy > 0 ? (Math.sqrt(sx) * Math.sqrt(sy)) / Math.sqrt(c) : (sx > sy ? sx : sy) / c;
    const gx = side(sx, h, axisMax);
    const gy = side(sy, h, axisMax);
    if (gx * gy <= cap) {
      const ax = sx > 0 ? gx / sx : 0;
      const ay = sy > 0 ? gy / sy : 0;
      return ax < Infinity && ay < Infinity ? { gx, gy, x0, y0, ax, ay } : null;
    }
    c *= 0.9;
  }
  return null;
}

/** Cell counts of every stride-th point into start; the estimated Σ c(c − 1) / n (see the AS twin). */
function count(src: Float64Array, L: Layout, stride: number, start: Int32Array, cell: Int32Array | null, g: Grid | null): number {
  const { gx, gy, x0, y0, ax, ay } = L;
  const n = src.length / 2;
  start.fill(0, 0, gx * gy + 1);
  let pairs = 0;
  for (let i = 0; i < n; i += stride) {
    const x = src[2 * i];
    const y = src[2 * i + 1];
    const u = (x - x0) * ax;
    const v = (y - y0) * ay;
    const cx = u < gx ? u | 0 : gx - 1;
    const cy = v < gy ? v | 0 : gy - 1;
    const c = cy * gx + cx;
    if (cell && g) {
      cell[i] = c;
      g.xHi[cx] = x > g.xHi[cx] ? x : g.xHi[cx];
      g.xLo[cx] = x < g.xLo[cx] ? x : g.xLo[cx];
      g.yHi[cy] = y > g.yHi[cy] ? y : g.yHi[cy];
      g.yLo[cy] = y < g.yLo[cy] ? y : g.yLo[cy];
    }
    pairs += start[c]++;
  }
  return (pairs * 2 * stride * stride) / n;
}

function exact(src: Float64Array, L: Layout, start: Int32Array, cell: Int32Array, g: Grid): number {
  g.xHi.fill(-Infinity, 0, L.gx);
  g.xLo.fill(Infinity, 0, L.gx);
  g.yHi.fill(-Infinity, 0, L.gy);
  g.yLo.fill(Infinity, 0, L.gy);
  return count(src, L, 1, start, cell, g);
}

function sweep(hi: Float64Array, lo: Float64Array, m: number): void {
  for (let j = 1; j < m; j++) hi[j] = hi[j - 1] > hi[j] ? hi[j - 1] : hi[j];
  for (let j = m - 2; j >= 0; j--) lo[j] = lo[j + 1] < lo[j] ? lo[j + 1] : lo[j];
}

/**
 * Buckets the n 2-D points of src (row-major) into a grid whose cells hold about LAMBDA
 * other points per point; null when the data fit a grid badly (a span that overflows,
 * cells still crowded at the finest allowed grid).
 */
export function gridBuild(src: Float64Array): Grid | null {
  const n = src.length / 2;
  const cap = CELLS_PER_POINT * n + 1;
  const axisMax = cap < AXIS_MAX ? cap : AXIS_MAX;
  let x0 = src[0];
  let y0 = src[1];
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
  const start = new Int32Array(cap + 1);
  const cell = new Int32Array(n);
  const stride = n > 2 * SAMPLE ? Math.floor(n / SAMPLE) : 1;
  let L = layout(n / LAMBDA, x0, y0, sx, sy, cap, axisMax);
  for (let pass = 0; L && pass < 3 && stride > 1; pass++) {
    const lambda = count(src, L, stride, start, null, null);
    if (lambda < 1.25 * LAMBDA || L.gx * L.gy >= cap) break;
    L = layout(L.gx * L.gy * (lambda / LAMBDA), x0, y0, sx, sy, cap, axisMax);
  }
  if (!L) return null;
  const g: Grid = {
    pts: new Float64Array(2 * n),
    perm: new Int32Array(n),
    start,
    gx: 0,
    gy: 0,
    xHi: new Float64Array(axisMax),
    xLo: new Float64Array(axisMax),
    yHi: new Float64Array(axisMax),
    yLo: new Float64Array(axisMax),
  };
  let lambda = exact(src, L, start, cell, g);
  for (let pass = 0; pass < 2 && lambda > 1.25 * LAMBDA && L.gx * L.gy < cap; pass++) {
    L = layout(L.gx * L.gy * (lambda / LAMBDA), x0, y0, sx, sy, cap, axisMax);
    if (!L) return null;
    lambda = exact(src, L, start, cell, g);
  }
  if (lambda > CROWDED) return null;
  g.gx = L.gx;
  g.gy = L.gy;
  // counts to running ends, then a backward scatter leaves start[c] at cell c's first position
  const cells = L.gx * L.gy;
  for (let j = 1; j < cells; j++) start[j] += start[j - 1];
  start[cells] = n;
  for (let i = n - 1; i >= 0; i--) {
    const t = --start[cell[i]];
    g.pts[2 * t] = src[2 * i];
    g.pts[2 * t + 1] = src[2 * i + 1];
    g.perm[t] = i;
  }
  sweep(g.xHi, g.xLo, L.gx);
  sweep(g.yHi, g.yLo, L.gy);
  return g;
}
