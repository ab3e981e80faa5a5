// conditionalMutualInformationTest(x, y, z): is I(X; Y | Z) > 0? x is shuffled in a way
// that keeps its dependence on z: within z's strata (discrete z) or among z-neighbours
// (Runge's local permutation, continuous z).
import { kernelsFor } from '../backend/select.js';
import { correctionOption } from '../core/estimatorOptions.js';
import { encodeCompact } from '../core/jointCodes.js';
import { knnSettings } from '../core/knnOptions.js';
import type { Labels } from '../core/labels.js';
import { prepare, toPoints } from '../core/points.js';
import { checkOptions, intIn, logBase, oneOf } from '../core/validate.js';
import { conditionalMutualInformationAs, type ConditionalMutualInformationOptions } from '../estimators/conditionalMutualInformation.js';
import { readSide } from '../estimators/selectEstimator.js';
import { checkCloneable } from '../parallel/options.js';
import type { Sample } from '../core/points.js';
import { meanStd, nullDistribution, nullDistributionAsync, permutationPValue } from './nulls.js';
import type { Scheme } from './schemes.js';
import { makeStatistic, type GenericEstimate, type StatisticSpec } from './statistic.js';
import { asyncOptions, countOption, seedOption, workersOption } from './testOptions.js';
import type { MutualInformationTestResult } from './mutualInformationTest.js';

/** How {@link conditionalMutualInformationTest} shuffles x. */
export type ConditionalShuffle = 'auto' | 'stratified' | 'local' | 'plain';

/** Options of {@link conditionalMutualInformationTest}: those of {@link conditionalMutualInformation} and these. */
export interface ConditionalMutualInformationTestOptions extends ConditionalMutualInformationOptions {
  /**
   * `'stratified'`: permute x within each value of z (z must be labels). `'local'`: Runge's
   * local permutation among the `shuffleNeighbors` nearest neighbours in z (max norm), for
   * continuous z. `'plain'`: a free shuffle of x, which also breaks the X–Z dependence and
   * so tests I(X; Y, Z), not I(X; Y | Z): it rejects far too often when x depends on z (about
   * 35% false positives at the 5% level on a chain x → z → y); it is offered for comparison.
   * `'auto'` (default): stratified for labels z, local otherwise.
   */
  shuffle?: ConditionalShuffle;
  /**
   * 'local': neighbours in z (the sample itself included) among which x is shuffled: Runge's
   * k_perm. Default 10 (n when there are fewer samples). Too few make the test conservative when x is nearly a function of z
   * (the shuffled x barely moves: with 5, p-values on the chain of the tests pile up near 1);
   * too many make it liberal (20 rejects about 9% at the 5% level there).
   */
  shuffleNeighbors?: number;
  /** Number of shuffles, an integer ≥ 1. Default 999. */
  permutations?: number;
  /** Seeds the shuffles and ('ksg') the tie-breaking noise. Default 0. */
  seed?: number;
  /** Worker threads (Node) or Web Workers: a count, or `'auto'` for one per core. Default 1. */
  workers?: number | 'auto';
}

