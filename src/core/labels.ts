import { show } from './validate.js';
import type { ArrowVectorLike } from '../tables/arrow.js';
import { rangeI32 } from '../backend/js/histogram.js';

/** Values up to this are used as their own codes (a histogram of 64 Ki cells at most). */
const DIRECT_MAX = 1 << 16;

/** Any value usable as a class label. */
export type Label = number | string | boolean | bigint;

/** Labels as a user may pass them: an array of labels, or a typed array. */
export type Labels = ArrayLike<Label> | Int32Array | Float64Array | ArrowVectorLike;

function badLabel(fn: string, name: string, i: number, v: unknown): never {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
    throw new TypeError(`${fn}: ${name} must not contain null, undefined or NaN labels, got ${show(v)} at index ${i}`);
  }
  if (typeof v === 'number') throw new RangeError(`${fn}: ${name} must not contain ±Infinity, got ${v} at index ${i}`);
  throw new TypeError(`${fn}: ${name} labels must be numbers, strings, booleans or bigints, got ${show(v)} at index ${i}`);
}

function isIntTypedArray(x: unknown): x is Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array {
  return (
    x instanceof Int32Array || x instanceof Uint8Array || x instanceof Uint16Array ||
    x instanceof Int16Array || x instanceof Int8Array || x instanceof Uint32Array || x instanceof Uint8ClampedArray
  );
}

/**
 * Writes dense codes for the labels into out and returns the number of codes K.
 * Small non-negative integers are their own codes (some codes may then be unused:
 * every consumer skips empty cells); anything else goes through a Map in order of
 * first appearance. `range` is the backend's min/max kernel (the JS twin by default). Throws on null, undefined, NaN, ±Infinity and non-primitive labels.
 */
export function encodeLabels(
  fn: string,
  name: string,
  x: ArrayLike<unknown>,
  out: Int32Array,
  range: (codes: Int32Array) => [number, number] = rangeI32,
): number {
  const n = x.length;
  if (isIntTypedArray(x)) {
    // Copy first, then scan inside the backend (SIMD on wasm). Uint32 values ≥ 2^31
    // wrap to negatives here and so take the Map path below, which reads x itself.
    out.set(x as ArrayLike<number>);
    // range must not allocate on wasm (it writes to a fixed slot): out may be a view of
    // linear memory, which a growth would detach before the Map path below fills it.
    const [lo, hi] = range(out);
    if (out.length !== n) throw new Error('mutinfo internal error: a scratch view was detached by WASM memory growth');
    if (lo >= 0 && hi < DIRECT_MAX) return hi + 1;
  } else {
    let hi = -1;
    let i = 0;
    for (; i < n; i++) {
      const v = x[i];
      // (v >>> 0) === v holds exactly for integers in [0, 2^32), including -0.
      if (typeof v !== 'number' || v >>> 0 !== v || v >= DIRECT_MAX) break;
      out[i] = v;
      if (v > hi) hi = v;
    }
    if (i === n) return hi + 1;
  }
  const codes = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const v = x[i];
    let c = codes.get(v);
    if (c === undefined) {
      const t = typeof v;
      if (!(t === 'string' || t === 'boolean' || t === 'bigint' || (t === 'number' && Number.isFinite(v)))) {
        badLabel(fn, name, i, v);
      }
      c = codes.size;
      codes.set(v, c);
    }
    out[i] = c;
  }
  return codes.size;
}
