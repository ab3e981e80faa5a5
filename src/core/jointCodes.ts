// Label sequences as compact codes, and the joint code of several of them, so that
// the entropy of any group of variables is one histogram over its joint codes.
import { encodeLabels } from './labels.js';
import { compactCodes } from '../backend/js/compact.js';

/** One variable (or a group of variables) as codes in [0, k). */
export interface Encoded {
  codes: Int32Array;
  /** Code range; some codes may be unused. */
  k: number;
  /** Alphabet size: the number of observed values, or for a group the product over its members. */
  alphabet: number;
}

/** Encodes labels to codes 0..m−1 over the m observed values. */
export function encodeCompact(fn: string, name: string, x: ArrayLike<unknown>): Encoded {
  const codes = new Int32Array(x.length);
  const k = compactCodes(codes, encodeLabels(fn, name, x, codes));
  return { codes, k, alphabet: k };
}

/**
 * The joint code a·k_b + b while the product of the code ranges stays small enough
 * for a dense histogram (the bound of core/contingency.ts); beyond that, the joint
 * keys are renumbered through a Map, leaving at most n codes.
 */
function combine2(a: Encoded, b: Encoded): Encoded {
  const n = a.codes.length;
  const codes = new Int32Array(n);
  const range = a.k * b.k;
  const alphabet = a.alphabet * b.alphabet;
  if (range <= Math.min(Math.max(n, 1 << 16), 1 << 22)) {
    for (let i = 0; i < n; i++) codes[i] = a.codes[i] * b.k + b.codes[i];
    return { codes, k: range, alphabet };
  }
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = a.codes[i] * b.k + b.codes[i];
    let c = seen.get(key);
    if (c === undefined) seen.set(key, (c = seen.size));
    codes[i] = c;
  }
  return { codes, k: seen.size, alphabet };
}

/** The joint variable of a non-empty group. */
export function joint(vars: readonly Encoded[]): Encoded {
  let acc = vars[0];
  for (let i = 1; i < vars.length; i++) acc = combine2(acc, vars[i]);
  return acc;
}
