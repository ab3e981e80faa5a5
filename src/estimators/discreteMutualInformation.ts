// mutualInformation(x, y, { estimator: 'discrete', correction }) on labels.
import { kernelsFor } from '../backend/select.js';
import { contingency } from '../core/contingency.js';
import { correctionOption, onlyOptions } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import { logBase } from '../core/validate.js';
import { correctedMutualInfoNats } from './biasCorrected.js';
import { checkLabelPair } from './discrete.js';

/** Plug-in MI of labels (sklearn's number), or H(X) + H(Y) − H(X,Y) with a bias correction. */
export function discreteMutualInformation(fn: string, x: Labels, y: Labels, o: Record<string, unknown>): number {
  onlyOptions(fn, o, 'discrete', ['base', 'backend', 'correction']);
  const est = correctionOption(fn, o.correction);
  const div = logBase(fn, o.base);
  checkLabelPair(fn, x, y, ['x', 'y']);
  const k = kernelsFor(fn, o.backend);
  return correctedMutualInfoNats(k, contingency(k, fn, x as ArrayLike<unknown>, y as ArrayLike<unknown>, ['x', 'y']), est) / div;
}
