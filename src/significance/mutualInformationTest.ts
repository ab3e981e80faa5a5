// mutualInformationTest(x, y, options): is I(X; Y) > 0? Permutation, G- or Gaussian
// likelihood-ratio test, with an optional bootstrap interval.
import { contingency } from '../core/contingency.js';
import { kernelsFor } from '../backend/select.js';
import { chiSquareSurvival } from '../core/gammaInc.js';
import { readColumns } from '../core/numericSamples.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import type { Labels } from '../core/labels.js';
import type { NumericSamples } from '../core/numericSamples.js';
import type { Sample } from '../core/points.js';
import { appliedOptions, mutualInformationAs, type MutualInformationOptions } from '../estimators/mutualInformation.js';
import { checkCloneable } from '../parallel/options.js';
import { bootstrapReplicates, bootstrapReplicatesAsync, percentileInterval } from './bootstrap.js';
import { gTestNats } from './gTest.js';
import { meanStd, nullDistribution, nullDistributionAsync, permutationPValue } from './nulls.js';
import { resolveEstimator, statisticSpec } from './spec.js';
import { makeStatistic, type CodesSpec, type GenericEstimate } from './statistic.js';
import { asyncOptions, confidenceOption, countOption, estimatorOptions, seedOption, workersOption } from './testOptions.js';

/** How {@link mutualInformationTest} gets its p-value. */
export type MutualInformationTestMethod = 'permutation' | 'g-test' | 'likelihood-ratio' | 'auto';

/** Options of {@link mutualInformationTest}: those of {@link mutualInformation} and these. */
export interface MutualInformationTestOptions extends Omit<MutualInformationOptions, 'shuffleCorrected'> {
  /**
   * `'permutation'` (default): y is shuffled against x `permutations` times. `'g-test'`:
   * G = 2N·I against χ²((R − 1)(C − 1)), for labels (or estimator `'binned'`) with the
   * plug-in estimate. `'likelihood-ratio'`: 2N·I against χ²(d_x·d_y), for estimator
   * `'gaussian'`. `'auto'`: the G-test for plug-in labels whose expected cell counts are all
   * ≥ 5 (Cochran's rule), the likelihood-ratio test for `'gaussian'`, else permutations.
   */
  method?: MutualInformationTestMethod;
  /** Number of permutations, an integer ≥ 1. Default 999. */
  permutations?: number;
  /** Seeds the permutations, the bootstrap and (k-NN estimators) the tie-breaking noise. Default 0. */
  seed?: number;
  /** Adds a bootstrap percentile interval `ci` at this level, in (0, 1), e.g. 0.95. Default: no interval. */
  confidence?: number;
  /** Bootstrap replicates for `ci`, an integer ≥ 1. Default 999. */
  bootstrap?: number;
  /** Worker threads (Node) or Web Workers for the permutations: a count, or `'auto'` for one per core. Default 1. */
  workers?: number | 'auto';
}

