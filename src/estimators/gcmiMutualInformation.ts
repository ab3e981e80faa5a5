// The public path of mutualInformation(x, y, { estimator: 'gcmi' | 'gcmi-mixture' }).
import type { Kernels } from '../backend/kernels.js';
import { encodeLabels } from '../core/labels.js';
import { readColumns } from '../core/numericSamples.js';
import { checkSequence, oneOf, sameLength } from '../core/validate.js';
import { biasCorrectOption, gcmiCC, gcmiMixtureCD, gcmiModelCD } from './gcmi.js';
import { readSide } from './selectEstimator.js';

/**
 * Two continuous sides: `gcmi_cc`. A labels side (the `discrete` option, or the side that
 * auto-selection reads as labels): `gcmi_model_cd`, or `gcmi_mixture_cd` when `mixture`.
 * Returns nats, raw (the bias-corrected value may be slightly negative).
 */
export function gcmiMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>, mixture: boolean): number {
  let side: string = oneOf(fn, 'discrete', o.discrete, ['x', 'y', 'auto'], 'auto');
  const biasCorrect = biasCorrectOption(fn, o.biasCorrect, true);
  if (side === 'auto') {
    const kx = readSide(xs)[0];
    const ky = readSide(ys)[0];
    if (kx === 'labels' && ky === 'labels') {
      throw new RangeError(`${fn}: estimator '${mixture ? 'gcmi-mixture' : 'gcmi'}' needs a continuous side, but x and y both read as labels; use estimator: 'discrete'`);
    }
    side = kx === 'labels' ? 'x' : ky === 'labels' ? 'y' : 'none';
  }
  if (side === 'none') {
    if (mixture) {
      throw new RangeError(`${fn}: estimator 'gcmi-mixture' needs one side of labels, but x and y both read as continuous; pass discrete: 'x' or 'y', or use estimator: 'gcmi'`);
    }
    const X = readColumns(fn, 'x', xs);
    const Y = readColumns(fn, 'y', ys);
    sameLength(fn, 'x', X.n, 'y', Y.n);
    return gcmiCC(fn, K, X.columns, Y.columns, X.n, biasCorrect);
  }
  const [labels, labelsName, cont, contName] = side === 'x' ? [xs, 'x', ys, 'y'] : [ys, 'y', xs, 'x'];
  const C = readColumns(fn, contName, cont);
  const nl = checkSequence(fn, labelsName, labels);
  sameLength(fn, 'x', side === 'x' ? nl : C.n, 'y', side === 'x' ? C.n : nl);
  const codes = new Int32Array(C.n);
  const classes = encodeLabels(fn, labelsName, labels as ArrayLike<unknown>, codes);
  return mixture ? gcmiMixtureCD(fn, K, C.columns, codes, classes) : gcmiModelCD(fn, K, C.columns, codes, classes, biasCorrect);
}
