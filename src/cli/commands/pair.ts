// mutinfo pair FILE A B [--given C]: I(A; B), or I(A; B | C).
import type { PairOptions } from '../args.js';
import { conditionalMI, pairMI } from '../compute.js';
import type { Result } from '../format.js';
import { plural } from '../format.js';
import { unitName } from '../format.js';
import { kindOf } from '../typing.js';
import { load } from './load.js';
import { droppedNote, toSeries } from './series.js';

export async function pair(file: string, a: string, b: string, o: PairOptions): Promise<Result> {
  const names = o.given === undefined ? [a, b] : [a, b, o.given];
  const t = await load(file, o, () => [...new Set(names)]);
  const cols = names.map(t.column);
  const { series, rows } = toSeries(cols, cols.map((c) => kindOf(c, o, 'labels')));
  const est = o.given === undefined ? pairMI(series[0], series[1], o) : conditionalMI(series, o);
  const unit = unitName(o.base);
  const label = o.given === undefined ? `I(${a}; ${b})` : `I(${a}; ${b} | ${o.given})`;
  return {
    title: `${label} in ${unit}, ${plural(rows.n, 'row')} of ${t.source}`,
    fields: [
      { key: 'a', label: 'a' },
      { key: 'b', label: 'b' },
      ...(o.given === undefined ? [] : [{ key: 'given', label: 'given' }]),
      { key: 'mi', label: `MI (${unit})`, digits: 4, mi: true },
      { key: 'estimator', label: 'estimator' },
      { key: 'reason', label: 'why' },
      { key: 'rows', label: 'rows' },
      { key: 'dropped', label: 'dropped' },
    ],
    rows: [{ a, b, given: o.given ?? null, mi: est.value, estimator: est.estimator, reason: est.reason, rows: rows.n, dropped: rows.dropped }],
    notes: droppedNote(rows.dropped, names.join(', ')),
    json: {
      a, b, given: o.given ?? null, mi: est.value, unit, estimator: est.estimator, reason: est.reason,
      rows: rows.n, dropped: rows.dropped,
    },
  };
}
