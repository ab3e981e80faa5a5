// Options shared by the significance tests, split from the estimator's own options and
// checked at the public edge.
import { coreCount } from '../parallel/pool.js';
import { intIn, show } from '../core/validate.js';
import { resolveEstimator } from './spec.js';

/** Estimators whose own options include the noise `seed`. */
const SEEDED = ['ksg', 'ksg2', 'mixed'];

/** permutations (or bootstrap): an integer ≥ 1. */
export function countOption(fn: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1e8) {
    throw new RangeError(`${fn}: ${name} must be an integer in [1, 1e8], got ${show(v)}`);
  }
  return v;
}

/** seed: an integer in [0, 2^32 − 1], default 0. */
export function seedOption(fn: string, v: unknown): number {
  return v === undefined ? 0 : intIn(fn, 'seed', v, 0, 2 ** 32 - 1, '[0, 2^32 - 1]');
}

/** workers: an integer in [1, 1024] or 'auto' (one per core), default 1. */
export function workersOption(fn: string, v: unknown): number {
  if (v === undefined) return 1;
  if (v === 'auto') return coreCount();
  return intIn(fn, 'workers', v, 1, 1024, "[1, 1024] or 'auto'");
}

/** confidence: a number strictly between 0 and 1, or undefined (no interval). */
export function confidenceOption(fn: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !(v > 0 && v < 1)) throw new RangeError(`${fn}: confidence must be a number in (0, 1), got ${show(v)}`);
  return v;
}

/** onProgress and signal of the Async forms. */
export function asyncOptions(fn: string, o: Record<string, unknown>) {
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new TypeError(`${fn}: onProgress must be a function, got ${show(o.onProgress)}`);
  }
  const signal = o.signal as AbortSignal | undefined;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || typeof signal.aborted !== 'boolean')) {
    throw new TypeError(`${fn}: signal must be an AbortSignal, got ${show(signal)}`);
  }
  return { onProgress: o.onProgress as ((done: number, total: number) => void) | undefined, signal };
}

/**
 * The estimator's options from a test's options: `seed` seeds both the permutations and,
 * for the k-NN estimators, their tie-breaking noise, so it is passed on only to those.
 */
export function estimatorOptions(x: unknown, y: unknown, o: Record<string, unknown>, testKeys: readonly string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(o)) if (!testKeys.includes(key)) rest[key] = o[key];
  if (o.seed !== undefined && SEEDED.includes(resolveEstimator(x, y, rest))) rest.seed = o.seed;
  return rest;
}
