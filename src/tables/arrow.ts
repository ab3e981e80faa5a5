// Apache Arrow input, recognised by its shape (duck typing). Nothing here imports
// apache-arrow: users who never pass Arrow never load it, and the package works
// with any apache-arrow version whose Vector and Table have these members (≥ 15).
import { show } from '../core/validate.js';

/** The members of an apache-arrow `Data` chunk that are read here. */
interface ArrowDataLike {
  length: number;
  nullCount: number;
  values: ArrayLike<unknown> & ArrayBufferView;
  dictionary?: ArrowVectorLike;
}

/** The members of an apache-arrow `Vector` that are read here. */
export interface ArrowVectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: { typeId: number; bitWidth?: number; precision?: number };
  readonly data: readonly ArrowDataLike[];
  get(i: number): unknown;
  toArray(): ArrayLike<unknown>;
}

/** The members of an apache-arrow `Table` that are read here. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { fields: readonly { name: string }[] };
  getChild(name: string): ArrowVectorLike | null;
}

// apache-arrow's Type enum (stable across versions since 0.x).
const INT = 2;
const FLOAT = 3;
const BOOL = 6;
const DICTIONARY = -1;
const HALF = 0;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/**
 * True for an apache-arrow Vector (or anything with its shape).
 * @example
 * // an apache-arrow Vector, or an object of its shape:
 * isArrowVector({ data: [], type: { typeId: 3 }, length: 0, get: (i) => null }); // => true
 * isArrowVector([1, 2, 3]); // => false
 */
export function isArrowVector(v: unknown): v is ArrowVectorLike {
  return (
    isObject(v) && Array.isArray(v.data) && isObject(v.type) && typeof (v.type as { typeId?: unknown }).typeId === 'number' &&
    typeof v.get === 'function' && typeof v.length === 'number'
  );
}

/**
 * True for an apache-arrow Table (or anything with its shape).
 * @example
 * // an apache-arrow Table, or an object of its shape:
 * isArrowTable({ schema: { fields: [] }, getChild: (name) => null }); // => true
 * isArrowTable({ columns: [[1, 2, 3]] }); // => false
 */
export function isArrowTable(v: unknown): v is ArrowTableLike {
  return isObject(v) && typeof v.getChild === 'function' && isObject(v.schema) && Array.isArray((v.schema as { fields?: unknown }).fields);
}

function noNulls(fn: string, name: string, v: ArrowVectorLike): void {
  if (v.nullCount > 0) {
    throw new RangeError(`${fn}: ${name} holds ${v.nullCount} null${v.nullCount === 1 ? '' : 's'} (Arrow column); drop or fill them first`);
  }
}

type NumArray = Float64Array | Float32Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

function isNumArray(a: unknown): a is NumArray {
  return (
    a instanceof Float64Array || a instanceof Float32Array || a instanceof Int32Array || a instanceof Int16Array ||
    a instanceof Int8Array || a instanceof Uint8Array || a instanceof Uint16Array || a instanceof Uint32Array
  );
}

/** The chunks' value arrays joined: the only chunk's own array (no copy), or one copy of all. */
function joinChunks(chunks: readonly NumArray[], length: number): NumArray {
  if (chunks.length === 1) return chunks[0];
  const Ctor = chunks[0].constructor as new (n: number) => NumArray;
  const out = new Ctor(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c as ArrayLike<number>, at);
    at += c.length;
  }
  return out;
}

/** Each chunk's values, cut to its length (builders leave padding after the last value). */
function chunkValues(v: ArrowVectorLike): unknown[] {
  return v.data.map((d) => (isNumArray(d.values) && d.values.length > d.length ? d.values.subarray(0, d.length) : d.values));
}

/** 64-bit integers as doubles, refusing values that a double cannot hold exactly. */
function fromBigInts(fn: string, name: string, v: ArrowVectorLike): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const b = v.get(i);
    const n = Number(b);
    if (!Number.isSafeInteger(n)) throw new RangeError(`${fn}: ${name} holds ${show(b)} at index ${i}, beyond ±2^53 (Arrow Int64 column)`);
    out[i] = n;
  }
  return out;
}

/**
 * The numbers of a numeric Arrow vector as a typed array: the chunk's own buffer when
 * the vector has one chunk of a float or ≤ 32-bit integer type (zero-copy), else a copy.
 */
function numericValues(fn: string, name: string, v: ArrowVectorLike): NumArray | null {
  const { typeId } = v.type;
  const vals = chunkValues(v);
  if (typeId === FLOAT && v.type.precision !== HALF && vals.every(isNumArray)) return joinChunks(vals as NumArray[], v.length);
  if (typeId === INT) {
    if (vals.every(isNumArray)) return joinChunks(vals as NumArray[], v.length);
    return fromBigInts(fn, name, v);
  }
  return null;
}

/** Dictionary codes (the index arrays), when every chunk shares one dictionary. */
function dictionaryCodes(fn: string, name: string, v: ArrowVectorLike): { codes: NumArray; dictionary: ArrowVectorLike } | null {
  if (v.type.typeId !== DICTIONARY || v.data.length === 0) return null;
  const dictionary = v.data[0].dictionary;
  if (dictionary === undefined || v.data.some((d) => d.dictionary !== dictionary)) return null;
  const vals = chunkValues(v);
  if (!vals.every(isNumArray)) {
    const codes = new Int32Array(v.length);
    let at = 0;
    for (const d of v.data) for (let i = 0; i < d.length; i++) codes[at++] = Number((d.values as unknown as BigInt64Array)[i]);
    return { codes, dictionary };
  }
  void fn;
  void name;
  return { codes: joinChunks(vals as NumArray[], v.length), dictionary };
}

