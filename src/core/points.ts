// Continuous samples for the k-NN estimators: validation of 1-D arrays and rows into one
// row-major Float64Array, scaling by the standard deviation, and seeded tie-breaking noise.
import { show } from './validate.js';
import { NormalStream } from './random.js';
import { maxAbs, orderFreeMoments, safeMoments } from './safeStats.js';

/** A continuous sample: n points of d coordinates, row-major. */
export interface Points {
  data: Float64Array;
  n: number;
  d: number;
}

/** What the k-NN estimators accept for one variable: a 1-D numeric array or rows of numbers. */
export type Sample = ArrayLike<number> | readonly ArrayLike<number>[];

function isRow(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function badValue(fn: string, name: string, where: string, v: unknown): never {
  if (typeof v === 'number') throw new RangeError(`${fn}: ${name} must contain finite numbers, got ${v} at ${where}`);
  throw new TypeError(`${fn}: ${name} must contain finite numbers, got ${show(v)} at ${where}`);
}

/**
 * Validates a sample and copies it into a Points: a 1-D numeric array or typed array is
 * n points of d = 1; an array of rows (arrays or typed arrays of equal length ≥ 1) is n
 * points of d = row length.
 * @throws TypeError for a non-array, a non-number value or a mix of rows and numbers
 * @throws RangeError for an empty sample, NaN or ±Infinity, rows of different lengths or empty rows
 */
export function toPoints(fn: string, name: string, x: unknown): Points {
  const { n, d } = pointsShape(fn, name, x);
  const data = new Float64Array(n * d);
  fillPoints(fn, name, x, data);
  return { data, n, d };
}

/**
 * The first half of toPoints: n and d, from the sample's structure (its first row), so
 * that a caller can place the values where it wants them (fillPoints).
 * @throws as toPoints, for the errors seen without reading every value
 */
export function pointsShape(fn: string, name: string, x: unknown): { n: number; d: number } {
  if (!isRow(x) || typeof (x as { length?: unknown }).length !== 'number') {
    throw new TypeError(`${fn}: ${name} must be an array, a typed array or an array of rows, got ${show(x)}`);
  }
  const n = x.length;
  if (n === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
  if (ArrayBuffer.isView(x)) {
    if (x instanceof BigInt64Array || x instanceof BigUint64Array) {
      throw new TypeError(`${fn}: ${name} must contain finite numbers, got a ${show(x)}`);
    }
    return { n, d: 1 };
  }
  const first = x[0];
  if (!isRow(first)) return { n, d: 1 };
  const d = first.length;
  if (d === 0) throw new RangeError(`${fn}: ${name} rows must not be empty, got an empty row at index 0`);
  return { n, d };
}

/**
 * The second half of toPoints: checks every value of a sample that passed pointsShape and
 * writes it into data (n · d values, row-major).
 * @throws as toPoints
 */
export function fillPoints(fn: string, name: string, x: unknown, data: Float64Array): void {
  const rows = x as ArrayLike<unknown>;
  const n = rows.length;
  if (ArrayBuffer.isView(x)) {
    data.set(x as unknown as ArrayLike<number>);
    for (let i = 0; i < n; i++) if (!Number.isFinite(data[i])) badValue(fn, name, `index ${i}`, data[i]);
    return;
  }
  if (!isRow(rows[0])) {
    for (let i = 0; i < n; i++) {
      const v = rows[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, name, `index ${i}`, v);
      data[i] = v;
    }
    return;
  }
  const d = data.length / n;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!isRow(row)) throw new TypeError(`${fn}: ${name} must be all numbers or all rows, got ${show(row)} at index ${i}`);
    if (row.length !== d) {
      throw new RangeError(`${fn}: ${name} rows must all have the same length, got ${d} at index 0 and ${row.length} at index ${i}`);
    }
    for (let c = 0; c < d; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) badValue(fn, name, `index [${i}][${c}]`, v);
      data[i * d + c] = v;
    }
  }
}

/**
 * Population standard deviation (ddof = 0) of each column. A constant column (all values
 * equal, or a std below 10·ε relative to its largest |x|) is reported as 1, as
 * sklearn.preprocessing.scale does for a column of X (`_handle_zeros_in_scale`): that
 * column is left unscaled. The equality test matters: the rounded mean of a constant
 * column can differ from its value, and the std then comes out near 1e-13 instead of 0.
 * The test is relative so that a column at 1e-160 scale with a real spread is scaled
 * (sklearn's absolute 10·ε would leave it unscaled, under noise of 1e-10). Each value
 * is first divided by the largest |x| (orderFreeMoments), so squares neither overflow nor
 * vanish at any magnitude, and the std of 2^s·x is exactly 2^s times that of x: the
 * k-NN estimators give the same bits for data scaled by any power of two.
 */
