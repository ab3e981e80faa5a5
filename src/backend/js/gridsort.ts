// Pure-TypeScript twin of assembly/gridsort.ts: crowded cells of the grid sorted by x, so
// that a query there can sweep its own cell in x order (gridknn.ts, strip). The same
// heapsort as the AS twin, so both leave tied points in the same order.

/** Cells with at least this many points are sorted and swept (see the AS twin). */
export const SORTED = 32;

function swap(pts: Float64Array, perm: Int32Array, s: number, t: number): void {
  const x = pts[2 * s];
  const y = pts[2 * s + 1];
  pts[2 * s] = pts[2 * t];
  pts[2 * s + 1] = pts[2 * t + 1];
  pts[2 * t] = x;
  pts[2 * t + 1] = y;
  const i = perm[s];
  perm[s] = perm[t];
  perm[t] = i;
}

/** Max-heap sift-down of the heap at a + [0, m) by x, from j. */
function sift(pts: Float64Array, perm: Int32Array, a: number, j: number, m: number): void {
  for (let c = 2 * j + 1; c < m; j = c, c = 2 * j + 1) {
    if (c + 1 < m && pts[2 * (a + c + 1)] > pts[2 * (a + c)]) c++;
    if (!(pts[2 * (a + c)] > pts[2 * (a + j)])) return;
    swap(pts, perm, a + j, a + c);
  }
}

/** Sorts by x every cell of at least SORTED points (start: cells + 1 entries, grid order), heapsort in place. */
export function sortCrowded(pts: Float64Array, perm: Int32Array, start: Int32Array, cells: number): void {
  for (let c = 0; c < cells; c++) {
    const a = start[c];
    const m = start[c + 1] - a;
    if (m < SORTED) continue;
    for (let j = (m >> 1) - 1; j >= 0; j--) sift(pts, perm, a, j, m);
    for (let e = m - 1; e > 0; e--) {
      swap(pts, perm, a, a + e);
      sift(pts, perm, a, 0, e);
    }
  }
}
