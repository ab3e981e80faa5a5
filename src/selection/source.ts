// What the greedy drivers ask of an estimator. Each estimator family is one Source:
// discreteSource.ts ('discrete', 'binned') and knnSource.ts ('ksg', 'auto'). A new family
// (the Gaussian-copula 'gcmi', say) is one more Source built in selectFeatures.ts's prepare()
// and one more name in options.ts's ESTIMATORS; the greedy loop does not change.
import type { TaskSpec } from '../parallel/pool.js';
import type { Criterion, CriterionParams, SelectionMethod } from './criteria/index.js';

export interface Source {
  /** I(Xj; Y) of every column, in nats. */
  relevance(): Float64Array;
  /** The same, off this thread on up to `workers` pool workers where the estimator can. */
  relevanceAsync?(workers: number, signal?: AbortSignal): Promise<Float64Array>;
  /** One cache row on this thread: the criterion's term for pick s and each candidate. */
  row(s: number, candidates: Int32Array, c: Criterion, p: CriterionParams): Float64Array;
  /** I(Xj; Y | Xs) in nats. */
  cmi(s: number, j: number): number;
  /** The same row as pool tasks, when this estimator can run on workers here. */
  rowTasks?(
    s: number,
    candidates: Int32Array,
    method: Exclude<SelectionMethod, 'cmim'>,
    p: CriterionParams,
    parts: number,
  ): { tasks: TaskSpec[]; collect(results: number[]): Float64Array };
  /** Frees kernel memory. */
  close(): void;
}
