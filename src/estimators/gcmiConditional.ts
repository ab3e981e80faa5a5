// The public path of conditionalMutualInformation(x, y, z, { estimator: 'gcmi' }).
import type { Kernels } from '../backend/kernels.js';
import { encodeLabels } from '../core/labels.js';
import { readColumns } from '../core/numericSamples.js';
import { checkSequence, oneOf, sameLength } from '../core/validate.js';
import { biasCorrectOption, gccmiCCC, gccmiCCD } from './gcmi.js';
import { readSide } from './selectEstimator.js';

/** gccmi_ccc for continuous z, gccmi_ccd for labels z (`discrete: 'z'`, or z read as labels); nats, raw. */
export function gcmiConditionalMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, zs: unknown, o: Record<string, unknown>): number {
  let side = oneOf(fn, 'discrete', o.discrete, ['z', 'none', 'auto'], 'auto');
  if (side === 'auto') side = readSide(zs)[0] === 'labels' ? 'z' : 'none';
  const biasCorrect = biasCorrectOption(fn, o.biasCorrect, true);
  const X = readColumns(fn, 'x', xs);
  const Y = readColumns(fn, 'y', ys);
  sameLength(fn, 'x', X.n, 'y', Y.n);
  if (side === 'z') {
    sameLength(fn, 'x', X.n, 'z', checkSequence(fn, 'z', zs));
    const codes = new Int32Array(X.n);
    const classes = encodeLabels(fn, 'z', zs as ArrayLike<unknown>, codes);
    return gccmiCCD(fn, K, X.columns, Y.columns, codes, classes, biasCorrect);
  }
  const Z = readColumns(fn, 'z', zs);
  sameLength(fn, 'x', X.n, 'z', Z.n);
  return gccmiCCC(fn, K, X.columns, Y.columns, Z.columns, X.n, biasCorrect);
}
