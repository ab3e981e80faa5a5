// mutinfo entropy FILE COL: H(COL).
import type { CommonOptions } from '../args.js';
import { columnEntropy } from '../compute.js';
import { unitName, type Result } from '../format.js';
import { plural } from '../format.js';
import { kindOf } from '../typing.js';
import { load } from './load.js';
import { droppedNote, toSeries } from './series.js';

export async function entropy(file: string, column: string, o: CommonOptions): Promise<Result> {
  const t = await load(file, o, () => [column]);
  const col = t.column(column);
  const { series, rows } = toSeries([col], [kindOf(col, o, 'labels')]);
  const est = columnEntropy(series[0], o, column);
  const unit = unitName(o.base);
  return {
    title: `H(${column}) in ${unit}, ${plural(rows.n, 'row')} of ${t.source}`,
    fields: [
      { key: 'column', label: 'column' },
      { key: 'entropy', label: `H (${unit})`, digits: 4 },
      { key: 'estimator', label: 'estimator' },
      { key: 'reason', label: 'why' },
      { key: 'rows', label: 'rows' },
      { key: 'dropped', label: 'dropped' },
    ],
    rows: [{ column, entropy: est.value, estimator: est.estimator, reason: est.reason, rows: rows.n, dropped: rows.dropped }],
    notes: droppedNote(rows.dropped, column),
    json: { column, entropy: est.value, unit, estimator: est.estimator, reason: est.reason, rows: rows.n, dropped: rows.dropped },
  };
}
