// Crowded cells of the grid, sorted by x so that a query there can sweep its own cell in x
// order (gridknn.ts, strip) instead of scanning every point of it. Data rounded to a few
// decimals with tiny noise put ~100 near-identical points in one cell, which no grid
// resolution separates. Twin: src/backend/js/gridsort.ts.

/**
 * Cells with at least this many points are sorted and swept. A sweep visits about
 * 2·√(k·c) of a cell's c points, so below a few dozen the plain 3 × 3 scan is as fast.
 */
export const SORTED: i32 = 32;

// @ts-ignore: decorator
@inline function x(pts: usize, t: i32): f64 {
  return load<f64>(pts + (<usize>t << 4));
}

// @ts-ignore: decorator
@inline function swap(pts: usize, perm: usize, s: i32, t: i32): void {
  const p = pts + (<usize>s << 4);
  const q = pts + (<usize>t << 4);
  const v = v128.load(p);
  v128.store(p, v128.load(q));
  v128.store(q, v);
  const a = perm + (<usize>s << 2);
  const b = perm + (<usize>t << 2);
  const i = load<i32>(a);
  store<i32>(a, load<i32>(b));
  store<i32>(b, i);
}

/** Max-heap sift-down of the heap at a + [0, m) by x, from j. */
function sift(pts: usize, perm: usize, a: i32, j: i32, m: i32): void {
  for (let c = 2 * j + 1; c < m; j = c, c = 2 * j + 1) {
    if (c + 1 < m && x(pts, a + c + 1) > x(pts, a + c)) c++;
    if (!(x(pts, a + c) > x(pts, a + j))) return;
    swap(pts, perm, a + j, a + c);
  }
}

/**
 * Sorts the points at grid positions [a, b) by x, perm alongside: heapsort, in place and
 * O(c log c) even when one cell holds every point.
 */
function sortRun(pts: usize, perm: usize, a: i32, b: i32): void {
  const m = b - a;
  for (let j = (m >> 1) - 1; j >= 0; j--) sift(pts, perm, a, j, m);
  for (let e = m - 1; e > 0; e--) {
    swap(pts, perm, a, a + e);
    sift(pts, perm, a, 0, e);
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
