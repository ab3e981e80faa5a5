// Counts given directly (an aggregate made elsewhere): validation and table layout.
import { checkSequence, show } from './validate.js';

/** A contingency table: rows of counts, or row-major data with its shape. */
export type CountTable = ReadonlyArray<ArrayLike<number>> | { data: ArrayLike<number>; rows: number; cols: number };

function count(fn: string, name: string, v: unknown, where: string): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must hold numbers, got ${show(v)} at ${where}`);
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`${fn}: ${name} must hold non-negative integers, got ${v} at ${where}`);
  }
  return v;
}

/**
 * The sample size N must stay a safe integer: past 2^53 the running total is rounded, so
 * N and every p = n_i/N would be off (and Chao–Shen's (1 − p)^N loses p altogether).
 */
function checkTotal(fn: string, name: string, total: number, where: string): void {
  if (total > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${fn}: ${name} must sum to at most 2^53 − 1 = ${Number.MAX_SAFE_INTEGER}, but the total passes it at ${where}`);
  }
}

/** A vector of counts: non-negative safe integers, not all 0. */
export function readCounts(fn: string, name: string, v: unknown): Float64Array {
  const n = checkSequence(fn, name, v);
  const xs = v as ArrayLike<unknown>;
  const out = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += out[i] = count(fn, name, xs[i], `index ${i}`);
    checkTotal(fn, name, total, `index ${i}`);
  }
  if (total === 0) throw new RangeError(`${fn}: ${name} must not all be 0`);
  return out;
}

function dim(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new RangeError(`${fn}: table.${name} must be a positive integer, got ${show(v)}`);
  }
  return v;
}

/** A table as row-major counts with its shape and total; not all 0. */
export function readTable(fn: string, t: unknown): { data: Float64Array; rows: number; cols: number; total: number } {
  let rows: number;
  let cols: number;
  let at: (i: number, j: number) => unknown;
  if (t !== null && typeof t === 'object' && !Array.isArray(t) && 'data' in t) {
    const { data, rows: r, cols: c } = t as { data: unknown; rows: unknown; cols: unknown };
    rows = dim(fn, 'rows', r);
    cols = dim(fn, 'cols', c);
    const len = checkSequence(fn, 'table.data', data);
    if (len !== rows * cols) {
      throw new RangeError(`${fn}: table.data must hold rows·cols = ${rows * cols} counts, got ${len}`);
    }
    at = (i, j) => (data as ArrayLike<unknown>)[i * cols + j];
  } else {
    if (!Array.isArray(t)) throw new TypeError(`${fn}: table must be an array of rows or { data, rows, cols }, got ${show(t)}`);
    rows = checkSequence(fn, 'table', t);
    cols = checkSequence(fn, 'table[0]', t[0]);
    for (let i = 1; i < rows; i++) {
      const len = checkSequence(fn, `table[${i}]`, t[i]);
      if (len !== cols) throw new RangeError(`${fn}: table rows must have the same length, row 0 has ${cols} and row ${i} has ${len}`);
    }
    at = (i, j) => (t[i] as ArrayLike<unknown>)[j];
  }
  const data = new Float64Array(rows * cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      total += data[i * cols + j] = count(fn, 'table', at(i, j), `row ${i}, column ${j}`);
      checkTotal(fn, 'table', total, `row ${i}, column ${j}`);
    }
  }
  if (total === 0) throw new RangeError(`${fn}: table must not be all 0`);
  return { data, rows, cols, total };
}