/** Options of {@link conditionalMutualInformationTestAsync}. */
export interface ConditionalMutualInformationTestAsyncOptions extends ConditionalMutualInformationTestOptions {
  /** Called as shuffles finish, with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops handing out work and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What {@link conditionalMutualInformationTest} returns (in the units of `base`). */
export interface ConditionalMutualInformationTestResult extends Omit<MutualInformationTestResult, 'method' | 'statistic' | 'dof' | 'ci'> {
  method: 'permutation';
  /** The shuffle used (`'auto'` resolved). */
  shuffle: 'stratified' | 'local' | 'plain';
}

const CMI_KEYS = ['estimator', 'correction', 'k', 'normalize', 'noise', 'seed', 'base', 'backend'];
const TEST_KEYS = ['shuffle', 'shuffleNeighbors', 'permutations', 'seed', 'workers', 'onProgress', 'signal'];

function plan(fn: string, x: unknown, y: unknown, z: unknown, options: unknown, extra: string[]) {
  const o = checkOptions(fn, options, [...CMI_KEYS, ...TEST_KEYS.filter((k) => !['onProgress', 'signal'].includes(k) || extra.includes(k))]);
  let shuffle: string = oneOf(fn, 'shuffle', o.shuffle, ['auto', 'stratified', 'local', 'plain'], 'auto');
  const permutations = countOption(fn, 'permutations', o.permutations, 999);
  const seed = seedOption(fn, o.seed);
  const workers = workersOption(fn, o.workers);
  const cmiOpts: Record<string, unknown> = {};
  for (const key of Object.keys(o)) if (!TEST_KEYS.includes(key)) cmiOpts[key] = o[key];
  const zLabels = readSide(z)[0] === 'labels';
  const est = o.estimator === undefined || o.estimator === 'auto'
    ? ([x, y, z].every((s) => readSide(s)[0] === 'labels') ? 'discrete' : 'ksg')
    : String(o.estimator);
  if (o.seed !== undefined && est === 'ksg') cmiOpts.seed = o.seed;
  const estimate: GenericEstimate = (a, b, opts, c) => conditionalMutualInformationAs(fn, a, b, c, opts);
  const value = conditionalMutualInformationAs(fn, x, y, z, cmiOpts);
  if (shuffle === 'auto') shuffle = zLabels ? 'stratified' : 'local';
  if (shuffle === 'stratified' && !zLabels) {
    throw new RangeError(`${fn}: shuffle 'stratified' needs z to be labels, but z reads as continuous (${readSide(z)[1]}); use shuffle 'local'`);
  }
  const n = (x as ArrayLike<unknown>).length;
  // the default is capped at n: a short series must not fail on an option it never set
  const m = o.shuffleNeighbors === undefined ? Math.min(10, n) : intIn(fn, 'shuffleNeighbors', o.shuffleNeighbors, 1, Number.MAX_SAFE_INTEGER, '[1, n]');
  const K = kernelsFor(fn, o.backend);
  if (m > n) throw new RangeError(`${fn}: shuffleNeighbors must be an integer in [1, n] = [1, ${n}], got ${m}`);
  let spec: StatisticSpec;
  let zPoints: Float64Array | undefined;
  let dz = 1;
  if (est === 'discrete') {
    const enc = (v: unknown, name: string) => encodeCompact(fn, name, v as ArrayLike<unknown>).codes;
    spec = { kind: 'cmi-codes', n, a: enc(x, 'x'), b: enc(y, 'y'), c: enc(z, 'z'), correction: correctionOption(fn, o.correction), backend: K.name };
  } else if (est === 'ksg') {
    const px = toPoints(fn, 'x', x);
    const py = toPoints(fn, 'y', y);
    const pz = toPoints(fn, 'z', z);
    const s = knnSettings(fn, cmiOpts, n, { normalize: true, noise: 1e-10 });
    prepare([px, py, pz], s.normalize, s.noise, s.seed);
    spec = { kind: 'cmi-ksg', n, x: px.data, dx: px.d, y: py.data, dy: py.d, z: pz.data, dz: pz.d, k: s.k, backend: K.name };
    zPoints = pz.data;
    dz = pz.d;
  } else {
    // the options travel to the workers with the raw data: refuse an uncloneable one here, named
    checkCloneable(fn, cmiOpts);
    spec = { kind: 'generic', n, x, y, z, options: { ...cmiOpts, base: undefined }, backend: K.name, fn };
  }
  let scheme: Scheme = { kind: 'plain' };
  if (shuffle === 'stratified') scheme = { kind: 'strata', strata: encodeCompact(fn, 'z', z as ArrayLike<unknown>).codes };
  else if (shuffle === 'local') {
    if (!zPoints) {
      const pz = toPoints(fn, 'z', z);
      prepare([pz], true, 1e-10, seed);
      zPoints = pz.data;
      dz = pz.d;
    }
    scheme = { kind: 'local', neighbours: localNeighbours(K, zPoints, dz, m), m };
  }
  return { fn, o, spec, scheme, value, div: logBase(fn, o.base), permutations, seed, workers, estimate, shuffle: shuffle as ConditionalMutualInformationTestResult['shuffle'] };
}

/**
 * Row i: i itself, then its m − 1 nearest other samples in z (max norm), in sample order.
 * The k-NN kernels return a neighbour set in the order of their own search (a heap in the
 * kd-tree, which differs between wasm and js), and the shuffle draws by position in the row,
 * so the rows are sorted to make the shuffles the same on both backends.
 */
function localNeighbours(K: ReturnType<typeof kernelsFor>, z: Float64Array, d: number, m: number): Int32Array {
  const n = z.length / d;
  const out = new Int32Array(n * m);
  if (m === 1) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  const idx = K.knnMaxNorm(z, d, m - 1, true).idx!;
  for (let i = 0; i < n; i++) {
    out[i * m] = i;
    out.set(idx.subarray(i * (m - 1), (i + 1) * (m - 1)), i * m + 1);
    out.subarray(i * m + 1, (i + 1) * m).sort();
  }
  return out;
}

function result(p: ReturnType<typeof plan>, nulls: Float64Array): ConditionalMutualInformationTestResult {
  const observed = makeStatistic(p.spec, p.estimate)(null);
  const [m, s] = meanStd(nulls);
  return {
    value: p.value,
    pValue: permutationPValue(observed, nulls),
    nullMean: m / p.div,
    nullStd: s / p.div,
    permutations: nulls.length,
    method: 'permutation',
    shuffle: p.shuffle,
  };
}

/**
 * Tests whether X and Y are dependent given Z: the estimate of I(X; Y | Z) (the estimators of
 * {@link conditionalMutualInformation}) and a permutation p-value for conditional independence.
 * A free shuffle of x is wrong here: it also breaks x's dependence on z, so its null is that of
 * I(X; Y, Z) and the test rejects whenever x depends on z (about 35% false positives on a chain
 * x → z → y with strong coupling). Instead x is shuffled only where z is (nearly) equal:
 * - discrete z: within each stratum of z;
 * - continuous z: the local permutation of Runge, "Conditional independence testing based on
 *   a nearest-neighbor estimator of conditional mutual information" (AISTATS 2018), each x
 *   drawn from the `shuffleNeighbors` nearest neighbours of its sample in z, with few
 *   repeats (tigramite's CMIknn scheme).
 * p = (1 + #{null ≥ value − tol}) / (1 + permutations), shuffle i seeded from (seed, i), with
 * tol = 1e-10·max(1, |value|), so that a null tied with the value up to rounding counts, on both backends alike.
 *
 * Units: those of `base` (nats by default). Cost: (permutations + 1) estimates over `workers`.
 * @throws TypeError if x, y or z is not of a kind the estimator takes, or an option is unknown
 * @throws RangeError for the estimator's bad input (z of another length among them),
 *   permutations not an integer ≥ 1, shuffle 'stratified' with continuous z, or
 *   shuffleNeighbors outside [1, n]
 * @example
 * // z = x XOR y: x and y are independent, but dependent given z
 * const x = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
 * const y = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
 * const z = x.map((v, i) => v ^ y[i]);
 * conditionalMutualInformationTest(x, y, z, { permutations: 99 }).pValue; // => 0.02
 */
export function conditionalMutualInformationTest(
  x: Labels | Sample,
  y: Labels | Sample,
  z: Labels | Sample,
  options?: ConditionalMutualInformationTestOptions,
): ConditionalMutualInformationTestResult {
  const p = plan('conditionalMutualInformationTest', x, y, z, options, []);
  return result(p, nullDistribution(p.spec, p.seed, p.permutations, p.workers, p.estimate, p.scheme));
}

/**
 * The asynchronous form of {@link conditionalMutualInformationTest}, on the worker pool with
 * progress and an AbortSignal. Same numbers, bit for bit.
 * @throws as {@link conditionalMutualInformationTest}; the promise rejects with the signal's reason when aborted
 * @example
 * const x = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
 * const y = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
 * const z = x.map((v, i) => v ^ y[i]);
 * const r = await conditionalMutualInformationTestAsync(x, y, z, { permutations: 99 });
 * r.pValue; // => 0.02
 */
export async function conditionalMutualInformationTestAsync(
  x: Labels | Sample,
  y: Labels | Sample,
  z: Labels | Sample,
  options?: ConditionalMutualInformationTestAsyncOptions,
): Promise<ConditionalMutualInformationTestResult> {
  const fn = 'conditionalMutualInformationTestAsync';
  const p = plan(fn, x, y, z, options, ['onProgress', 'signal']);
  const { onProgress, signal } = asyncOptions(fn, p.o);
  return result(p, await nullDistributionAsync(p.spec, p.seed, p.permutations, p.workers, onProgress, signal, p.scheme));
}
