// The public path of mutualInformation(x, y, {estimator: 'mixed'}): one side labels, the
// other continuous (1-D or rows), through the Ross (2014) estimator in ross.ts.
import type { Kernels } from '../backend/kernels.js';
import { knnSettings } from '../core/knnOptions.js';
import { encodeLabels } from '../core/labels.js';
import { prepare, toPoints } from '../core/points.js';
import { checkSequence, oneOf, sameLength } from '../core/validate.js';
import { rossMutualInfo } from './ross.js';
import { readSide } from './selectEstimator.js';

/**
 * Validates the two sides, decides which one holds the labels (the `discrete` option, or
 * the side that auto-selection reads as labels), scales and noises the continuous side
 * as the KSG path does (normalize on, noise 1e-10 by default), and returns I in nats, raw.
 */
export function mixedMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>): number {
  let side = oneOf(fn, 'discrete', o.discrete, ['x', 'y', 'auto'], 'auto');
  if (side === 'auto') {
    const kx = readSide(xs)[0];
    const ky = readSide(ys)[0];
    if (kx === ky) {
      throw new RangeError(
        `${fn}: estimator 'mixed' needs one side of labels and one continuous, but x and y both read as ${kx}; pass discrete: 'x' or 'y'`,
      );
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
  return rossMutualInfo(K, c.data, c.d, codes, classes, s.k);
}
