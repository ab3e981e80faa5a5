// mutinfo matrix FILE [--columns …]: pairwise I(A; B) over columns, missing cells dropped per pair.
// The default estimators (and --estimator discrete or ksg) go through the library's
// mutualInformationMatrixAsync; an estimator it does not offer is run pair by pair.
import type { MatrixOptions } from '../args.js';
import type { Column } from '../column.js';
import { mutualInformationMatrixAsync } from '../../index.js';
import { pairMI } from '../compute.js';
import { usage } from '../errors.js';
import { unitName, type Cell, type Result } from '../format.js';
import { plural } from '../format.js';
import { progress, progressEnabled, tick } from '../progress.js';
import { kindOf, type Kind } from '../typing.js';
import { load } from './load.js';
import { toSeries } from './series.js';

interface Pairs {
  mi: (number | null)[][];
  estimator: (string | null)[][];
  dropped: number[][];
}

/** A column for the library: numbers (NaN missing), or label codes with null for a missing cell. */
function libraryColumn(c: Column): ArrayLike<number | null> {
  if (c.type === 'numeric') return c.values;
  return Array.from(c.codes, (v) => (v < 0 ? null : v));
}

async function byLibrary(cols: Column[], kinds: Kind[], o: MatrixOptions, onPair: (done: number) => void): Promise<Pairs> {
  const m = cols.length;
  const est = (o.estimator ?? 'auto') as 'auto' | 'discrete' | 'ksg';
  const r = await mutualInformationMatrixAsync({ columns: cols.map(libraryColumn) }, {
    estimator: est,
    ...(est === 'auto' ? { discreteFeatures: kinds.map((k) => k === 'discrete') } : {}),
    missing: 'pairwise',
    ...(o.k !== undefined ? { nNeighbors: o.k } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.base !== undefined ? { base: o.base } : {}),
    workers: o.workers,
    onProgress: onPair,
  });
  const at = (i: number, j: number) => i * m + j;
  return {
    mi: cols.map((_, i) => cols.map((__, j) => (i === j ? null : r.matrix[at(i, j)]))),
    estimator: cols.map((_, i) => cols.map((__, j) => (i === j ? null : r.estimators[at(i, j)]))),
    dropped: cols.map((_, i) => cols.map((__, j) => (i === j ? 0 : r.dropped[at(i, j)]))),
  };
}

async function byPairs(cols: Column[], kinds: Kind[], o: MatrixOptions, onPair: (done: number) => void): Promise<Pairs> {
  const m = cols.length;
  const out: Pairs = {
    mi: cols.map(() => cols.map(() => null)),
    estimator: cols.map(() => cols.map(() => null)),
    dropped: cols.map(() => cols.map(() => 0)),
  };
  let done = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const { series, rows } = toSeries([cols[i], cols[j]], [kinds[i], kinds[j]]);
      const est = pairMI(series[0], series[1], o);
      out.mi[i][j] = out.mi[j][i] = est.value;
      out.estimator[i][j] = out.estimator[j][i] = est.estimator;
      out.dropped[i][j] = out.dropped[j][i] = rows.dropped;
      onPair(++done);
      await tick();
    }
  }
  return out;
}

export async function matrix(file: string, o: MatrixOptions): Promise<Result> {
  let names: string[] = [];
  const t = await load(file, o, (header) => (names = o.columns !== undefined ? [...new Set(o.columns)] : header));
  if (names.length < 2) throw usage(`matrix needs at least two columns, got ${names.length}`);
  const m = names.length;
  const cols = names.map((n) => t.column(n));
  const kinds = cols.map((c) => kindOf(c, o, 'labels'));
  const total = (m * (m - 1)) / 2;
  const bar = progress(progressEnabled(o.quiet), 'matrix', total, 'pairs');
  let p: Pairs;
  try {
    const library = o.estimator === undefined || o.estimator === 'discrete' || o.estimator === 'ksg';
    p = await (library ? byLibrary : byPairs)(cols, kinds, o, (d) => bar.update(d));
  } finally {
    bar.stop();
  }
  const used = new Map<string, number>();
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) used.set(p.estimator[i][j]!, (used.get(p.estimator[i][j]!) ?? 0) + 1);
  const unit = unitName(o.base);
  const notes = [`estimators: ${[...used].map(([e, n]) => `${e} for ${n} pair${n === 1 ? '' : 's'}`).join(', ')}`];
  let maxDropped = 0;
  for (const row of p.dropped) for (const d of row) if (d > maxDropped) maxDropped = d;
  if (maxDropped > 0) notes.push(`rows with a missing cell were dropped per pair: up to ${maxDropped} for one pair`);
  return {
    title: `Pairwise mutual information in ${unit}, ${plural(t.rows, 'row')} of ${t.source}`,
    // Keyed by position, on objects without a prototype: a column may be named "__proto__".
    fields: [{ key: 'name', label: 'column' }, ...names.map((n, j) => ({ key: `c${j}`, label: n, digits: 4, mi: true }))],
    rows: names.map((n, i) => {
      const row: Record<string, Cell> = Object.create(null);
      row.name = n;
      names.forEach((_, j) => (row[`c${j}`] = p.mi[i][j]));
      return row;
    }),
    notes,
    json: { columns: names, unit, rows: t.rows, mi: p.mi, estimator: p.estimator, dropped: p.dropped },
  };
}
