import { checkSequence, show } from './validate.js';
import type { ArrowTableLike, ArrowVectorLike } from '../tables/arrow.js';

/** One-dimensional numeric data: an array of numbers or a typed array. */
export type NumericSequence = ArrayLike<number> | ArrowVectorLike;

/** Numeric samples: 1-D (one number per sample) or an array of rows (one vector per sample). */
export type NumericSamples = NumericSequence | ReadonlyArray<ArrayLike<number>> | ArrowTableLike;

/** Samples split into columns: columns[d][i] is dimension d of sample i. */
export interface Columns {
  n: number;
  columns: Float64Array[];
}

function badValue(fn: string, name: string, where: string, v: unknown): never {
  if (typeof v === 'number') throw new RangeError(`${fn}: ${name} must hold finite numbers, got ${v} at ${where}`);
  throw new TypeError(`${fn}: ${name} must hold numbers, got ${show(v)} at ${where}`);
}

function isRow(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/**
 * Reads 1-D numeric data (numbers or a typed array) or rows of equal length into
 * Float64 columns, rejecting empty input, ragged rows, non-numbers, NaN and ±Infinity.
 */
export function readColumns(fn: string, name: string, x: unknown): Columns {
  const n = checkSequence(fn, name, x);
  const xs = x as ArrayLike<unknown>;
  if (!isRow(xs[0])) {
    if (typeof xs[0] === 'bigint' || typeof (xs as BigInt64Array)[0] === 'bigint') badValue(fn, name, 'index 0', xs[0]);
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = xs[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, name, `index ${i}`, v);
      col[i] = v;
    }
    return { n, columns: [col] };
  }
  const d = (xs[0] as ArrayLike<unknown>).length;
  if (d === 0) throw new RangeError(`${fn}: ${name} rows must not be empty`);
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = xs[i];
    if (!isRow(row)) throw new TypeError(`${fn}: ${name} must be all numbers or all rows, got ${show(row)} at index ${i}`);
    if (row.length !== d) {
      throw new RangeError(`${fn}: ${name} rows must have the same length, row 0 has ${d} and row ${i} has ${row.length}`);
    }
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, name, `row ${i}, column ${j}`, v);
      columns[j][i] = v;
    }
  }
  return { n, columns };
}