export function columnScales(p: Points): Float64Array {
  const { data, n, d } = p;
  const out = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    let constant = true;
    const first = data[c];
    for (let i = 0; i < n; i++) constant &&= data[i * d + c] === first;
    if (constant) {
      out[c] = 1;
      continue;
    }
    // Exactly rounded sums (orderFreeMoments): the scale, and with noise 0 the whole
    // estimate, is the same for any order of the samples (a different rounding of the
    // scale can break ties between distances differently).
    const m = orderFreeMoments(data, n, d, c);
    // ≤ rather than <: among the subnormals both sides can round to 0
    out[c] = m.std <= 10 * Number.EPSILON * m.max ? 1 : m.std;
  }
  return out;
}

/** Divides each column by its scale, in place. */
export function scaleColumns(p: Points, scales: Float64Array): void {
  const { data, n, d } = p;
  for (let c = 0; c < d; c++) {
    const s = scales[c];
    if (s !== 1) for (let i = 0; i < n; i++) data[i * d + c] /= s;
  }
}

/**
 * Above this magnitude a max-norm distance (a difference of two values) or a value plus
 * noise (at most 1·max(1, mean|x|)·|z|, |z| < 10) could overflow.
 */
const HUGE = 2 ** 960;
/** The power of two that brings such samples back: exact, and it leaves k-NN ranks unchanged. */
const SHRINK_LOG2 = 64;

/**
 * Multiplies every value of the samples by 2^-64 when some |value| ≥ 2^960 (so that a
 * difference x_i − x_j or x + noise cannot overflow; one factor for all, as the max norm
 * compares across dimensions), and returns the ln of the factor undone (0 if nothing was
 * done). Scaling by a power of two is exact, so k-NN counts are unchanged; a
 * Kozachenko–Leonenko entropy adds d·ln 2^64 back.
 */
export function shrinkHuge(samples: Points[]): number {
  let huge = false;
  for (const p of samples) if (maxAbs(p.data, p.data.length) >= HUGE) huge = true;
  if (!huge) return 0;
  const f = 2 ** -SHRINK_LOG2;
  for (const p of samples) for (let i = 0; i < p.data.length; i++) p.data[i] *= f;
  return SHRINK_LOG2 * Math.LN2;
}

/** Normals drawn at a time by addNoise: even, as the polar method draws them in pairs. */
const NOISE_BLOCK = 1 << 16;

/**
 * Adds noise·max(1, mean|x_c|)·N(0, 1) to every value of each column c, in place, drawing
 * the normals row by row from `normals`: the tie-breaking noise that Kraskov et al. advise
 * and sklearn's mutual_info_regression adds (there with noise = 1e-10).
 */
export function addNoise(p: Points, noise: number, normals: NormalStream): void {
  if (noise === 0) return;
  const { data, n, d } = p;
  const amp = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(data[i * d + c]);
    // a sum past the largest double: the same mean from values scaled by their maximum
    const meanAbs = Number.isFinite(s) ? s / n : safeMoments(data, n, d, c).meanAbs;
    amp[c] = noise * Math.max(1, meanAbs);
  }
  // In blocks of an even length, which draw the same normals as one fill of n·d (the polar
  // method yields them in pairs), without an n·d buffer next to the data.
  const z = new Float64Array(Math.min(n * d, NOISE_BLOCK));
  for (let from = 0; from < n * d; from += z.length) {
    const len = Math.min(z.length, n * d - from);
    const zz = len === z.length ? z : z.subarray(0, len);
    normals.fill(zz);
    if (d === 1) {
      const a = amp[0];
      for (let j = 0; j < len; j++) data[from + j] += a * zz[j];
    } else for (let j = 0; j < len; j++) data[from + j] += amp[(from + j) % d] * zz[j];
  }
}

/** Scales (when asked) and noises each sample in turn, all from one seeded stream. */
export function prepare(samples: Points[], normalize: boolean, noise: number, seed: number): void {
  const normals = new NormalStream(seed);
  if (normalize) for (const p of samples) scaleColumns(p, columnScales(p));
  shrinkHuge(samples);
  for (const p of samples) addNoise(p, noise, normals);
}

/** The points of several samples side by side: row i is the concatenation of their rows i. */
export function joinColumns(parts: readonly Points[]): Points {
  if (parts.length === 1) return parts[0];
  const n = parts[0].n;
  const d = parts.reduce((s, p) => s + p.d, 0);
  return { data: joinInto(new Float64Array(n * d), parts), n, d };
}

/** joinColumns written into target (n · Σd values), which a backend may own; returns target. */
export function joinInto(target: Float64Array, parts: readonly Points[]): Float64Array {
  const n = parts[0].n;
  const d = parts.reduce((s, p) => s + p.d, 0);
  let off = 0;
  for (const p of parts) {
    const src = p.data;
    const pd = p.d;
    if (pd === 1) for (let i = 0; i < n; i++) target[i * d + off] = src[i];
    else for (let i = 0; i < n; i++) for (let c = 0; c < pd; c++) target[i * d + off + c] = src[i * pd + c];
    off += pd;
  }
  return target;
}
