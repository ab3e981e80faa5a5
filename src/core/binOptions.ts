// The `bins` and `binning` options shared by discretize and the binned estimators.
import { BIN_RULES, BINNING_METHODS, MAX_BINS, binCount, type BinningMethod, type Bins, type Column } from './binning.js';
import { oneOf, show } from './validate.js';

/** numpy's default for histogram_bin_edges. */
export const DEFAULT_BINS = 10;

/** Validates `bins`: a positive integer up to MAX_BINS, or one of the rules. */
export function binsOption(fn: string, v: unknown): Bins {
  if (v === undefined) return DEFAULT_BINS;
  if (typeof v === 'string') return oneOf(fn, 'bins', v, BIN_RULES, 'auto');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_BINS) {
    throw new RangeError(
      `${fn}: bins must be an integer in [1, ${MAX_BINS}] or one of ${BIN_RULES.map((r) => `'${r}'`).join(', ')}, got ${show(v)}`,
    );
  }
  return v;
}

/** Validates the binning method (default 'equal-width'). */
export function binningOption(fn: string, name: string, v: unknown): BinningMethod {
  return oneOf(fn, name, v, BINNING_METHODS, 'equal-width');
}

/** The bin count for one column, refusing a rule that asks for more than MAX_BINS bins. */
export function binCountFor(fn: string, bins: Bins): (c: Column) => number {
  return (c) => {
    const nb = binCount(bins, c);
    if (nb > MAX_BINS) {
      throw new RangeError(`${fn}: the '${bins}' rule asks for ${nb} bins (more than ${MAX_BINS}); pass a number of bins`);
    }
    return nb;
  };
}
