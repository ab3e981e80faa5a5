// Pure-TypeScript twin of assembly/pairs.ts: same passes, arrays instead of pointers.

/** Counting-sort offsets of values in [0, k) (k + 1 entries), and the class sizes. */
function offsets(v: Int32Array, k: number, sizes: Float64Array): Int32Array {
  const off = new Int32Array(k + 1);
  for (let i = 0; i < v.length; i++) off[v[i] + 1]++;
  for (let c = 0; c < k; c++) {
    sizes[c] = off[c + 1];
    off[c + 1] += off[c];
  }
  return off;
}

/** What {@link pairCounts} returns: the non-empty cells sorted by (row, column), and the marginals. */
export interface PairCounts {
  rowIdx: Int32Array;
  colIdx: Int32Array;
  nij: Float64Array;
  rows: Float64Array;
  cols: Float64Array;
}

/**
 * The non-empty cells of the table of (a[i], b[i]), sorted by (a, b), in O(n + ka + kb):
 * a stable counting sort by b, then one by a, then a run-length pass over each row.
 */
export function pairCounts(a: Int32Array, b: Int32Array, ka: number, kb: number): PairCounts {
  const n = a.length;
  const rows = new Float64Array(ka);
  const cols = new Float64Array(kb);
  const offB = offsets(b, kb, cols);
  const ta = new Int32Array(n);
  const tb = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const pos = offB[b[i]]++;
    ta[pos] = a[i];
    tb[pos] = b[i];
  }
  const offA = offsets(a, ka, rows);
  const sb = new Int32Array(n);
  for (let j = 0; j < n; j++) sb[offA[ta[j]]++] = tb[j];
  const rowIdx = ta;
  const colIdx = tb;
  const nij = new Float64Array(n);
  let m = 0;
  for (let r = 0, start = 0; r < ka; r++) {
    const end = offA[r];
    let prev = -1;
    for (let j = start; j < end; j++) {
      const c = sb[j];
      if (c !== prev) {
        rowIdx[m] = r;
        colIdx[m] = c;
        nij[m++] = 1;
        prev = c;
      } else {
        nij[m - 1] += 1;
      }
    }
    start = end;
  }
  return { rowIdx: rowIdx.slice(0, m), colIdx: colIdx.slice(0, m), nij: nij.slice(0, m), rows, cols };
}
