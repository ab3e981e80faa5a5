// featureTests(X, y): mutualInfoClassif / mutualInfoRegression scores with a permutation
// p-value per column and a multiple-testing correction.
import { encodeLabels, type Labels } from '../core/labels.js';
import type { FeatureMatrix } from '../core/matrix.js';
import { oneOf } from '../core/validate.js';
import { kernelsFor } from '../backend/select.js';
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { plan, type FeatureMIOptions } from '../estimators/sklearnFeatures.js';
import { readSide } from '../estimators/selectEstimator.js';
import { adjustPValues, type PAdjustMethod } from './adjust.js';
import { nullDistribution, nullDistributionAsync, permutationPValue } from './nulls.js';
import { makeStatistic, type StatisticSpec } from './statistic.js';
import { asyncOptions, countOption, seedOption } from './testOptions.js';

/** Options of {@link featureTests}: those of mutualInfoClassif / mutualInfoRegression and these. */
export interface FeatureTestsOptions extends FeatureMIOptions {
  /** `'classif'`: y is a class label (mutualInfoClassif). `'regression'`: y is numeric (mutualInfoRegression). `'auto'` (default): by how y reads (see selectEstimator). */
  target?: 'classif' | 'regression' | 'auto';
  /** Permutations of y per column, an integer ≥ 1. Default 999. */
  permutations?: number;
  /** Seeds the permutations (the noise follows `randomState`, as in sklearn). Default 0. */
  seed?: number;
  /** Multiple-testing correction of the p-values: `'holm'`, `'bh'` (Benjamini–Hochberg, default) or `'none'`. */
  adjust?: PAdjustMethod;
}

