// The scores behind `mutinfo rank`: sklearn's feature scoring in memory-bounded groups,
// or the general mutualInformation with a named estimator.
import type { RankOptions } from '../args.js';
import type { Column } from '../column.js';
import { chooseFeature, pairMI, rankFeatures, type Series } from '../compute.js';
import { completeRows, gather, type Rows } from '../missing.js';
import { tick } from '../progress.js';
import type { Kind, Task } from '../typing.js';

export interface Scored {
  feature: string;
  mi: number;
  estimator: string;
  reason: string;
  rows: number;
  dropped: number;
}

/**
 * Most cells in one feature-scoring call (2^21 doubles = 16 MB). The library copies its
 * input twice (columns, then scaled columns), so large files go in groups of columns to keep
 * the peak near 3× the file's size (bench/cli-memory.mjs). Each call draws its own tie-breaking noise, so above this
 * size the scores can differ from one whole-matrix call where values tie. The environment
 * variable MUTINFO_MAX_BATCH_CELLS changes it (tests use it to exercise the grouping).
 */
const MAX_BATCH_CELLS = 1 << 21;

function maxBatchCells(): number {
  const v = Number(process.env.MUTINFO_MAX_BATCH_CELLS);
  return Number.isInteger(v) && v > 0 ? v : MAX_BATCH_CELLS;
}

/**
 * The sklearn-style scores. Features with no missing cell where the target is present are
 * scored together, in one mutualInfoClassif / mutualInfoRegression call per group of at
 * most MAX_BATCH_CELLS cells; the others one call each, on their own complete rows.
 */
export async function bySklearn(
  columns: Map<string, Column>, target: Column, features: string[], kinds: Kind[], task: Task,
  o: RankOptions, onProgress: (done: number) => void,
): Promise<Scored[]> {
  const base = completeRows([target]);
  const whole: number[] = [];
  const alone: number[] = [];
  features.forEach((f, j) => (completeRows([target, columns.get(f)!]).n === base.n ? whole : alone).push(j));
  const out: Scored[] = new Array(features.length);
  const record = (j: number, mi: number, rows: Rows) => {
    const pick = o.estimator === 'mixed-ksg'
      ? { estimator: 'mixed-ksg', reason: 'chosen with --estimator: Mixed-KSG (Gao 2017), no noise' }
      : chooseFeature(kinds[j], task === 'classif' ? 'discrete' : 'continuous');
    out[j] = { feature: features[j], mi, ...pick, rows: rows.n, dropped: rows.dropped };
  };
  let done = 0;
  const y: Series = { kind: task === 'classif' ? 'discrete' : 'continuous', data: gather(target, base) };
  const per = Math.max(1, Math.floor(maxBatchCells() / base.n));
  for (let g = 0; g < whole.length; g += per) {
    const group = whole.slice(g, g + per);
    const data = new Float64Array(base.n * group.length);
    group.forEach((j, c) => {
      const xs = gather(columns.get(features[j])!, base);
      for (let i = 0; i < base.n; i++) data[i * group.length + c] = xs[i];
      // The matrix now holds this column: let the parsed copy go before the estimator runs.
      columns.delete(features[j]);
    });
    const mask = group.map((j) => kinds[j] === 'discrete');
    const offset = done;
    const mi = await rankFeatures({ data, rows: base.n, cols: group.length }, mask, y, task, o, (d) => onProgress(offset + d));
    group.forEach((j, c) => record(j, mi[c], base));
    done += group.length;
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
export async function byEstimator(
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
