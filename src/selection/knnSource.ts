// The k-NN estimator source of greedy selection ('ksg' and 'auto'): columns prepared as
// mutualInfoClassif prepares them, relevance equal to mutualInfoClassif's, and each pair
// term one pool task (one k-NN estimate costs milliseconds, so copying its columns is cheap).
import type { Kernels } from '../backend/kernels.js';
import { sklearnPrepare } from '../core/sklearnPrep.js';
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { runAsync, runSync, type TaskSpec } from '../parallel/pool.js';
import type { CriterionParams, SelectionMethod } from './criteria/index.js';
import { knnTermTask, relevanceOf, type KnnColumn, type KnnTarget, type KnnTermTask } from './knnTerms.js';
import type { Plan } from './options.js';
import type { Source } from './source.js';

export function knnSource(
  fn: string,
  kern: Kernels,
  columns: Float64Array[],
  mask: boolean[],
  y: Int32Array,
  Ky: number,
  plan: Plan,
): Source {
  void fn;
  const prep = sklearnPrepare(columns, mask, undefined, plan.seed, true);
  const cols: KnnColumn[] = prep.columns.map((x, j) => ({ x, discrete: mask[j] }));
  const target: KnnTarget = { y, Ky, k: plan.nNeighbors };
  const backend = plan.backend;
  const featureTasks = (): TaskSpec[] =>
    cols.map((c) => ({
      name: 'featureMI',
      payload: { x: c.x, xDiscrete: c.discrete, y, yClasses: Ky, yDiscrete: true, k: plan.nNeighbors, backend } satisfies FeatureTask,
    }));
  const pickRel = new Map<number, number>();
  const rawRelevance = (s: number) => {
    let v = pickRel.get(s);
    if (v === undefined) pickRel.set(s, (v = relevanceOf(kern, cols[s], target)));
    return v;
  };
  const term = (method: SelectionMethod, s: number, j: number, params: CriterionParams): KnnTermTask => ({
    candidate: cols[j],
    pick: cols[s],
    target,
    method,
    params,
    pickRelevance: method === 'cmim' ? rawRelevance(s) : 0,
    backend,
  });
  return {
    relevance() {
      const tasks = featureTasks();
      if (plan.workers > 1) return Float64Array.from(runSync(tasks, plan.workers));
      return Float64Array.from(tasks, (t) => scoreFeature(t.payload as FeatureTask));
    },
    async relevanceAsync(workers: number, signal?: AbortSignal) {
      if (workers <= 1) return this.relevance();
      return Float64Array.from(await runAsync(featureTasks(), workers, undefined, signal));
    },
    row(s, cands, crit, params) {
      void crit;
      const method = plan.method === 'cmim' ? 'mim' : plan.method;
      return Float64Array.from(cands, (j) => knnTermTask(term(method, s, j, params)));
    },
    cmi: (s, j) => knnTermTask(term('cmim', s, j, { beta: 0, gamma: 0 })),
    rowTasks(s, cands, method, params) {
      const tasks: TaskSpec[] = Array.from(cands, (j) => ({ name: 'selectionTerm', payload: term(method, s, j, params) }));
      return { tasks, collect: (r: number[]) => Float64Array.from(r) };
    },
    close() {},
  };
}


