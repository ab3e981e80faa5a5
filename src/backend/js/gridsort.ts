// Pure-TypeScript twin of assembly/gridsort.ts: crowded cells of the grid sorted by x, so
// that a query there can sweep its own cell in x order (gridknn.ts, strip). The same
// shellsort as the AS twin, so both leave tied points in the same order.

/** Cells with at least this many points are sorted and swept (see the AS twin). */
export const SORTED = 32;

/** Ciura's shellsort gaps, then each about 2.25 times the last (see the AS twin). */
const GAPS = [1, 4, 10, 23, 57, 132, 301, 701, 1577, 3548, 7983, 17961, 40412, 90927, 204585, 460316, 1035711, 2330349, 5243285, 11797391, 26544129, 59724290, 134379652, 302354217, 680296988];

/** Sorts by x every cell of at least SORTED points (start: cells + 1 entries, grid order), shellsort in place. */
export function sortCrowded(pts: Float64Array, perm: Int32Array, start: Int32Array, cells: number): void {
  for (let c = 0; c < cells; c++) {
    const a = start[c];
    const b = start[c + 1];
    const m = b - a;
    if (m < SORTED) continue;
    let g = 0;
    while (g + 1 < GAPS.length && GAPS[g + 1] < m) g++;
    for (; g >= 0; g--) {
      const h = GAPS[g];
      for (let i = a + h; i < b; i++) {
        const x = pts[2 * i];
        const y = pts[2 * i + 1];
        const p = perm[i];
        let j = i;
        for (; j - h >= a && pts[2 * (j - h)] > x; j -= h) {
          pts[2 * j] = pts[2 * (j - h)];
          pts[2 * j + 1] = pts[2 * (j - h) + 1];
          perm[j] = perm[j - h];
        }
        pts[2 * j] = x;
        pts[2 * j + 1] = y;
        perm[j] = p;
      }
    }
  }
}
