// Columns to estimator input: the complete rows of a set of columns, each with its kind.
import type { Column } from '../column.js';
import type { Series } from '../compute.js';
import { completeRows, gather, type Rows } from '../missing.js';
import type { Kind } from '../typing.js';

/** The columns over their common complete rows, and how many rows that dropped. */
export function toSeries(cols: Column[], kinds: Kind[]): { series: Series[]; rows: Rows } {
  const rows = completeRows(cols);
  return { series: cols.map((c, i) => ({ kind: kinds[i], data: gather(c, rows) })), rows };
}

/** A note for stderr/table about rows dropped for missing cells, or none. */
export function droppedNote(dropped: number, what: string): string[] {
  if (dropped === 0) return [];
  return [`${dropped} row${dropped === 1 ? '' : 's'} with a missing cell in ${what} dropped`];
}
