// mutinfo select FILE --target COL --method M -k N: greedy feature selection (FEAST's criteria)
// through the library's selectFeaturesAsync, on the rows complete in the target and every feature.
import type { SelectOptions } from '../args.js';
import { selectFeaturesAsync, type SelectionEstimator, type SelectionMethod } from '../../index.js';
import { CliError, usage } from '../errors.js';
import { unitName, type Field, type Result } from '../format.js';
import { completeRows, gather } from '../missing.js';
import { progress, progressEnabled } from '../progress.js';
import { distinctCount, kindOf } from '../typing.js';
import { load } from './load.js';
import { droppedNote } from './series.js';

const ESTIMATORS = ['auto', 'discrete', 'binned', 'ksg'];

export async function select(file: string, o: SelectOptions): Promise<Result> {
  if (o.estimator !== undefined && !ESTIMATORS.includes(o.estimator)) {
    throw usage(`select: --estimator must be one of ${ESTIMATORS.join(', ')}, got ${JSON.stringify(o.estimator)}`);
  }
  let features: string[] = [];
  const t = await load(file, o, (header) => {
    features = [...new Set(o.columns ?? header)].filter((n) => n !== o.target);
    return [o.target, ...features];
  });
  if (features.length === 0) throw usage(`no feature columns to select from besides the target ${JSON.stringify(o.target)}`);
  const target = t.column(o.target);
  if (kindOf(target, o, 'labels') !== 'discrete') {
    throw new CliError(
      `select needs class labels as the target, but ${JSON.stringify(o.target)} reads as continuous; pass --discrete ${o.target} to use its values as classes`,
    );
  }
  if (distinctCount(target, 2) < 2) throw new CliError(`target column ${JSON.stringify(o.target)} has a single value: there is nothing to select for`);
  const cols = features.map((f) => t.column(f));
  // Columns as the CLI reads them everywhere: text and few-integer columns are labels.
  const kinds = cols.map((c) => kindOf(c, o, 'labels'));
  const rows = completeRows([target, ...cols]);
  const d = features.length;
  const data = new Float64Array(rows.n * d);
  cols.forEach((c, j) => {
    const v = gather(c, rows);
    for (let i = 0; i < rows.n; i++) data[i * d + j] = v[i];
  });
  const y = gather(target, rows);
  const k = o.number ?? Math.min(10, d);
  const method = (o.method ?? 'jmi') as SelectionMethod;
  const estimator = (o.estimator ?? 'auto') as SelectionEstimator;
  const bar = progress(progressEnabled(o.quiet), 'select', k, 'picks');
  let r;
  try {
    r = await selectFeaturesAsync({ data, rows: rows.n, cols: d }, y, {
      method,
      k,
      estimator,
      ...(estimator === 'auto' || estimator === 'binned' ? { discreteFeatures: kinds.map((kd) => kd === 'discrete') } : {}),
      ...(o.beta !== undefined ? { beta: o.beta } : {}),
      ...(o.gamma !== undefined ? { gamma: o.gamma } : {}),
      ...(o.base !== undefined ? { base: o.base } : {}),
      ...(o.k !== undefined ? { nNeighbors: o.k } : {}),
      ...(o.seed !== undefined ? { randomState: o.seed } : {}),
      ...(o.bins !== undefined ? { bins: o.bins as number } : {}),
      workers: o.workers,
      onProgress: (done) => bar.update(done),
    });
  } catch (e) {
    // The library names its own function; on the command line the option is what matters.
    if (e instanceof RangeError || e instanceof TypeError) throw usage(e.message.replace(/^selectFeaturesAsync: /, 'select: '));
    throw e;
  } finally {
    bar.stop();
  }
  const unit = unitName(o.base);
  const picks = r.selected.map((j, i) => ({
    order: i + 1,
    feature: features[j],
    score: r.scores[i],
    relevance: r.relevance[i],
    kind: kinds[j],
  }));
  const notes = [
    ...droppedNote(rows.dropped, 'the target or a feature'),
    ...(method === 'disr' ? ['DISR scores after the first pick are sums of ratios I/H and carry no unit'] : []),
  ];
  return {
    title: `Features selected by ${method} (${estimator} estimator) for ${JSON.stringify(o.target)}, ${rows.n} rows of ${t.source}, in ${unit}`,
    fields: selectionFields(method, unit),
    rows: picks,
    notes,
    json: { target: o.target, method, estimator, unit, rows: rows.n, dropped: rows.dropped, k, selected: picks },
  };
}

/** The columns of a selection's table, in memory or counted by DuckDB (bigdata.ts). */
export function selectionFields(method: string, unit: string): Field[] {
  return [
    { key: 'order', label: 'order' },
    { key: 'feature', label: 'feature' },
    { key: 'score', label: `score (${method === 'disr' ? 'see note' : unit})`, digits: 4 },
    { key: 'relevance', label: `MI with target (${unit})`, digits: 4 },
    { key: 'kind', label: 'read as' },
  ];
}
