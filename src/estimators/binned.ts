// The binned estimators: discretize continuous data (numpy's rules), then count.
import type { Kernels } from '../backend/kernels.js';
import { kernelsFor } from '../backend/select.js';
import { binColumn, type BinningMethod, type Bins } from '../core/binning.js';
import { binCountFor, binningOption, binsOption } from '../core/binOptions.js';
import { classCounts, contingency } from '../core/contingency.js';
import { alphabetOption, correctionOption, onlyOptions, usesAlphabet } from '../core/estimatorOptions.js';
import { joint } from '../core/jointCodes.js';
import { readColumns } from '../core/numericSamples.js';
import { logBase, sameLength } from '../core/validate.js';
import { correctedEntropyNats, correctedMutualInfoNats } from './biasCorrected.js';

/** Bins each dimension of x and returns one code per sample (the joint bin for vectors). */
export function binnedCodes(fn: string, k: Kernels, name: string, x: unknown, bins: Bins, method: BinningMethod): Int32Array {
  const { columns } = readColumns(fn, name, x);
  const nBinsFor = binCountFor(fn, bins);
  const parts = columns.map((c) => {
    const { codes, edges } = binColumn(k, c, nBinsFor, method);
    return { codes, k: edges.length - 1, alphabet: edges.length - 1 };
  });
  return joint(parts).codes;
}

/**
 * MI of binned data: x and y (1-D or rows) are discretized, each dimension on its
 * own, and the MI of the bin codes is taken with the chosen correction.
 */
export function binnedMutualInformation(fn: string, x: unknown, y: unknown, o: Record<string, unknown>): number {
  onlyOptions(fn, o, 'binned', ['base', 'backend', 'bins', 'binning', 'correction']);
  const est = correctionOption(fn, o.correction);
  const bins = binsOption(fn, o.bins);
  const method = binningOption(fn, 'binning', o.binning);
  const div = logBase(fn, o.base);
  const k = kernelsFor(fn, o.backend);
  const cx = binnedCodes(fn, k, 'x', x, bins, method);
  const cy = binnedCodes(fn, k, 'y', y, bins, method);
  sameLength(fn, 'x', cx.length, 'y', cy.length);
  return correctedMutualInfoNats(k, contingency(k, fn, cx, cy, ['x', 'y']), est) / div;
}

/**
 * Discrete entropy of the bin codes of x (not a differential entropy: it grows with
 * the number of bins), with the chosen correction.
 */
export function binnedEntropy(fn: string, x: unknown, o: Record<string, unknown>): number {
  const est = correctionOption(fn, o.correction);
  const takes = ['base', 'backend', 'bins', 'binning', 'correction'];
  onlyOptions(fn, o, `binned' with correction '${est}`, usesAlphabet(est) ? [...takes, 'K'] : takes);
  const bins = binsOption(fn, o.bins);
  const method = binningOption(fn, 'binning', o.binning);
  const div = logBase(fn, o.base);
  const k = kernelsFor(fn, o.backend);
  const counts = classCounts(k, fn, binnedCodes(fn, k, 'x', x, bins, method));
  return correctedEntropyNats(k, counts, est, alphabetOption(fn, o.K, counts.length)) / div;
}
