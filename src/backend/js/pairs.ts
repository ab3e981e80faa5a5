// Pure-TypeScript twin of assembly/pairs.ts: same passes, arrays instead of pointers.

/** What {@link pairCounts} returns: the non-empty cells by row (see there for the order), and the marginals. */
export interface PairCounts {
  rowIdx: Int32Array;
  colIdx: Int32Array;
  nij: Float64Array;
  rows: Float64Array;
  cols: Float64Array;
}

/** The margins, b sorted by a (sb), the row ends (off[r] is the end of row r) and zeroed row scratch. */
function sortByRow(a: Int32Array, b: Int32Array, ka: number, kb: number) {
  const n = a.length;
  const rows = new Float64Array(ka);
  const cols = new Float64Array(kb);
  const off = new Int32Array(ka + 1);
  const cnt = new Int32Array(kb);
  for (let i = 0; i < n; i++) {
    off[a[i] + 1]++;
    cnt[b[i]]++;
  }
  for (let r = 0; r < ka; r++) {
    rows[r] = off[r + 1];
    off[r + 1] += off[r];
  }
  for (let c = 0; c < kb; c++) {
    cols[c] = cnt[c];
    cnt[c] = 0;
  }
  const sb = new Int32Array(n);
  for (let i = 0; i < n; i++) sb[off[a[i]]++] = b[i];
  return { rows, cols, off, sb, cnt, seen: new Int32Array(kb + 1) };
}

/** Counts the columns of row sb[start, end) into cnt (zero on entry); seen (kb + 1) lists them by first appearance, branch-free. */
function countRow(sb: Int32Array, start: number, end: number, cnt: Int32Array, seen: Int32Array): number {
  let t = 0;
  for (let j = start; j < end; j++) {
    const c = sb[j];
    const x = cnt[c];
    seen[t] = c;
    t += x === 0 ? 1 : 0;
    cnt[c] = x + 1;
  }
  return t;
}

/**
 * The non-empty cells of the table of (a[i], b[i]) in O(n + ka + kb): one stable counting
 * sort by a, then each row's columns counted in a dense array of kb ints and read back through
 * the list of columns it touched. Cells come by row, and within a row in order of first
 * appearance in the sample.
 */
export function pairCounts(a: Int32Array, b: Int32Array, ka: number, kb: number): PairCounts {
  const { rows, cols, off, sb, cnt, seen } = sortByRow(a, b, ka, kb);
  const rowIdx = new Int32Array(a.length);
  const colIdx = sb;
  const nij = new Float64Array(a.length);
  let m = 0;
  for (let r = 0, start = 0; r < ka; r++) {
    const end = off[r];
    const t = countRow(sb, start, end, cnt, seen);
    for (let u = 0; u < t; u++) {
      const c = seen[u];
      rowIdx[m] = r;
      colIdx[m] = c;
      nij[m++] = cnt[c];
      cnt[c] = 0;
    }
    start = end;
  }
  return { rowIdx: rowIdx.slice(0, m), colIdx: colIdx.slice(0, m), nij: nij.slice(0, m), rows, cols };
}

/**
 * Entries of pairMutualInfo's table of ln(a_i·b_j) for n samples: it pays only when it is
 * smaller than the number of cells (at most n); 2^20 f64 is 8 MB.
 */
export function logCacheCells(n: number): number {
  return Math.min(n, 1 << 20);
}

/** Numbers the distinct non-zero class sizes: rank[c] is the number of sizes[c]'s value. Returns how many. */
function sizeRanks(sizes: Float64Array, rank: Int32Array): number {
  let hi = 0;
  for (let c = 0; c < sizes.length; c++) if (sizes[c] > hi) hi = sizes[c];
  const mark = new Int32Array(hi);
  for (let c = 0; c < sizes.length; c++) if (sizes[c] > 0) mark[sizes[c] - 1] = 1;
  let d = 0;
  for (let v = 0; v < hi; v++) if (mark[v] !== 0) mark[v] = d++;
  for (let c = 0; c < sizes.length; c++) rank[c] = sizes[c] > 0 ? mark[sizes[c] - 1] : 0;
  return d;
}

/**
 * miSparse (./histogram.ts) over the cells of pairCounts, same order and arithmetic, summed as
 * each row is counted. ln(a_i·b_j) is computed once per pair of distinct class sizes when
 * their table fits logCacheCells (assembly/pairs.ts says why); ln v is skipped for v = 1.
 */
export function pairMutualInfo(a: Int32Array, b: Int32Array, ka: number, kb: number): number {
  const { rows, cols, off, sb, cnt, seen } = sortByRow(a, b, ka, kb);
  const rowRank = new Int32Array(ka);
  const colRank = new Int32Array(kb);
  const da = sizeRanks(rows, rowRank);
  const db = sizeRanks(cols, colRank);
  const cached = da * db <= logCacheCells(a.length);
  const logs = new Float64Array(cached ? da * db : 0).fill(-1);
  const total = a.length;
  const logTotal = Math.log(total);
  let s = 0;
  for (let r = 0, start = 0; r < ka; r++) {
    const end = off[r];
    const t = countRow(sb, start, end, cnt, seen);
    const ai = rows[r];
    const line = rowRank[r] * db;
    for (let u = 0; u < t; u++) {
      const c = seen[u];
      const v = cnt[c];
      cnt[c] = 0;
      let logAB: number;
      if (cached) {
        const z = line + colRank[c];
        logAB = logs[z];
        if (logAB < 0) logAB = logs[z] = Math.log(ai * cols[c]);
      } else {
        logAB = Math.log(ai * cols[c]);
      }
      const p = v / total;
      const logOuter = -logAB + logTotal + logTotal;
      const logV = v === 1 ? 0 : Math.log(v);
      const term = p * (logV - logTotal) + p * logOuter;
      if (Math.abs(term) >= Number.EPSILON) s += term;
    }
    start = end;
  }
  return s > 0 ? s : 0;
}
