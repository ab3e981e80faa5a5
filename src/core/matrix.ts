import { show } from './validate.js';

/** A dense matrix without copies: row-major `data` of `rows × cols` numbers. */
export interface MatrixLike {
  data: Float64Array | ArrayLike<number>;
  rows: number;
  cols: number;
}

/** Feature matrices as users pass them: an array of rows, or a flat row-major matrix. */
export type FeatureMatrix = readonly (readonly number[] | Float64Array)[] | MatrixLike;

/**
 * Checks X (rectangular, finite numbers, non-empty) and returns its columns as
 * Float64Arrays, copying once into column order. Cost: O(rows·cols).
 */
export function columnsOf(fn: string, X: unknown): { rows: number; cols: number; columns: Float64Array[] } {
  if (Array.isArray(X)) {
    const rows = X.length;
    if (rows === 0) throw new RangeError(`${fn}: X must have at least one row`);
    const first = X[0];
    if (!Array.isArray(first) && !ArrayBuffer.isView(first)) {
      throw new TypeError(`${fn}: X must be an array of rows (number[][]) or { data, rows, cols }, got row 0 = ${show(first)}`);
    }
    const cols = (first as ArrayLike<number>).length;
    if (cols === 0) throw new RangeError(`${fn}: X must have at least one column`);
    const columns = Array.from({ length: cols }, () => new Float64Array(rows));
    for (let i = 0; i < rows; i++) {
      const r = X[i] as ArrayLike<unknown>;
      if ((!Array.isArray(r) && !ArrayBuffer.isView(r)) || r.length !== cols) {
        throw new RangeError(`${fn}: X is not rectangular: row ${i} has ${r?.length ?? show(r)} values, row 0 has ${cols}`);
      }
      for (let j = 0; j < cols; j++) {
        const v = r[j];
        if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, i, j, v);
        columns[j][i] = v;
      }
    }
    return { rows, cols, columns };
  }
  if (X !== null && typeof X === 'object' && 'data' in X && 'rows' in X && 'cols' in X) {
    const { data, rows, cols } = X as MatrixLike;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
      throw new RangeError(`${fn}: X.rows and X.cols must be positive integers, got ${show(rows)} and ${show(cols)}`);
    }
    if (!data || typeof (data as ArrayLike<number>).length !== 'number' || data.length !== rows * cols) {
      throw new RangeError(`${fn}: X.data must hold rows × cols = ${rows * cols} numbers, got ${data?.length ?? show(data)}`);
    }
    const columns = Array.from({ length: cols }, () => new Float64Array(rows));
    for (let i = 0, t = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, t++) {
        const v = data[t];
        if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, i, j, v);
        columns[j][i] = v;
      }
    }
    return { rows, cols, columns };
  }
  throw new TypeError(`${fn}: X must be an array of rows (number[][]) or { data, rows, cols }, got ${show(X)}`);
}

function badValue(fn: string, i: number, j: number, v: unknown): never {
  if (typeof v === 'number') throw new RangeError(`${fn}: X must not contain NaN or ±Infinity, got ${v} at row ${i}, column ${j}`);
  throw new TypeError(`${fn}: X must hold numbers, got ${show(v)} at row ${i}, column ${j}`);
}

/** Values transposed between two yields of {@link columnMajor}: a few ms of work. */
const STEP = 1 << 16;

/**
 * The checks of {@link columnsOf}, written into one column-major Float64Array (column j
 * at j·rows) from `alloc` (e.g. backed by a SharedArrayBuffer), as a generator that
 * yields every ~65k values so an async caller can give the event loop a turn.
 */
export function* columnMajor(
  fn: string,
  X: unknown,
  alloc: (length: number) => Float64Array = (m) => new Float64Array(m),
): Generator<void, { rows: number; cols: number; data: Float64Array }> {
  let rows: number;
  let cols: number;
  let at: (i: number) => ArrayLike<unknown>;
  if (Array.isArray(X)) {
    rows = X.length;
    if (rows === 0) throw new RangeError(`${fn}: X must have at least one row`);
    const first = X[0];
    if (!Array.isArray(first) && !ArrayBuffer.isView(first)) {
      throw new TypeError(`${fn}: X must be an array of rows (number[][]) or { data, rows, cols }, got row 0 = ${show(first)}`);
    }
    cols = (first as ArrayLike<number>).length;
    if (cols === 0) throw new RangeError(`${fn}: X must have at least one column`);
    at = (i) => {
      const r = X[i] as ArrayLike<unknown>;
      if ((!Array.isArray(r) && !ArrayBuffer.isView(r)) || r.length !== cols) {
        throw new RangeError(`${fn}: X is not rectangular: row ${i} has ${r?.length ?? show(r)} values, row 0 has ${cols}`);
      }
      return r;
    };
  } else if (X !== null && typeof X === 'object' && 'data' in X && 'rows' in X && 'cols' in X) {
    const m = X as MatrixLike;
    rows = m.rows;
    cols = m.cols;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
      throw new RangeError(`${fn}: X.rows and X.cols must be positive integers, got ${show(rows)} and ${show(cols)}`);
    }
    const data = m.data;
    if (!data || typeof (data as ArrayLike<number>).length !== 'number' || data.length !== rows * cols) {
      throw new RangeError(`${fn}: X.data must hold rows × cols = ${rows * cols} numbers, got ${data?.length ?? show(data)}`);
    }
    const c = cols;
    at = ArrayBuffer.isView(data) ? (i) => (data as Float64Array).subarray(i * c, i * c + c) : (i) => Array.prototype.slice.call(data, i * c, i * c + c);
  } else {
    throw new TypeError(`${fn}: X must be an array of rows (number[][]) or { data, rows, cols }, got ${show(X)}`);
  }
  const out = alloc(rows * cols);
  const per = Math.max(1, Math.floor(STEP / cols));
  for (let i0 = 0; i0 < rows; i0 += per) {
    const i1 = Math.min(rows, i0 + per);
    for (let i = i0; i < i1; i++) {
      const r = at(i);
      for (let j = 0, t = i; j < cols; j++, t += rows) {
        const v = r[j];
        if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, i, j, v);
        out[t] = v;
      }
    }
    if (i1 < rows) yield;
  }
  return { rows, cols, data: out };
}
