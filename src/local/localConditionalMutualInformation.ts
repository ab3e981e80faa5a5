import { kernelsFor, type BackendOption } from '../backend/select.js';
import { onlyOptions } from '../core/estimatorOptions.js';
import { encodeCompact } from '../core/jointCodes.js';
import type { Labels } from '../core/labels.js';
import { knnSettings } from '../core/knnOptions.js';
import { readColumns } from '../core/numericSamples.js';
import { prepare, toPoints, type Sample } from '../core/points.js';
import { checkOptions, checkSequence, logBase, oneOf, sameLength } from '../core/validate.js';
import { readSide } from '../estimators/selectEstimator.js';
import { countLocals } from './discrete.js';
import { gaussianLocals } from './gaussian.js';
import { cmiEstimate } from './knn.js';

/** Estimators that {@link localConditionalMutualInformation} knows. */
export type LocalConditionalMutualInformationEstimator = 'auto' | 'discrete' | 'ksg' | 'ksg2' | 'gaussian';

/** Options of {@link localConditionalMutualInformation}. */
export interface LocalConditionalMutualInformationOptions {
  /** `'auto'` (default): `'discrete'` when x, y and z all read as labels, else `'ksg'`. */
  estimator?: LocalConditionalMutualInformationEstimator;
  /** k-NN estimators: neighbours in the joint (x, y, z) space, in [1, N − 1]. Default 3. */
  k?: number;
  /** k-NN estimators: divide each dimension by its population std first. Default true. */
  normalize?: boolean;
  /** k-NN estimators: relative tie-breaking noise; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** k-NN estimators: seed of the noise. Default 0. */
  seed?: number;
  /** Logarithm base of the values. Default e (nats). */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

const KNN = ['k', 'normalize', 'noise', 'seed', 'base', 'backend'];

/**
 * Local (pointwise) conditional mutual information i(x_i; y_i | z_i), one value per
 * sample, whose mean is the estimate.
 * - `'discrete'`: ln(n_xyz·n_z / (n_xz·n_yz)) from the counts (plug-in).
 * - `'ksg'`: Frenzel & Pompe, ψ(k) − ψ(n_xz + 1) − ψ(n_yz + 1) + ψ(n_z + 1); the mean is
 *   `conditionalMutualInformation(…, {estimator: 'ksg'})`.
 * - `'ksg2'`: JIDT's algorithm 2 (ConditionalMutualInfoCalculatorMultiVariateKraskov2,
 *   after Wibral et al. 2014): ψ(k) − 2/k + ψ(n_z) − ψ(n_xz) − ψ(n_yz) + 1/n_xz + 1/n_yz,
 *   counting within the per-subspace extents of the k joint neighbours.
 * - `'gaussian'`: ln p(x,y,z) + ln p(z) − ln p(x,z) − ln p(y,z) of the fitted normal
 *   (covariance divisor N − 1, as JIDT).
 *
 * Units: nats unless `base` is given. Cost: that of the estimator, O(N log N) for k-NN.
 * Reference: Frenzel & Pompe, PRL 99, 204101 (2007); JIDT (Lizier 2014).
 * @throws TypeError if x, y or z is not an array of the kind the estimator takes, or an option is unknown or does not apply
 * @throws RangeError if they are empty, their lengths differ, a value is NaN or ±Infinity, k is out of range, or an option value is invalid
 * @example
 * Array.from(localConditionalMutualInformation([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], { base: 2 })); // => [1, 1, 1, 1]
 */
export function localConditionalMutualInformation(
  x: Labels | Sample,
  y: Labels | Sample,
  z: Labels | Sample,
  options?: LocalConditionalMutualInformationOptions,
): Float64Array {
  const fn = 'localConditionalMutualInformation';
  const o = checkOptions(fn, options, ['estimator', ...KNN]);
  let est = oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete', 'ksg', 'ksg2', 'gaussian'], 'auto');
  if (est === 'auto') est = [x, y, z].every((s) => readSide(s)[0] === 'labels') ? 'discrete' : 'ksg';
  onlyOptions(fn, o, est, est === 'ksg' || est === 'ksg2' ? KNN : ['base', 'backend']);
  const div = logBase(fn, o.base);
  const K = kernelsFor(fn, o.backend);
  let local: Float64Array;
  if (est === 'discrete') {
    const n = checkSequence(fn, 'x', x);
    sameLength(fn, 'x', n, 'y', checkSequence(fn, 'y', y));
    sameLength(fn, 'x', n, 'z', checkSequence(fn, 'z', z));
    const vars = [x, y, z].map((s, i) => encodeCompact(fn, 'xyz'[i], s as ArrayLike<unknown>));
    local = countLocals(K, vars, [
      { vars: [0, 1, 2], sign: 1 },
      { vars: [2], sign: 1 },
      { vars: [0, 2], sign: -1 },
      { vars: [1, 2], sign: -1 },
    ], 0);
  } else if (est === 'gaussian') {
    const parts = [readColumns(fn, 'x', x), readColumns(fn, 'y', y), readColumns(fn, 'z', z)];
    sameLength(fn, 'x', parts[0].n, 'y', parts[1].n);
    sameLength(fn, 'x', parts[0].n, 'z', parts[2].n);
    const cols = parts.flatMap((p) => p.columns);
    if (parts[0].n <= cols.length) {
      throw new RangeError(`${fn}: the Gaussian estimator needs more samples than dimensions (n = ${parts[0].n}, d = ${cols.length})`);
    }
    const ix: number[] = [];
    const iy: number[] = [];
    const iz: number[] = [];
    parts.forEach((p, v) => p.columns.forEach(() => [ix, iy, iz][v].push(ix.length + iy.length + iz.length)));
    local = gaussianLocals(cols, [
      { cols: [...ix, ...iy, ...iz], sign: 1 },
      { cols: iz, sign: 1 },
      { cols: [...ix, ...iz], sign: -1 },
      { cols: [...iy, ...iz], sign: -1 },
    ], (j) => {
      throw new RangeError(`${fn}: the sample covariance of (x, y, z) is singular at column ${j}; use estimator: 'ksg'`);
    }).local;
  } else {
    const px = toPoints(fn, 'x', x);
    const py = toPoints(fn, 'y', y);
    const pz = toPoints(fn, 'z', z);
    sameLength(fn, 'x', px.n, 'y', py.n);
    sameLength(fn, 'x', px.n, 'z', pz.n);
    const s = knnSettings(fn, o, px.n, { normalize: true, noise: 1e-10 });
    prepare([px, py, pz], s.normalize, s.noise, s.seed);
    local = cmiEstimate(K, px, py, pz, s.k, est === 'ksg' ? 1 : 2, null, true).local!;
  }
  if (div !== 1) for (let i = 0; i < local.length; i++) local[i] /= div;
  return local;
}