/** Options of {@link featureTestsAsync}. */
export interface FeatureTestsAsyncOptions extends FeatureTestsOptions {
  /** Called as permutations finish, with (done, total) over all columns. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops handing out work and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What {@link featureTests} returns, one entry per column of X. */
export interface FeatureTestsResult {
  /** The MI of each column with y in nats: mutualInfoClassif / mutualInfoRegression's numbers. */
  scores: Float64Array;
  /** Permutation p-values, (1 + #{null ≥ value − tol}) / (1 + permutations), tol = 1e-10·max(1, |value|) (ties up to rounding count). */
  pValues: Float64Array;
  /** The p-values after `adjust` (q-values for 'bh'). */
  adjusted: Float64Array;
  adjust: PAdjustMethod;
  permutations: number;
  target: 'classif' | 'regression';
}

/** A feature task as a permutation spec: y is the side reordered. */
function specOf(t: FeatureTask): StatisticSpec {
  const K = kernelsFor('featureTests', t.backend);
  const n = t.x.length;
  const backend = K.name;
  const codes = (v: Float64Array | Int32Array): [Int32Array, number] => {
    const c = new Int32Array(n);
    return [c, encodeLabels('featureTests', 'x', v, c, K.rangeI32)];
  };
  if (t.xDiscrete && t.yDiscrete) return { kind: 'codes', n, a: codes(t.x)[0], b: t.y as Int32Array, correction: 'plugin', backend };
  if (t.xDiscrete) {
    const [c, classes] = codes(t.x);
    return { kind: 'ross', n, c: t.y as Float64Array, d: 1, codes: c, classes, k: t.k, permute: 'points', backend };
  }
  if (t.yDiscrete) return { kind: 'ross', n, c: t.x, d: 1, codes: t.y as Int32Array, classes: t.yClasses, k: t.k, permute: 'codes', backend };
  return { kind: 'ksg', n, x: t.x, dx: 1, y: t.y as Float64Array, dy: 1, k: t.k, algorithm: 1, backend };
}

function setup(fn: string, X: unknown, y: unknown, options: unknown, extra: string[]) {
  const o = (options !== null && typeof options === 'object' ? options : {}) as Record<string, unknown>;
  const base = ['target', 'permutations', 'seed', 'adjust'];
  const isObject = options !== null && typeof options === 'object' && !Array.isArray(options);
  const rest: Record<string, unknown> = {};
  if (isObject) for (const key of Object.keys(o)) if (!base.includes(key)) rest[key] = o[key];
  let target = oneOf(fn, 'target', o.target, ['classif', 'regression', 'auto'], 'auto');
  if (target === 'auto') target = readSide(y)[0] === 'labels' ? 'classif' : 'regression';
  const permutations = countOption(fn, 'permutations', o.permutations, 999);
  const seed = seedOption(fn, o.seed);
  const adjust = oneOf(fn, 'adjust', o.adjust, ['holm', 'bh', 'none'], 'bh');
  const p = plan(fn, X, y, target === 'classif', isObject ? rest : options, extra);
  return { p, target: target as 'classif' | 'regression', permutations, seed, adjust, o };
}

/**
 * Feature scores with p-values: the MI of each column of X with y, exactly as
 * mutualInfoClassif (`target: 'classif'`) or mutualInfoRegression (`'regression'`) give it,
 * and for each column a permutation p-value (y shuffled against the column, shuffle i seeded
 * from (seed, i), the column's preprocessing reused; p = (1 + #{null ≥ value − tol}) / (1 +
 * permutations) with tol = 1e-10·max(1, |value|), so that a null tied with the value up to rounding counts, on both backends alike), then adjusted for testing all columns:
 * Holm (family-wise error) or Benjamini–Hochberg (false discovery rate, the q-values).
 *
 * Units: nats. Cost: cols · (permutations + 1) estimates, spread over `workers`.
 * Reference: sklearn 1.2.1 feature_selection; Holm (1979); Benjamini & Hochberg (1995).
 * @throws TypeError / RangeError as mutualInfoClassif / mutualInfoRegression, and for
 *   permutations not an integer ≥ 1, or an unknown target or adjust
 * @example
 * const x0 = [0.1, 0.5, 0.9, 1.3, 1.7, 2.0, 2.4, 2.8, 3.3, 3.5, 3.9, 4.2, 4.8, 5.1, 5.5, 6.0];
 * const r = featureTests(x0.map((v, i) => [v, (i % 3) + 1]), x0.map((v) => (v < 3 ? 'lo' : 'hi')), { permutations: 99 });
 * r.pValues; // => Float64Array [0.01, 0.77]
 */
export function featureTests(X: FeatureMatrix, y: Labels, options?: FeatureTestsOptions): FeatureTestsResult {
  const fn = 'featureTests';
  const { p, target, permutations, seed, adjust } = setup(fn, X, y, options, []);
  const scores = Float64Array.from(p.tasks, (t) => scoreFeature(t.payload as FeatureTask));
  const pValues = Float64Array.from(p.tasks, (t) => {
    const spec = specOf(t.payload as FeatureTask);
    const observed = makeStatistic(spec)(null);
    return permutationPValue(observed, nullDistribution(spec, seed, permutations, p.workers));
  });
  return { scores, pValues, adjusted: adjustPValues(pValues, adjust), adjust, permutations, target };
}

/**
 * The asynchronous form of {@link featureTests}, on the worker pool, with progress over all
 * columns' permutations and an AbortSignal. Same numbers, bit for bit.
 * @throws as {@link featureTests}; the promise rejects with the signal's reason when aborted
 * @example
 * const x0 = [0.1, 0.5, 0.9, 1.3, 1.7, 2.0, 2.4, 2.8, 3.3, 3.5, 3.9, 4.2, 4.8, 5.1, 5.5, 6.0];
 * const r = await featureTestsAsync(x0.map((v, i) => [v, (i % 3) + 1]), x0.map((v) => (v < 3 ? 'lo' : 'hi')), { permutations: 99, adjust: 'holm' });
 * r.pValues; // => Float64Array [0.01, 0.77]
 */
export async function featureTestsAsync(X: FeatureMatrix, y: Labels, options?: FeatureTestsAsyncOptions): Promise<FeatureTestsResult> {
  const fn = 'featureTestsAsync';
  const { p, target, permutations, seed, adjust, o } = setup(fn, X, y, options, ['onProgress', 'signal']);
  const { onProgress, signal } = asyncOptions(fn, o);
  const scores = Float64Array.from(p.tasks, (t) => scoreFeature(t.payload as FeatureTask));
  const pValues = new Float64Array(p.tasks.length);
  const total = permutations * p.tasks.length;
  for (let j = 0; j < p.tasks.length; j++) {
    const spec = specOf(p.tasks[j].payload as FeatureTask);
    const observed = makeStatistic(spec)(null);
    const nulls = await nullDistributionAsync(spec, seed, permutations, p.workers, onProgress && ((d) => onProgress(j * permutations + d, total)), signal);
    pValues[j] = permutationPValue(observed, nulls);
  }
  return { scores, pValues, adjusted: adjustPValues(pValues, adjust), adjust, permutations, target };
}
