// mutinfo rank FILE --target COL: every other column scored against the target, ranked.
// By default the scores are sklearn's mutual_info_classif / mutual_info_regression; with
// --estimator each feature is scored by the general mutualInformation instead.
import type { RankOptions } from '../args.js';
import type { Column } from '../column.js';
import { chooseFeature, pairMI, rankFeatures, type Series } from '../compute.js';
import { CliError, usage } from '../errors.js';
import { unitName, type Result } from '../format.js';
import { completeRows, gather, type Rows } from '../missing.js';
import { progress, progressEnabled, tick } from '../progress.js';
import { detectTask, distinctCount, kindOf, type Kind, type Task } from '../typing.js';
import { load } from './load.js';

interface Scored {
  feature: string;
  mi: number;
  estimator: string;
  reason: string;
  rows: number;
  dropped: number;
}

export async function rank(file: string, o: RankOptions): Promise<Result> {
  let features: string[] = [];
  const numericTarget = new Map(o.task === 'regression' ? [[o.target, 'the target of --task regression']] : []);
  const t = await load(file, o, (header) => {
    features = [...new Set(o.columns ?? header)].filter((n) => n !== o.target);
    return [o.target, ...features];
  }, numericTarget);
  if (features.length === 0) throw usage(`no feature columns to rank besides the target ${JSON.stringify(o.target)}`);
  const target = t.column(o.target);
  const { task, reason: taskReason } = detectTask(target, o, o.task);
  checkTarget(target);
  const targetKind: Kind = task === 'classif' ? 'discrete' : 'continuous';
  const kinds = features.map((f) => kindOf(t.column(f), o, 'sklearn'));
  const bar = progress(progressEnabled(o.quiet), 'rank', features.length, 'columns');
  let scored: Scored[];
  try {
    scored = o.estimator === undefined
      ? await bySklearn(t.columns, target, features, kinds, task, o, (d) => bar.update(d))
      : await byEstimator(t.columns, target, targetKind, features, kinds, o, (d) => bar.update(d));
  } finally {
    bar.stop();
  }
  const order = scored.map((s, i) => i).sort((a, b) => scored[b].mi - scored[a].mi || a - b);
  const ranked = order.map((i, r) => ({ rank: r + 1, ...scored[i] }));
  const unit = unitName(o.base);
  const anyDropped = scored.some((s) => s.dropped > 0);
  const taskText = task === 'classif' ? 'classification' : 'regression';
  return {
    title: `Features ranked by mutual information with ${JSON.stringify(o.target)} (${taskText}: ${taskReason}), ${t.rows} rows of ${t.source}, in ${unit}`,
    fields: [
      { key: 'rank', label: 'rank' },
      { key: 'feature', label: 'feature' },
      { key: 'mi', label: `MI (${unit})`, digits: 4 },
      { key: 'estimator', label: 'estimator' },
      { key: 'reason', label: 'why' },
      ...(anyDropped || o.format !== 'table' ? [{ key: 'dropped', label: 'dropped' }] : []),
    ],
    rows: ranked,
    notes: anyDropped ? ['dropped: rows left out of that feature\'s score for a missing cell in it or in the target'] : [],
    json: { target: o.target, task, taskReason, unit, rows: t.rows, features: ranked },
  };
}

function checkTarget(target: Column): void {
  const distinct = distinctCount(target, 1);
  if (distinct === 0) throw new CliError(`target column ${JSON.stringify(target.name)} has no values`);
  if (distinct === 1) {
    const first = target.type === 'numeric'
      ? String(target.values.find((v) => !Number.isNaN(v)))
      : target.levels[target.codes.find((c) => c >= 0)!];
    throw new CliError(`target column ${JSON.stringify(target.name)} has a single value (${first}): there is nothing to rank`);
  }
}

/**
 * One mutualInfoClassif / mutualInfoRegression call for the features with no missing cell
 * where the target is present; one call each for the others, on their own complete rows.
 */
async function bySklearn(
  columns: Map<string, Column>, target: Column, features: string[], kinds: Kind[], task: Task,
  o: RankOptions, onProgress: (done: number) => void,
): Promise<Scored[]> {
  const base = completeRows([target]);
  const whole: number[] = [];
  const alone: number[] = [];
  features.forEach((f, j) => (completeRows([target, columns.get(f)!]).n === base.n ? whole : alone).push(j));
  const out: Scored[] = new Array(features.length);
  const record = (j: number, mi: number, rows: Rows) => {
    const pick = chooseFeature(kinds[j], task === 'classif' ? 'discrete' : 'continuous');
    out[j] = { feature: features[j], mi, ...pick, rows: rows.n, dropped: rows.dropped };
  };
  let done = 0;
  if (whole.length > 0) {
    const data = new Float64Array(base.n * whole.length);
    whole.forEach((j, c) => {
      const xs = gather(columns.get(features[j])!, base);
      for (let i = 0; i < base.n; i++) data[i * whole.length + c] = xs[i];
      // The matrix now holds this column: let the parsed copy go before the estimator runs.
      columns.delete(features[j]);
    });
    const y: Series = { kind: task === 'classif' ? 'discrete' : 'continuous', data: gather(target, base) };
    const mi = await rankFeatures({ data, rows: base.n, cols: whole.length }, whole.map((j) => kinds[j] === 'discrete'), y, task, o,
      (d) => onProgress(d));
    whole.forEach((j, c) => record(j, mi[c], base));
    done = whole.length;
  }
  for (const j of alone) {
    const col = columns.get(features[j])!;
    const rows = completeRows([target, col]);
    const data = Float64Array.from(gather(col, rows));
    const y: Series = { kind: task === 'classif' ? 'discrete' : 'continuous', data: gather(target, rows) };
    const mi = await rankFeatures({ data, rows: rows.n, cols: 1 }, [kinds[j] === 'discrete'], y, task, o, () => {});
    record(j, mi[0], rows);
    onProgress(++done);
  }
  return out;
}

/** Each feature scored with the general mutualInformation and the estimator the user named. */
async function byEstimator(
  columns: Map<string, Column>, target: Column, targetKind: Kind, features: string[], kinds: Kind[],
  o: RankOptions, onProgress: (done: number) => void,
): Promise<Scored[]> {
  const out: Scored[] = [];
  for (let j = 0; j < features.length; j++) {
    const col = columns.get(features[j])!;
    const rows = completeRows([target, col]);
    const est = pairMI({ kind: kinds[j], data: gather(col, rows) }, { kind: targetKind, data: gather(target, rows) }, o);
    out.push({ feature: features[j], mi: est.value, estimator: est.estimator, reason: est.reason, rows: rows.n, dropped: rows.dropped });
    onProgress(j + 1);
    await tick();
  }
  return out;
}
