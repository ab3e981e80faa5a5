// mutinfo rank FILE --target COL: every other column scored against the target, ranked.
// By default the scores are sklearn's mutual_info_classif / mutual_info_regression; with
// --estimator each feature is scored by the general mutualInformation instead.
import type { RankOptions } from '../args.js';
import type { Column } from '../column.js';
import { CliError, usage } from '../errors.js';
import { unitName, type Result } from '../format.js';
import { plural } from '../format.js';
import { progress, progressEnabled } from '../progress.js';
import { detectTask, distinctCount, kindOf, type Kind } from '../typing.js';
import { sampledScores, sampleFields, sampleNote } from './bigdata.js';
import { load } from './load.js';
import { byEstimator, bySklearn, type Scored } from './scores.js';
import { featurePValues } from './pvalues.js';

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
  // Before scoring: the sklearn path frees each column once it is in the score matrix.
  const tests = o.permutations === undefined ? undefined : featurePValues(t.columns, target, features, kinds, task, o, o.permutations);
  const bar = progress(progressEnabled(o.quiet), 'rank', features.length, 'columns');
  let scored: Scored[];
  // Mixed-KSG is a feature score of its own (mutualInfoClassif/Regression's estimator option).
  const score = (cols: Map<string, Column>, onProgress: (d: number) => void) =>
    o.estimator === undefined || o.estimator === 'mixed-ksg'
      ? bySklearn(cols, cols.get(o.target)!, features, kinds, task, o, onProgress)
      : byEstimator(cols, cols.get(o.target)!, targetKind, features, kinds, o, onProgress);
  try {
    scored = o.sample === undefined ? await score(t.columns, (d) => bar.update(d)) : await sampledScores(t, o, score, bar);
  } finally {
    bar.stop();
  }
  const order = scored.map((s, i) => i).sort((a, b) => scored[b].mi - scored[a].mi || a - b);
  const ranked = order.map((i, r) => ({ rank: r + 1, ...scored[i], ...(tests ? { p: tests.p[i], q: tests.q[i] } : {}) }));
  const unit = unitName(o.base);
  const anyDropped = scored.some((s) => s.dropped > 0);
  const taskText = task === 'classif' ? 'classification' : 'regression';
  return {
    title: `Features ranked by mutual information with ${JSON.stringify(o.target)} (${taskText}: ${taskReason}), ${plural(t.rows, 'row')} of ${t.source}, in ${unit}`,
    fields: [
      { key: 'rank', label: 'rank' },
      { key: 'feature', label: 'feature' },
      { key: 'mi', label: `MI (${unit})`, digits: 4, mi: true },
      ...(tests ? [{ key: 'p', label: 'p', digits: 4 }, { key: 'q', label: 'q (BH)', digits: 4 }] : []),
      { key: 'estimator', label: 'estimator' },
      { key: 'reason', label: 'why' },
      ...(anyDropped || o.format !== 'table' ? [{ key: 'dropped', label: 'dropped' }] : []),
      ...(o.sample !== undefined ? sampleFields(o) : []),
    ],
    rows: ranked,
    notes: [
      ...(anyDropped ? ['dropped: rows left out of that feature\'s score for a missing cell in it or in the target'] : []),
      ...(o.sample !== undefined ? [sampleNote(t.rows, o)] : []),
      ...(tests ? [`p: permutation p-value, (1 + #{shuffled MI ≥ MI}) / (1 + ${o.permutations}); q: Benjamini-Hochberg over the ${features.length} features`] : []),
    ],
    json: { target: o.target, task, taskReason, unit, rows: t.rows, ...(tests ? { permutations: o.permutations } : {}), features: ranked },
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
