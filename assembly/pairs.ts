// Sparse contingency table for alphabets too large for a dense one. Twin: src/backend/js/pairs.ts.

/**
 * Counting sort of n values in [0, k) into offsets: off[c] = start of class c, and the
 * class sizes as f64 in sizes. off has k + 1 entries.
 */
function offsets(v: usize, n: i32, k: i32, off: usize, sizes: usize): void {
  memory.fill(off, 0, (<usize>k + 1) << 2);
  for (let i = 0; i < n; i++) {
    const p = off + ((<usize>load<i32>(v + (<usize>i << 2)) + 1) << 2);
    store<i32>(p, load<i32>(p) + 1);
  }
  for (let c = 0; c < k; c++) {
    const p = off + ((<usize>c + 1) << 2);
    store<f64>(sizes + (<usize>c << 3), <f64>load<i32>(p));
    store<i32>(p, load<i32>(p) + load<i32>(p - 4));
  }
}

/**
 * The non-empty cells of the table of (a[i], b[i]), sorted by (a, b), in O(n + ka + kb):
 * a stable counting sort by b, then one by a (an LSD radix sort of the pairs), then a
 * run-length pass over each row. rows and cols get the class sizes (f64). Scratch: offA
 * (ka + 1 ints), offB (kb + 1), ta, tb, sb (n ints each). rowIdx and colIdx may share
 * memory with ta and tb, which the last pass no longer reads. Returns the number of cells.
 */
export function pairCounts(
  a: usize, b: usize, n: i32, ka: i32, kb: i32, rows: usize, cols: usize,
  offA: usize, offB: usize, ta: usize, tb: usize, sb: usize, rowIdx: usize, colIdx: usize, nij: usize,
): i32 {
  offsets(b, n, kb, offB, cols);
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const bi = load<i32>(b + o);
    const p = offB + (<usize>bi << 2);
    const pos = <usize>load<i32>(p) << 2;
    store<i32>(p, load<i32>(p) + 1);
    store<i32>(ta + pos, load<i32>(a + o));
    store<i32>(tb + pos, bi);
  }
  offsets(a, n, ka, offA, rows);
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 2;
    const p = offA + (<usize>load<i32>(ta + o) << 2);
    const pos = <usize>load<i32>(p) << 2;
    store<i32>(p, load<i32>(p) + 1);
    store<i32>(sb + pos, load<i32>(tb + o));
  }
  // offA[r] is now the end of row r.
  let m = 0;
  let start = 0;
  for (let r = 0; r < ka; r++) {
    const end = load<i32>(offA + (<usize>r << 2));
    let prev = -1;
    for (let j = start; j < end; j++) {
      const c = load<i32>(sb + (<usize>j << 2));
      if (c !== prev) {
        store<i32>(rowIdx + (<usize>m << 2), r);
        store<i32>(colIdx + (<usize>m << 2), c);
        store<f64>(nij + (<usize>m << 3), 1.0);
        m++;
        prev = c;
      } else {
        const q = nij + (<usize>(m - 1) << 3);
        store<f64>(q, load<f64>(q) + 1.0);
      }
    }
    start = end;
  }
  return m;
}