/** Options of {@link mutualInformationTestAsync}. */
export interface MutualInformationTestAsyncOptions extends MutualInformationTestOptions {
  /** Called as replicates finish, with (done, total): permutations, then bootstrap replicates. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops handing out work and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What {@link mutualInformationTest} returns. MI values are in the units of `base`. */
export interface MutualInformationTestResult {
  /** The estimate, equal to `mutualInformation(x, y, options)`. */
  value: number;
  /** Permutation: (1 + #{null ≥ value − tol}) / (1 + permutations), never 0, tol = 1e-10·max(1, |value|) (ties up to rounding count). Analytic: the χ² survival function. */
  pValue: number;
  /** Mean of the null distribution (analytic: dof / 2N, the mean of χ²_dof / 2N). */
  nullMean: number;
  /** Standard deviation of the null distribution (sample std, n − 1; analytic: √(2·dof) / 2N). */
  nullStd: number;
  /** Permutations run (0 for an analytic test). */
  permutations: number;
  /** The method that produced pValue (`'auto'` resolved). */
  method: 'permutation' | 'g-test' | 'likelihood-ratio';
  /** Analytic tests: the statistic 2N·I in nats (G for the G-test). */
  statistic?: number;
  /** Analytic tests: the χ² degrees of freedom. */
  dof?: number;
  /** With `confidence`: the bootstrap percentile interval [lo, hi] of the estimate. */
  ci?: [number, number];
}

const MI_KEYS = ['estimator', 'correction', 'bins', 'binning', 'discrete', 'k', 'normalize', 'noise', 'seed', 'base', 'backend'];
const TEST_KEYS = ['method', 'permutations', 'seed', 'confidence', 'bootstrap', 'workers', 'onProgress', 'signal'];

interface Plan {
  fn: string;
  x: unknown;
  y: unknown;
  value: number;
  div: number;
  miOpts: Record<string, unknown>;
  est: string;
  method: 'permutation' | 'g-test' | 'likelihood-ratio';
  permutations: number;
  seed: number;
  confidence?: number;
  bootstrap: number;
  workers: number;
  estimate: GenericEstimate;
  o: Record<string, unknown>;
}

function isPlugin(o: Record<string, unknown>): boolean {
  return o.correction === undefined || o.correction === 'plugin';
}

function plan(fn: string, x: unknown, y: unknown, options: unknown, extra: string[]): Plan {
  const o = checkOptions(fn, options, [...MI_KEYS, ...TEST_KEYS.filter((k) => !['onProgress', 'signal'].includes(k) || extra.includes(k))]);
  let method: string = oneOf(fn, 'method', o.method, ['permutation', 'g-test', 'likelihood-ratio', 'auto'], 'permutation');
  const permutations = countOption(fn, 'permutations', o.permutations, 999);
  const seed = seedOption(fn, o.seed);
  const confidence = confidenceOption(fn, o.confidence);
  const bootstrap = countOption(fn, 'bootstrap', o.bootstrap, 999);
  const workers = workersOption(fn, o.workers);
  const given = estimatorOptions(x, y, o, TEST_KEYS);
  const estimate: GenericEstimate = (a, b, opts) => mutualInformationAs(fn, a, b, opts);
  const value = estimate(x, y, given);
  // What the permutations and the bootstrap send to workers: only the options the estimate
  // used (all of them checked by it), and each one cloneable, before any task is posted.
  const miOpts = appliedOptions(x, y, given);
  checkCloneable(fn, miOpts);
  const est = resolveEstimator(x, y, miOpts);
  const discrete = (est === 'discrete' || est === 'binned') && isPlugin(miOpts);
  if (method === 'auto') {
    if (est === 'gaussian') method = 'likelihood-ratio';
    else if (discrete) {
      const t = gTable(fn, x, y, miOpts);
      let rmin = Infinity;
      let cmin = Infinity;
      for (const r of t.rows) rmin = Math.min(rmin, r);
      for (const c of t.cols) cmin = Math.min(cmin, c);
      method = (rmin * cmin) / t.n >= 5 ? 'g-test' : 'permutation';
    } else method = 'permutation';
  }
  if (method === 'g-test' && !discrete) {
    throw new RangeError(
      `${fn}: method 'g-test' needs discrete data (labels, or estimator 'binned') with the plug-in estimate, ` +
        `but the estimator is '${est}'${isPlugin(miOpts) ? '' : ` with correction '${String(miOpts.correction)}'`}; use method 'permutation'`,
    );
  }
  if (method === 'likelihood-ratio' && est !== 'gaussian') {
    throw new RangeError(`${fn}: method 'likelihood-ratio' is the analytic test of estimator 'gaussian', but the estimator is '${est}'; use method 'permutation'`);
  }
  return {
    fn, x, y, value, div: logBase(fn, o.base), miOpts, est, method: method as Plan['method'],
    permutations, seed, confidence, bootstrap, workers, estimate, o,
  };
}

function gTable(fn: string, x: unknown, y: unknown, miOpts: Record<string, unknown>) {
  const s = statisticSpec(fn, x, y, miOpts) as CodesSpec;
  const K = kernelsFor(fn, miOpts.backend);
  return contingency(K, fn, s.a, s.b);
}

/** The analytic tests: G (labels) or the Gaussian likelihood ratio, both 2N·I against χ². */
function analytic(p: Plan): MutualInformationTestResult {
  let statistic: number;
  let dof: number;
  let pValue: number;
  let n: number;
  if (p.method === 'g-test') {
    const t = gTable(p.fn, p.x, p.y, p.miOpts);
    ({ statistic, dof, pValue } = gTestNats(kernelsFor(p.fn, p.miOpts.backend), t));
    n = t.n;
  } else {
    const X = readColumns(p.fn, 'x', p.x);
    dof = X.columns.length * readColumns(p.fn, 'y', p.y).columns.length;
    n = X.n;
    statistic = 2 * n * p.value * p.div;
    pValue = chiSquareSurvival(statistic, dof);
  }
  return {
    value: p.value,
    pValue,
    nullMean: dof / (2 * n) / p.div,
    nullStd: Math.sqrt(2 * dof) / (2 * n) / p.div,
    permutations: 0,
    method: p.method,
    statistic,
    dof,
  };
}

function permutationResult(p: Plan, observed: number, nulls: Float64Array): MutualInformationTestResult {
  const [m, s] = meanStd(nulls);
  return { value: p.value, pValue: permutationPValue(observed, nulls), nullMean: m / p.div, nullStd: s / p.div, permutations: nulls.length, method: 'permutation' };
}

function bootstrapBase(p: Plan) {
  return { x: p.x, y: p.y, options: p.miOpts, seed: p.seed, fn: p.fn };
}

/**
 * Tests whether X and Y are dependent: the estimate of I(X; Y) (any estimator of
 * {@link mutualInformation}, with its options) and a p-value for the null hypothesis of
 * independence.
 * - `'permutation'` (default): y is shuffled against x `permutations` times, permutation i
 *   seeded from (seed, i), and p = (1 + #{null ≥ value − tol}) / (1 + permutations) (Phipson &
 *   Smyth 2010), never 0, with tol = 1e-10·max(1, |value|), so that a null tied with the value up to rounding counts, on both backends alike. Whatever shuffling leaves unchanged is prepared once (label and bin
 *   codes, scaled and noised points, and for 1-D KSG both sorted orders, so each shuffle
 *   costs a rank-grid search instead of a sort and a tree). The same seed gives the same bits
 *   with any number of workers.
 * - `'g-test'`: G = 2N·I (plug-in, nats) against χ² with (R − 1)(C − 1) degrees of freedom,
 *   scipy's `chi2_contingency(lambda_='log-likelihood')`; for labels only.
 * - `'likelihood-ratio'`: for estimator `'gaussian'`, 2N·I against χ² with d_x·d_y degrees of
 *   freedom (Wilks' theorem for the test of a zero cross-covariance).
 * - `confidence`: adds `ci`, the bootstrap percentile interval of the estimate from `bootstrap`
 *   resamples of the pairs. Suited to the plug-in, binned and Gaussian estimators; k-NN
 *   estimators see resampled duplicates as near-zero distances and are biased upwards there.
 *
 * Units: those of `base` (nats by default). Cost: (permutations + 1) estimates (+ `bootstrap`
 * estimates for ci), spread over `workers`; an analytic test costs one.
 * Reference: Good, Permutation Tests (2005); Sokal & Rohlf, Biometry (G-test); JIDT's
 * `computeSignificance`.
 * @throws TypeError if x or y is not of a kind the estimator takes, or an option is unknown
 * @throws RangeError for the estimator's bad input, permutations or bootstrap not an integer
 *   ≥ 1, confidence outside (0, 1), method 'g-test' on continuous data, or 'likelihood-ratio'
 *   with an estimator other than 'gaussian'
 * @example
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * const r = mutualInformationTest(x, x.map((v) => v * v), { estimator: 'ksg', k: 2, permutations: 99 });
 * r.pValue; // => 0.01
 * mutualInformationTest([0, 0, 1, 1, 0, 1], ['a', 'a', 'b', 'b', 'b', 'a'], { method: 'g-test' }).dof; // => 1
 */
export function mutualInformationTest(
  x: Labels | NumericSamples | Sample,
  y: Labels | NumericSamples | Sample,
  options?: MutualInformationTestOptions,
): MutualInformationTestResult {
  const p = plan('mutualInformationTest', x, y, options, []);
  let r: MutualInformationTestResult;
  if (p.method !== 'permutation') r = analytic(p);
  else {
    const spec = statisticSpec(p.fn, x, y, p.miOpts);
    const observed = makeStatistic(spec, p.estimate)(null);
    r = permutationResult(p, observed, nullDistribution(spec, p.seed, p.permutations, p.workers, p.estimate));
  }
  if (p.confidence !== undefined) {
    r.ci = percentileInterval(bootstrapReplicates(bootstrapBase(p), p.bootstrap, p.workers, p.estimate), p.confidence);
  }
  return r;
}

/**
 * The asynchronous form of {@link mutualInformationTest}: permutations and bootstrap run on
 * the worker pool (`workers`, default 1), off the caller's thread, with progress and an
 * AbortSignal. Same numbers, bit for bit.
 * @throws as {@link mutualInformationTest}; the promise rejects with the signal's reason when aborted
 * @example
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * const ctl = new AbortController();
 * const r = await mutualInformationTestAsync(x, x.map((v) => v * v), { estimator: 'ksg', k: 2, permutations: 99, signal: ctl.signal, onProgress: (d, t) => {} });
 * r.pValue; // => 0.01
 */
export async function mutualInformationTestAsync(
  x: Labels | NumericSamples | Sample,
  y: Labels | NumericSamples | Sample,
  options?: MutualInformationTestAsyncOptions,
): Promise<MutualInformationTestResult> {
  const fn = 'mutualInformationTestAsync';
  const p = plan(fn, x, y, options, ['onProgress', 'signal']);
  const { onProgress, signal } = asyncOptions(fn, p.o);
  const boot = p.confidence === undefined ? 0 : p.bootstrap;
  let r: MutualInformationTestResult;
  let perms = 0;
  if (p.method !== 'permutation') r = analytic(p);
  else {
    perms = p.permutations;
    const spec = statisticSpec(fn, x, y, p.miOpts);
    const observed = makeStatistic(spec, p.estimate)(null);
    const nulls = await nullDistributionAsync(spec, p.seed, perms, p.workers, onProgress && ((d) => onProgress(d, perms + boot)), signal);
    r = permutationResult(p, observed, nulls);
  }
  if (p.confidence !== undefined) {
    const reps = await bootstrapReplicatesAsync(bootstrapBase(p), boot, p.workers, onProgress && ((d) => onProgress(perms + d, perms + boot)), signal);
    r.ci = percentileInterval(reps, p.confidence);
  }
  return r;
}
