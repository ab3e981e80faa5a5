// Missing cells are dropped per pair (or triple): a row counts for a set of columns only
// when every one of them is present there.
import type { Column } from './column.js';
import { CliError } from './errors.js';

/** The rows where every column is present, or null when that is every row. */
export interface Rows {
  keep: Int32Array | null;
  /** Number of rows in the set. */
  n: number;
  /** Number of rows dropped for a missing cell. */
  dropped: number;
}

function isMissing(col: Column, i: number): boolean {
  return col.type === 'numeric' ? Number.isNaN(col.values[i]) : col.codes[i] === -1;
}

/** The complete rows of a set of columns; throws when none is left. */
export function completeRows(cols: Column[]): Rows {
  const total = cols[0].length;
  if (cols.every((c) => c.missing === 0)) return { keep: null, n: total, dropped: 0 };
  const keep = new Int32Array(total);
  let n = 0;
  for (let i = 0; i < total; i++) {
    let ok = true;
    for (const c of cols) if (isMissing(c, i)) ok = false;
    if (ok) keep[n++] = i;
  }
  if (n === 0) {
    throw new CliError(`no row has a value in every one of ${cols.map((c) => JSON.stringify(c.name)).join(', ')}`);
  }
  return { keep: keep.subarray(0, n), n, dropped: total - n };
}

/** The values (numeric) or codes (text) of a column at the kept rows, without a copy when all are kept. */
export function gather(col: Column, rows: Rows): Float64Array | Int32Array {
  const src = col.type === 'numeric' ? col.values : col.codes;
  if (rows.keep === null) return src;
  const out = col.type === 'numeric' ? new Float64Array(rows.n) : new Int32Array(rows.n);
  const keep = rows.keep;
  for (let i = 0; i < rows.n; i++) out[i] = src[keep[i]];
  return out;
}
