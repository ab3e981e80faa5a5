// mutinfo matrix FILE [--columns …]: pairwise I(A; B) over columns, missing cells dropped per pair.
import type { MatrixOptions } from '../args.js';
import { pairMI } from '../compute.js';
import { usage } from '../errors.js';
import { unitName, type Cell, type Result } from '../format.js';
import { plural } from '../format.js';
import { progress, progressEnabled, tick } from '../progress.js';
import { kindOf } from '../typing.js';
import { load } from './load.js';
import { toSeries } from './series.js';

export async function matrix(file: string, o: MatrixOptions): Promise<Result> {
  let names: string[] = [];
  const t = await load(file, o, (header) => (names = o.columns !== undefined ? [...new Set(o.columns)] : header));
  if (names.length < 2) throw usage(`matrix needs at least two columns, got ${names.length}`);
  const m = names.length;
  const kinds = names.map((n) => kindOf(t.column(n), o, 'labels'));
  const mi: (number | null)[][] = names.map(() => names.map(() => null));
  const estimator: (string | null)[][] = names.map(() => names.map(() => null));
  const dropped: number[][] = names.map(() => names.map(() => 0));
  const used = new Map<string, number>();
  const total = (m * (m - 1)) / 2;
  const bar = progress(progressEnabled(o.quiet), 'matrix', total, 'pairs');
  try {
    let done = 0;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const { series, rows } = toSeries([t.column(names[i]), t.column(names[j])], [kinds[i], kinds[j]]);
        const est = pairMI(series[0], series[1], o);
        mi[i][j] = mi[j][i] = est.value;
        estimator[i][j] = estimator[j][i] = est.estimator;
        dropped[i][j] = dropped[j][i] = rows.dropped;
        used.set(est.estimator, (used.get(est.estimator) ?? 0) + 1);
        bar.update(++done);
        await tick();
      }
    }
  } finally {
    bar.stop();
  }
  const unit = unitName(o.base);
  const notes = [`estimators: ${[...used].map(([e, n]) => `${e} for ${n} pair${n === 1 ? '' : 's'}`).join(', ')}`];
  let maxDropped = 0;
  for (const row of dropped) for (const d of row) if (d > maxDropped) maxDropped = d;
  if (maxDropped > 0) notes.push(`rows with a missing cell were dropped per pair: up to ${maxDropped} for one pair`);
  return {
    title: `Pairwise mutual information in ${unit}, ${plural(t.rows, 'row')} of ${t.source}`,
    // Keyed by position, on objects without a prototype: a column may be named "__proto__".
    fields: [{ key: 'name', label: 'column' }, ...names.map((n, j) => ({ key: `c${j}`, label: n, digits: 4, mi: true }))],
    rows: names.map((n, i) => {
      const row: Record<string, Cell> = Object.create(null);
      row.name = n;
      names.forEach((_, j) => (row[`c${j}`] = mi[i][j]));
      return row;
    }),
    notes,
    json: { columns: names, unit, rows: t.rows, mi, estimator, dropped },
  };
}
