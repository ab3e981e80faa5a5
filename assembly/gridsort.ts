// Crowded cells of the grid, sorted by x so that a query there can sweep its own cell in x
// order (gridknn.ts, strip) instead of scanning every point of it. Data rounded to a few
// decimals with tiny noise put ~100 near-identical points in one cell, which no grid
// resolution separates. Twin: src/backend/js/gridsort.ts.

/**
 * Cells with at least this many points are sorted and swept. A sweep visits about
 * 2·√(k·c) of a cell's c points, so below a few dozen the plain 3 × 3 scan is as fast.
 */
export const SORTED: i32 = 32;

/**
 * Ciura's shellsort gaps, then each about 2.25 times the last. On the 50–400-point cells
 * of rounded data shellsort ran as fast as a heapsort (8.4 ms each for 1e5 points, JS
 * twins) with less code, and it stays near O(c^1.3) on the largest cell gridBuild sweeps.
 */
const GAPS: usize = memory.data<i32>([1, 4, 10, 23, 57, 132, 301, 701, 1577, 3548, 7983, 17961, 40412, 90927, 204585, 460316, 1035711, 2330349, 5243285, 11797391, 26544129, 59724290, 134379652, 302354217, 680296988]);
const NGAPS: i32 = 25;

/** Sorts the points at grid positions [a, b) by x, perm alongside: shellsort, in place. */
function sortRun(pts: usize, perm: usize, a: i32, b: i32): void {
  const m = b - a;
  let g = 0;
  while (g + 1 < NGAPS && load<i32>(GAPS + (<usize>(g + 1) << 2)) < m) g++;
  for (; g >= 0; g--) {
    const h = load<i32>(GAPS + (<usize>g << 2));
    for (let i = a + h; i < b; i++) {
      const v = v128.load(pts + (<usize>i << 4));
      const p = load<i32>(perm + (<usize>i << 2));
      const x = f64x2.extract_lane(v, 0);
      let j = i;
      for (; j - h >= a; j -= h) {
        const w = pts + (<usize>(j - h) << 4);
        if (!(load<f64>(w) > x)) break;
        v128.store(pts + (<usize>j << 4), v128.load(w));
        store<i32>(perm + (<usize>j << 2), load<i32>(perm + (<usize>(j - h) << 2)));
      }
      v128.store(pts + (<usize>j << 4), v);
      store<i32>(perm + (<usize>j << 2), p);
    }
  }
}

/** Sorts by x every cell of at least SORTED points (start: cells + 1 i32, grid order). */
export function sortCrowded(pts: usize, perm: usize, start: usize, cells: i32): void {
  let a = load<i32>(start);
  for (let c = 0; c < cells; c++) {
    const b = load<i32>(start + (<usize>(c + 1) << 2));
    if (b - a >= SORTED) sortRun(pts, perm, a, b);
    a = b;
  }
}
