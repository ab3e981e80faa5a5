// The shared core of the discrete multivariate measures (conditional MI, interaction
// information, total correlation, variation of information, conditional and joint
// entropy): each is a signed sum of entropies of groups of label variables.
import type { Kernels } from '../backend/kernels.js';
import { kernelsFor } from '../backend/select.js';
import { checkOptions, checkSequence, logBase, sameLength, show } from '../core/validate.js';
import { correctionOption, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import { encodeCompact, joint, type Encoded } from '../core/jointCodes.js';
import { correctedEntropyNats } from './biasCorrected.js';

/** Label variables ready for group entropies, and how to estimate and report them. */
export interface LabelGroup {
  k: Kernels;
  vars: Encoded[];
  est: DiscreteEntropyEstimator;
  /** ln(base): divide nats by it. */
  div: number;
}

/** The options every measure takes: base, backend and correction (checked against `keys`). */
export function labelGroup(
  fn: string,
  options: unknown,
  seqs: readonly unknown[],
  names: readonly string[],
  keys: readonly string[] = ['base', 'backend', 'correction'],
): LabelGroup {
  const o = checkOptions(fn, options, keys);
  const est = correctionOption(fn, o.correction);
  const div = logBase(fn, o.base);
  const n0 = checkSequence(fn, names[0], seqs[0]);
  for (let i = 1; i < seqs.length; i++) sameLength(fn, names[0], n0, names[i], checkSequence(fn, names[i], seqs[i]));
  const k = kernelsFor(fn, o.backend);
  const vars = seqs.map((s, i) => encodeCompact(fn, names[i], s as ArrayLike<unknown>));
  return { k, vars, est, div };
}

/** A list of label sequences given as one argument: an array with at least `min` of them. */
export function variableList(fn: string, v: unknown, min: number): unknown[] {
  if (!Array.isArray(v)) throw new TypeError(`${fn}: variables must be an array of label sequences, got ${show(v)}`);
  if (v.length < min) throw new RangeError(`${fn}: variables must hold at least ${min} label sequence${min === 1 ? '' : 's'}, got ${v.length}`);
  return v;
}

/**
 * Entropy in nats of the joint variable of vars[idx]: one histogram over the joint
 * codes, with the alphabet size the product of the members' observed alphabets.
 */
export function groupEntropy(g: LabelGroup, idx: readonly number[]): number {
  const j = joint(idx.map((i) => g.vars[i]));
  return correctedEntropyNats(g.k, g.k.histogram(j.codes, j.k), g.est, j.alphabet);
}

/**
 * A quantity that is ≥ 0 for the plug-in distribution (conditional MI, total
 * correlation, VI, conditional entropy): rounding below 0 is set to 0. Corrected
 * estimates can be legitimately negative and are returned as they are.
 */
export function clipPlugin(v: number, g: LabelGroup): number {
  return g.est === 'plugin' && v < 0 ? 0 : v;
}

/** I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) in nats, for the group (x, y, z). */
export function conditionalMutualInfoNats(g: LabelGroup): number {
  return clipPlugin(groupEntropy(g, [0, 2]) + groupEntropy(g, [1, 2]) - groupEntropy(g, [0, 1, 2]) - groupEntropy(g, [2]), g);
}

/** conditionalMutualInformation(x, y, z, { estimator: 'discrete', correction, base, backend }). */
export function discreteConditionalMutualInformation(fn: string, x: unknown, y: unknown, z: unknown, o: Record<string, unknown>): number {
  // o holds every option key of the caller (undefined when absent): pass on only those given.
  const rest = Object.fromEntries(Object.entries(o).filter(([key, v]) => key !== 'estimator' && v !== undefined));
  const g = labelGroup(fn, rest, [x, y, z], ['x', 'y', 'z']);
  return conditionalMutualInfoNats(g) / g.div;
}
