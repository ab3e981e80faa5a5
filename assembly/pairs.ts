// Sparse contingency table for alphabets too large for a dense one. Twin: src/backend/js/pairs.ts.

/**
 * One pass for both margins: rows and cols get the class sizes (f64); off[r] becomes the
 * start of row r in a counting sort by a (ka + 1 entries). cnt (kb ints) holds b's counts
 * meanwhile and is left zeroed for the row pass.
 */
function margins(a: usize, b: usize, n: i32, ka: i32, kb: i32, rows: usize, cols: usize, off: usize, cnt: usize): void {
  memory.fill(off, 0, (<usize>ka + 1) << 2);
  memory.fill(cnt, 0, <usize>kb << 2);
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const p = off + ((<usize>load<i32>(a + o) + 1) << 2);
    store<i32>(p, load<i32>(p) + 1);
    const q = cnt + (<usize>load<i32>(b + o) << 2);
    store<i32>(q, load<i32>(q) + 1);
  }
  for (let r = 0; r < ka; r++) {
    const p = off + ((<usize>r + 1) << 2);
    store<f64>(rows + (<usize>r << 3), <f64>load<i32>(p));
    store<i32>(p, load<i32>(p) + load<i32>(p - 4));
  }
  for (let c = 0; c < kb; c++) {
    const q = cnt + (<usize>c << 2);
    store<f64>(cols + (<usize>c << 3), <f64>load<i32>(q));
    store<i32>(q, 0);
  }
}

/** Stable counting sort of b by a into sb: afterwards off[r] is the end of row r. */
function scatter(a: usize, b: usize, n: i32, off: usize, sb: usize): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const p = off + (<usize>load<i32>(a + o) << 2);
    const pos = load<i32>(p);
    store<i32>(p, pos + 1);
    store<i32>(sb + (<usize>pos << 2), load<i32>(b + o));
  }
}

/**
 * Counts the columns of one row, sb[start, end), into cnt (kb ints, all zero on entry) and
 * lists each column once in seen (kb + 1 ints), in order of first appearance; returns how
 * many. Branch-free: c is always written at seen[t], and t moves on only for a new column
 * (near a coin flip when R·C ≫ N: with a branch this pass took twice as long).
 */
function countRow(sb: usize, start: i32, end: i32, cnt: usize, seen: usize): i32 {
  let t = 0;
  for (let j = start; j < end; j++) {
    const c = load<i32>(sb + (<usize>j << 2));
    const q = cnt + (<usize>c << 2);
    const x = load<i32>(q);
    store<i32>(seen + (<usize>t << 2), c);
    t += <i32>(x === 0);
    store<i32>(q, x + 1);
  }
  return t;
}

/**
 * The non-empty cells of the table of (a[i], b[i]) in O(n + ka + kb): one stable counting
 * sort by a, then each row's columns counted in a dense array of kb ints (small enough to
 * stay in cache) and read back through the list of columns it touched, which also resets
 * them. Cells come by row, and within a row in order of first appearance in the sample.
 * rows and cols get the class sizes (f64). Scratch: off (ka + 1 ints), sb (n ints), cnt
 * (kb ints) and seen (kb + 1 ints). colIdx may share memory with sb: a row's cells are
 * written only after the row is read, and never past its end. Returns the number of cells.
 */
export function pairCounts(
  a: usize, b: usize, n: i32, ka: i32, kb: i32, rows: usize, cols: usize,
  off: usize, sb: usize, cnt: usize, seen: usize, rowIdx: usize, colIdx: usize, nij: usize,
): i32 {
  margins(a, b, n, ka, kb, rows, cols, off, cnt);
  scatter(a, b, n, off, sb);
  let m = 0;
  let start = 0;
  for (let r = 0; r < ka; r++) {
    const end = load<i32>(off + (<usize>r << 2));
    const t = countRow(sb, start, end, cnt, seen);
    for (let u = 0; u < t; u++) {
      const c = load<i32>(seen + (<usize>u << 2));
      const q = cnt + (<usize>c << 2);
      store<i32>(rowIdx + (<usize>m << 2), r);
      store<i32>(colIdx + (<usize>m << 2), c);
      store<f64>(nij + (<usize>m << 3), <f64>load<i32>(q));
      store<i32>(q, 0);
      m++;
    }
    start = end;
  }
  return m;
}