/**
 * An Arrow vector as labels: dictionary-encoded columns give their index arrays (the
 * codes, no string decoded), integer and float columns their typed arrays, booleans
 * 0/1, and other types (strings, dates) their values. `labelOf` maps a code back to
 * its dictionary value where the codes are dictionary indices.
 */
export function arrowLabels(fn: string, name: string, v: ArrowVectorLike): { labels: ArrayLike<unknown>; labelOf?: (code: number) => unknown } {
  noNulls(fn, name, v);
  const dict = dictionaryCodes(fn, name, v);
  if (dict !== null) return { labels: dict.codes, labelOf: (c) => dict.dictionary.get(c) };
  const nums = numericValues(fn, name, v);
  if (nums !== null) return { labels: nums };
  if (v.type.typeId === BOOL) {
    const out = new Uint8Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v.get(i) ? 1 : 0;
    return { labels: out, labelOf: (c) => c === 1 };
  }
  return { labels: Array.from(v.toArray()) };
}

/** An Arrow vector as numbers: zero-copy for one chunk of a float or ≤ 32-bit integer type. */
export function arrowNumbers(fn: string, name: string, v: ArrowVectorLike): ArrayLike<number> {
  noNulls(fn, name, v);
  const nums = numericValues(fn, name, v);
  if (nums !== null) return nums;
  const dict = dictionaryCodes(fn, name, v);
  if (dict !== null) {
    const values = Array.from(dict.dictionary.toArray(), (d) => (typeof d === 'bigint' ? Number(d) : d));
    return Float64Array.from(dict.codes as ArrayLike<number>, (c) => values[c] as number);
  }
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i);
    const n = typeof x === 'bigint' ? Number(x) : x instanceof Date ? x.getTime() : x;
    if (typeof n !== 'number') throw new TypeError(`${fn}: ${name} must hold numbers, got ${show(x)} at index ${i} (Arrow column)`);
    out[i] = n;
  }
  return out;
}

/** The numeric columns of an Arrow table, in schema order. */
export function arrowTableColumns(fn: string, name: string, t: ArrowTableLike): { names: string[]; columns: ArrayLike<number>[] } {
  const names = t.schema.fields.map((f) => f.name);
  if (names.length === 0) throw new RangeError(`${fn}: ${name} must have at least one column`);
  const columns = names.map((c) => arrowNumbers(fn, `${name} column ${JSON.stringify(c)}`, t.getChild(c)!));
  return { names, columns };
}

/**
 * An argument of a column-taking function, with Arrow input unwrapped: a Vector becomes
 * labels (`kind: 'labels'`), numbers (`'numbers'`), or whichever its type suggests
 * (`'auto'`: numbers for numeric types, codes for dictionaries, values otherwise); a
 * Table becomes rows of numbers (one row per record, one value per column), the shape
 * the estimators take for a multivariate sample. Anything else is returned unchanged.
 */
export function unwrapArrow<T>(fn: string, name: string, v: T, kind: 'labels' | 'numbers' | 'auto' = 'auto'): Exclude<T, ArrowVectorLike | ArrowTableLike> {
  if (!isObject(v)) return v as never;
  if (isArrowVector(v)) {
    if (kind === 'numbers') return arrowNumbers(fn, name, v) as never;
    if (kind === 'labels') return arrowLabels(fn, name, v).labels as never;
    const nums = v.nullCount === 0 ? numericValues(fn, name, v) : null;
    if (nums !== null) return nums as never;
    // Codes alone would look like numbers to auto-selection: give the dictionary's values,
    // each decoded once and shared by reference.
    const dict = dictionaryCodes(fn, name, v);
    noNulls(fn, name, v);
    if (dict !== null) {
      const values = Array.from(dict.dictionary.toArray());
      return Array.from(dict.codes as ArrayLike<number>, (c) => values[c]) as never;
    }
    return arrowLabels(fn, name, v).labels as never;
  }
  if (isArrowTable(v)) {
    const { columns } = arrowTableColumns(fn, name, v);
    const n = v.numRows;
    const d = columns.length;
    const rows: Float64Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = new Float64Array(d);
      for (let j = 0; j < d; j++) r[j] = columns[j][i];
      rows[i] = r;
    }
    return rows as never;
  }
  return v as never;
}

/** A list argument (e.g. the variables of jointEntropy): an Arrow Table becomes its columns as labels. */
export function unwrapArrowList<T>(fn: string, name: string, v: T): Exclude<T, ArrowTableLike> {
  if (isArrowTable(v)) {
    return v.schema.fields.map((f) => arrowLabels(fn, `${name} column ${JSON.stringify(f.name)}`, v.getChild(f.name)!).labels) as never;
  }
  if (Array.isArray(v) && v.some(isArrowVector)) return v.map((x, i) => unwrapArrow(fn, `${name}[${i}]`, x, 'labels')) as never;
  return v as never;
}
