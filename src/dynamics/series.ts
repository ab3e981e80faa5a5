// Reading time series at the public edge: one series, or several trials of it.
import { show } from '../core/validate.js';

/** A time series: numbers for the continuous estimators, labels for 'discrete'. */
export type Series = ArrayLike<number> | ArrayLike<string | number | boolean | bigint>;

/** One series, or an array of trials (each a series): what the time-series measures take. */
export type SeriesOrTrials = Series | readonly Series[];

function isSeq(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** True when v is an array whose first element is itself an array or typed array. */
export function isTrials(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && isSeq(v[0]);
}

/** The trials of one variable as arrays: [x] for a single series. */
export function trialsOf(fn: string, name: string, v: unknown, asTrials: boolean): ArrayLike<unknown>[] {
  if (!isSeq(v)) throw new TypeError(`${fn}: ${name} must be an array or a typed array (or an array of trials), got ${show(v)}`);
  if (!asTrials) {
    if (v.length === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
    return [v];
  }
  const trials = Array.from(v as ArrayLike<unknown>);
  trials.forEach((t, i) => {
    if (!isSeq(t)) throw new TypeError(`${fn}: ${name}[${i}] must be an array or a typed array, got ${show(t)}`);
    if (t.length === 0) throw new RangeError(`${fn}: ${name}[${i}] must not be empty`);
  });
  return trials as ArrayLike<unknown>[];
}

/** Concatenates numeric trials, checking every value: finite numbers only. */
export function numericTrials(fn: string, name: string, trials: ArrayLike<unknown>[]): Float64Array {
  const total = trials.reduce((s, t) => s + t.length, 0);
  const out = new Float64Array(total);
  let o = 0;
  trials.forEach((t, ti) => {
    for (let i = 0; i < t.length; i++) {
      const v = t[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        const where = trials.length > 1 ? `${name}[${ti}] index ${i}` : `${name} index ${i}`;
        if (typeof v === 'number') throw new RangeError(`${fn}: ${name} must contain finite numbers, got ${v} at ${where}`);
        throw new TypeError(`${fn}: ${name} must contain finite numbers, got ${show(v)} at ${where}`);
      }
      out[o++] = v;
    }
  });
  return out;
}

/** Concatenates label trials (validated by the encoder later). */
export function labelTrials(trials: ArrayLike<unknown>[]): unknown[] {
  const out: unknown[] = [];
  for (const t of trials) for (let i = 0; i < t.length; i++) out.push(t[i]);
  return out;
}
