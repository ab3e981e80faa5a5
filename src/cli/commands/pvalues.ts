// `rank --permutations N`: a permutation p-value per feature, on the rows complete for that
// feature and the target, and Benjamini–Hochberg q-values over all features.
import type { RankOptions } from '../args.js';
import type { Column } from '../column.js';
import { adjustBH, pairPValue } from '../compute.js';
import { completeRows, gather } from '../missing.js';
import type { Kind, Task } from '../typing.js';

export function featurePValues(
  columns: Map<string, Column>, target: Column, features: string[], kinds: Kind[], task: Task, o: RankOptions, permutations: number,
): { p: Float64Array; q: Float64Array } {
  const yKind: Kind = task === 'classif' ? 'discrete' : 'continuous';
  const p = Float64Array.from(features, (f, j) => {
    const col = columns.get(f)!;
    const rows = completeRows([target, col]);
    return pairPValue({ kind: kinds[j], data: gather(col, rows) }, { kind: yKind, data: gather(target, rows) }, task, o, permutations);
  });
  return { p, q: adjustBH(p) };
}
