import type { Kernels } from '../backend/kernels.js';
import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { BinningMethod, Bins } from '../core/binning.js';
import { binningOption, binsOption } from '../core/binOptions.js';
import { onlyOptions } from '../core/estimatorOptions.js';
import { encodeCompact, type Encoded } from '../core/jointCodes.js';
import { encodeLabels, type Labels } from '../core/labels.js';
import { knnSettings } from '../core/knnOptions.js';
import { readColumns, type NumericSamples } from '../core/numericSamples.js';
import { prepare, toPoints, type Sample } from '../core/points.js';
import { checkOptions, checkSequence, logBase, oneOf, sameLength } from '../core/validate.js';
import { binnedCodes } from '../estimators/binned.js';
import { readSide, selectEstimator } from '../estimators/selectEstimator.js';
import { countLocals } from './discrete.js';
import { gaussianLocals } from './gaussian.js';
import { ksgEstimate } from './knn.js';
import { rossLocals } from './ross.js';

/** Estimators that {@link localMutualInformation} knows. */
export type LocalMutualInformationEstimator = 'auto' | 'discrete' | 'ksg' | 'ksg2' | 'mixed' | 'binned' | 'gaussian';

/** Options of {@link localMutualInformation}: those of `mutualInformation` except `correction` (locals are plug-in). */
export interface LocalMutualInformationOptions {
  /** As `mutualInformation`'s `estimator`. Default `'auto'`. */
  estimator?: LocalMutualInformationEstimator;
  /** 'binned': a number of bins or numpy's rule. Default 10. */
  bins?: Bins;
  /** 'binned': `'equal-width'` (default) or `'equal-frequency'`. */
  binning?: BinningMethod;
  /** k-NN estimators: the number of neighbours, an integer in [1, N − 1]. Default 3. */
  k?: number;
  /** k-NN estimators: divide each dimension by its population std first. Default true. */
  normalize?: boolean;
  /** k-NN estimators: relative tie-breaking noise; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** k-NN estimators: seed of the noise. Default 0. */
  seed?: number;
  /** 'mixed': which side holds the labels. Default `'auto'`. */
  discrete?: 'x' | 'y' | 'auto';
  /** Logarithm base of the values. Default e (nats). */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

const COMMON = ['base', 'backend'];
const KNN = ['k', 'normalize', 'noise', 'seed', ...COMMON];
const TAKES: Record<string, string[]> = {
  discrete: COMMON,
  binned: [...COMMON, 'bins', 'binning'],
  gaussian: COMMON,
  ksg: KNN,
  ksg2: KNN,
  mixed: ['discrete', ...KNN],
};

/** Local KSG values in nats: the shared path of the continuous estimators. */
function ksgLocal(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>, algorithm: 1 | 2): Float64Array {
  const x = toPoints(fn, 'x', xs);
  const y = toPoints(fn, 'y', ys);
  sameLength(fn, 'x', x.n, 'y', y.n);
  const s = knnSettings(fn, o, x.n, { normalize: true, noise: 1e-10 });
  prepare([x, y], s.normalize, s.noise, s.seed);
  return ksgEstimate(K, x, y, s.k, algorithm, null, true).local!;
}

function mixedLocal(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>): Float64Array {
  let side = oneOf(fn, 'discrete', o.discrete, ['x', 'y', 'auto'], 'auto');
  if (side === 'auto') {
    const kx = readSide(xs)[0];
    if (kx === readSide(ys)[0]) {
      throw new RangeError(`${fn}: estimator 'mixed' needs one side of labels and one continuous, but x and y both read as ${kx}; pass discrete: 'x' or 'y'`);
    }
    side = kx === 'labels' ? 'x' : 'y';
  }
  const [labels, labelsName, cont, contName] = side === 'x' ? [xs, 'x', ys, 'y'] : [ys, 'y', xs, 'x'];
  const c = toPoints(fn, contName, cont);
  sameLength(fn, 'x', side === 'x' ? checkSequence(fn, 'x', labels) : c.n, 'y', side === 'x' ? c.n : checkSequence(fn, 'y', labels));
  const codes = new Int32Array(c.n);
  const classes = encodeLabels(fn, labelsName, labels as ArrayLike<unknown>, codes);
  const s = knnSettings(fn, o, c.n, { normalize: true, noise: 1e-10 });
  prepare([c], s.normalize, s.noise, s.seed);
  return rossLocals(K, c.data, c.d, codes, classes, s.k);
}

/** Local Gaussian MI: ln p(x, y) − ln p(x) − ln p(y) of the fitted normal. */
function gaussianLocal(fn: string, xs: unknown, ys: unknown): Float64Array {
  const X = readColumns(fn, 'x', xs);
  const Y = readColumns(fn, 'y', ys);
  sameLength(fn, 'x', X.n, 'y', Y.n);
  const cols = [...X.columns, ...Y.columns];
  const dx = X.columns.length;
  if (X.n <= cols.length) {
    throw new RangeError(`${fn}: the Gaussian estimator needs more samples than dimensions (n = ${X.n}, d = ${cols.length})`);
  }
  const all = cols.map((_, j) => j);
  const name = (j: number) => (j < dx ? `x column ${j}` : `y column ${j - dx}`);
  return gaussianLocals(
    cols,
    [
      { cols: all, sign: 1 },
      { cols: all.slice(0, dx), sign: -1 },
      { cols: all.slice(dx), sign: -1 },
    ],
    (j) => {
      throw new RangeError(`${fn}: the sample covariance of (x, y) is singular at ${name(j)}; use estimator: 'ksg' or 'binned'`);
    },
  ).local;
}

/**
 * Local (pointwise) mutual information: one value per sample, i(x_i; y_i), whose mean is
 * the estimate of `mutualInformation` with the same options (for the k-NN estimators,
 * bit for bit the same average up to summation order). Positive where the pair is more
 * likely together than apart, negative where it is less (misinformative).
 * - `'discrete'`: ln(N·n_xy / (n_x·n_y)) from the counts (plug-in; no `correction`).
 * - `'binned'`: the same on the bin codes.
 * - `'ksg'`: ψ(k) + ψ(N) − ψ(n_x + 1) − ψ(n_y + 1); `'ksg2'`: ψ(k) − 1/k + ψ(N) − ψ(n_x) − ψ(n_y)
 *   (Kraskov et al. 2004; JIDT's `computeLocalOfPreviousObservations`).
 * - `'gaussian'`: ln p(x, y) − ln p(x) − ln p(y) of the fitted normal (covariance with
 *   divisor N − 1, as JIDT); its mean is the closed form up to that divisor, ≈ (N−1)/N.
 * - `'mixed'`: Ross's ψ(N′) + ψ(k_ℓ) − ψ(N_ℓ) − ψ(m_i). A sample whose label occurs only
 *   once is dropped by that estimator and gets NaN; the mean of the others is the estimate
 *   (unclipped).
 *
 * Units: nats unless `base` is given. Cost: that of the estimator, plus O(N).
 * Reference: Lizier, "Measuring the dynamics of information processing on a local scale"
 * (2014); JIDT (Lizier 2014).
 * @throws TypeError if x or y is not an array of the kind the estimator takes, or an option is unknown or does not apply
 * @throws RangeError if they are empty, lengths differ, a continuous value is NaN or ±Infinity, k is out of range, or an option value is invalid
 * @example
 * Array.from(localMutualInformation(['a', 'a', 'b', 'b'], [0, 0, 1, 1], { base: 2 })); // => [1, 1, 1, 1]
 * Array.from(localMutualInformation([0, 0, 1, 1], [0, 1, 1, 1], { estimator: 'discrete' })).map((v) => +v.toFixed(4));
 * // => [0.6931, -0.4055, 0.2877, 0.2877]
 */
export function localMutualInformation(
  x: Labels | NumericSamples | Sample,
  y: Labels | NumericSamples | Sample,
  options?: LocalMutualInformationOptions,
): Float64Array {
  const fn = 'localMutualInformation';
  const o = { ...checkOptions(fn, options, ['estimator', 'bins', 'binning', 'discrete', ...KNN]) };
  let est: string = oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete', 'ksg', 'ksg2', 'mixed', 'binned', 'gaussian'], 'auto');
  if (est === 'auto') {
    est = selectEstimator(x, y).estimator;
    if (est === 'discrete') for (const key of ['k', 'normalize', 'noise', 'seed']) o[key] = undefined;
  }
  onlyOptions(fn, o, est, TAKES[est]);
  const div = logBase(fn, o.base);
  const K = kernelsFor(fn, o.backend);
  let local: Float64Array;
  if (est === 'discrete' || est === 'binned') {
    let vars: Encoded[];
    if (est === 'discrete') {
      const n = checkSequence(fn, 'x', x);
      sameLength(fn, 'x', n, 'y', checkSequence(fn, 'y', y));
      vars = [encodeCompact(fn, 'x', x as ArrayLike<unknown>), encodeCompact(fn, 'y', y as ArrayLike<unknown>)];
    } else {
      const bins = binsOption(fn, o.bins);
      const method = binningOption(fn, 'binning', o.binning);
      const cx = binnedCodes(fn, K, 'x', x, bins, method);
      const cy = binnedCodes(fn, K, 'y', y, bins, method);
      sameLength(fn, 'x', cx.length, 'y', cy.length);
      vars = [encodeCompact(fn, 'x', cx), encodeCompact(fn, 'y', cy)];
    }
    local = countLocals(K, vars, [{ vars: [0, 1], sign: 1 }, { vars: [0], sign: -1 }, { vars: [1], sign: -1 }], Math.log(vars[0].codes.length));
  } else if (est === 'gaussian') local = gaussianLocal(fn, x, y);
  else if (est === 'mixed') local = mixedLocal(fn, K, x, y, o);
  else local = ksgLocal(fn, K, x, y, o, est === 'ksg' ? 1 : 2);
  if (div !== 1) for (let i = 0; i < local.length; i++) local[i] /= div;
  return local;
}
