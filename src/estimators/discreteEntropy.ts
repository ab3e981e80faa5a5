// entropy(labels, { estimator }) for the plug-in and bias-corrected estimators.
import { kernelsFor } from '../backend/select.js';
import { classCounts } from '../core/contingency.js';
import { alphabetOption, onlyOptions, usesAlphabet, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import { checkSequence, logBase } from '../core/validate.js';
import { correctedEntropyNats } from './biasCorrected.js';

/** Entropy of labels with a discrete estimator, in nats or `o.base`. Options are already an object. */
export function discreteEntropy(fn: string, x: Labels, o: Record<string, unknown>, est: DiscreteEntropyEstimator): number {
  onlyOptions(fn, o, est, usesAlphabet(est) ? ['base', 'backend', 'K'] : ['base', 'backend']);
  const div = logBase(fn, o.base);
  checkSequence(fn, 'x', x);
  const k = kernelsFor(fn, o.backend);
  const counts = classCounts(k, fn, x as ArrayLike<unknown>);
  return correctedEntropyNats(k, counts, est, alphabetOption(fn, o.K, counts.length)) / div;
}