/**
 * Numbers the distinct non-zero sizes of k classes (integers ≤ n, as f64): rank[c] gets the
 * number of class c's size, mark (n ints) is scratch. Returns how many distinct sizes.
 */
function sizeRanks(sizes: usize, k: i32, mark: usize, rank: usize): i32 {
  let hi = 0;
  for (let c = 0; c < k; c++) {
    const v = <i32>load<f64>(sizes + (<usize>c << 3));
    if (v > hi) hi = v;
  }
  memory.fill(mark, 0, <usize>hi << 2);
  for (let c = 0; c < k; c++) {
    const v = <i32>load<f64>(sizes + (<usize>c << 3));
    if (v > 0) store<i32>(mark + (<usize>(v - 1) << 2), 1);
  }
  let d = 0;
  for (let v = 0; v < hi; v++) {
    const p = mark + (<usize>v << 2);
    if (load<i32>(p) !== 0) store<i32>(p, d++);
  }
  for (let c = 0; c < k; c++) {
    const v = <i32>load<f64>(sizes + (<usize>c << 3));
    store<i32>(rank + (<usize>c << 2), v > 0 ? load<i32>(mark + (<usize>(v - 1) << 2)) : 0);
  }
  return d;
}

/**
 * miSparse (assembly/histogram.ts) over the cells of pairCounts, in the same order and with
 * the same arithmetic, so bit for bit the same, but summed as each row is counted: no cell
 * is stored. The log of a_i·b_j is the slow part, and many cells share the pair of class
 * sizes (a_i, b_j) (when R·C ≫ N most cells hold 1 and the sizes cluster around N/R and N/C):
 * when the distinct row sizes times the distinct column sizes fit in cap, each such log is
 * computed once into logs (indexed by the sizes' ranks; −1 = not yet) and reused, the same
 * value bit for bit. ln v is skipped for v = 1 (ln 1 is exactly 0). Scratch as pairCounts,
 * without the cell arrays, plus rowRank (ka ints), colRank (kb ints) and logs (cap f64).
 */
export function pairMutualInfo(
  a: usize, b: usize, n: i32, ka: i32, kb: i32, rows: usize, cols: usize,
  off: usize, sb: usize, cnt: usize, seen: usize, rowRank: usize, colRank: usize, logs: usize, cap: i32,
): f64 {
  margins(a, b, n, ka, kb, rows, cols, off, cnt);
  const da = sizeRanks(rows, ka, sb, rowRank);
  const db = sizeRanks(cols, kb, sb, colRank);
  const cached = <i64>da * <i64>db <= <i64>cap;
  if (cached) for (let t = 0; t < da * db; t++) store<f64>(logs + (<usize>t << 3), -1.0);
  scatter(a, b, n, off, sb);
  const total = <f64>n;
  const logTotal = Math.log(total);
  let s = 0.0;
  let start = 0;
  for (let r = 0; r < ka; r++) {
    const end = load<i32>(off + (<usize>r << 2));
    const t = countRow(sb, start, end, cnt, seen);
    const ai = load<f64>(rows + (<usize>r << 3));
    const line = logs + ((<usize>load<i32>(rowRank + (<usize>r << 2)) * <usize>db) << 3);
    for (let u = 0; u < t; u++) {
      const c = load<i32>(seen + (<usize>u << 2));
      const q = cnt + (<usize>c << 2);
      const v = <f64>load<i32>(q);
      store<i32>(q, 0);
      const bj = load<f64>(cols + (<usize>c << 3));
      let logAB: f64;
      if (cached) {
        const z = line + (<usize>load<i32>(colRank + (<usize>c << 2)) << 3);
        logAB = load<f64>(z);
        if (logAB < 0.0) {
          logAB = Math.log(ai * bj);
          store<f64>(z, logAB);
        }
      } else {
        logAB = Math.log(ai * bj);
      }
      const p = v / total;
      const logOuter = -logAB + logTotal + logTotal;
      const logV = v === 1.0 ? 0.0 : Math.log(v);
      const term = p * (logV - logTotal) + p * logOuter;
      if (Math.abs(term) >= f64.EPSILON) s += term;
    }
    start = end;
  }
  return s > 0.0 ? s : 0.0;
}
