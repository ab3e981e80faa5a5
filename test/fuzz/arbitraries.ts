// Input classes for the fuzz suite (issue 10): every public function gets arguments drawn
// from these, valid and invalid mixed. Valid inputs dominate so the estimators run to the
// end; each invalid class (empty, length 1, mismatched lengths, NaN/±Infinity/±0, values
// near ±1.8e308 and 1e-308, subnormals, all-equal values, heavy ties, every typed-array
// kind, sparse arrays, ragged rows, wrong-size { data, rows, cols }, bad k/base/bins,
// unknown options, wrong option types) turns up often enough to be hit in a short run.
import fc from 'fast-check';

/** How a column's values are spread before scaling: the shapes that break estimators. */
const PATTERNS = ['spread', 'spread', 'ties', 'constant', 'ints', 'two'] as const;

/**
 * (scale, offset) pairs: a column is pattern·scale + offset. They reach the magnitudes the
 * audit found wrong: near ±1.8e308 (squares overflow), 1e149 (squares near the limit),
 * 1e-160 (squares underflow), 1e-308 and subnormals, and 2^53 where neighbours are 2 apart.
 */
const SCALES: readonly [number, number][] = [
  [1, 0], [1, 0], [1, 0], [1000, 0], [1e-3, 5],
  [1.7e308, 0], [1e308, 0], [8.98846567431158e307, 0], [1e149, 0], [1e154, 0],
  [1e-160, 0], [1e-308, 0], [1e-310, 0], [5e-324, 0], [1e-300, 1],
  [1, 2 ** 53], [1, -(2 ** 53)], [1e300, 1e308], [1, 1e15],
];

/** Numbers that are not finite, and other values that are not numbers at all. */
const NONFINITE = [NaN, Infinity, -Infinity] as const;
const JUNK = [null, undefined, 'a', '1', true, {}, [], 1n, Symbol.for('s')] as const;

/** Any value at all: for options of the wrong type and non-array arguments. */
export const junk = fc.constantFrom<unknown>(
  null, undefined, 'x', '', 0, -0, -1, 1.5, 1e308, NaN, Infinity, -Infinity, true, false, {}, [], [1], 2n, () => 1,
  new Date(0), new Map(), new DataView(new ArrayBuffer(8)),
);

/** A length: mostly small, sometimes 0 or 1, sometimes a few hundred (the grid and tree paths). */
export const length = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 2, max: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 2, 3, 4) },
  { weight: 1, arbitrary: fc.integer({ min: 25, max: 300 }) },
);

/** One value of a pattern, in [-1, 1] (ints: small integers, then scaled). */
function patternValues(pattern: (typeof PATTERNS)[number], n: number): fc.Arbitrary<number[]> {
  switch (pattern) {
    case 'spread':
      return fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n });
    case 'ties':
      return fc.array(fc.integer({ min: -2, max: 2 }).map((v) => v / 2), { minLength: n, maxLength: n });
    case 'constant':
      return fc.double({ min: -1, max: 1, noNaN: true }).map((v) => new Array(n).fill(v));
    case 'two':
      return fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n });
    default:
      return fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n });
  }
}

/** Finite numbers of length n with one of the patterns and scales above. */
export function finiteColumn(n: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.constantFrom(...PATTERNS), fc.constantFrom(...SCALES))
    .chain(([p, [scale, offset]]) =>
      patternValues(p, n).map((vs) =>
        vs.map((v) => {
          const r = v * scale + offset;
          // a scale times a value of magnitude ≤ 1 stays finite; the offset sum may not
          return Number.isFinite(r) ? r : offset;
        }),
      ),
    );
}

/** A column that is sometimes poisoned at one index with NaN, ±Infinity or a non-number. */
export function column(n: number): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 12, arbitrary: finiteColumn(n) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(finiteColumn(n), fc.nat(), fc.constantFrom<unknown>(...NONFINITE, ...JUNK))
        .map(([c, i, v]) => {
          const out: unknown[] = c.slice();
          if (out.length > 0) out[i % out.length] = v;
          return out;
        }),
    },
  );
}

/** The container kinds numbers can come in; the integer kinds truncate, Float32 may overflow. */
const NUMERIC_KINDS = [
  'array', 'array', 'array', 'f64', 'f64', 'f32', 'i32', 'u32', 'i16', 'u16', 'i8', 'u8', 'u8c', 'big64', 'sparse', 'dataview',
] as const;

/** Puts numbers into a container of the given kind (typed arrays convert as JS does). */
export function contain(values: readonly unknown[], kind: (typeof NUMERIC_KINDS)[number]): unknown {
  const nums = () => values.map((v) => (typeof v === 'number' ? v : Number.NaN));
  switch (kind) {
    case 'f64':
      return Float64Array.from(nums());
    case 'f32':
      return Float32Array.from(nums());
    case 'i32':
      return Int32Array.from(nums());
    case 'u32':
      return Uint32Array.from(nums());
    case 'i16':
      return Int16Array.from(nums());
    case 'u16':
      return Uint16Array.from(nums());
    case 'i8':
      return Int8Array.from(nums());
    case 'u8':
      return Uint8Array.from(nums());
    case 'u8c':
      return Uint8ClampedArray.from(nums());
    case 'big64':
      return BigInt64Array.from(nums(), (v) => (Number.isFinite(v) ? BigInt(Math.trunc(Math.max(-1e18, Math.min(1e18, v)))) : 0n));
    case 'sparse': {
      const out = values.slice();
      if (out.length > 0) delete out[Math.floor(out.length / 2)];
      return out;
    }
    case 'dataview':
      return new DataView(Float64Array.from(nums()).buffer);
    default:
      return values.slice();
  }
}

/** 1-D numbers of length n in any container. */
export function numbers(n: number): fc.Arbitrary<unknown> {
  return fc.tuple(column(n), fc.constantFrom(...NUMERIC_KINDS)).map(([c, kind]) => contain(c, kind));
}

/** Rows of d numbers (n × d), sometimes ragged, sometimes typed-array rows. */
export function rows(n: number, d: number): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.array(finiteColumn(n), { minLength: d, maxLength: d }), fc.constantFrom('array', 'f64', 'ragged', 'empty-row', 'mixed'))
    .map(([cols, kind]) => {
      const out: unknown[] = Array.from({ length: n }, (_, i) => {
        const r = cols.map((c) => c[i]);
        return kind === 'f64' ? Float64Array.from(r) : r;
      });
      if (n > 1 && kind === 'ragged') out[n - 1] = (out[n - 1] as number[]).concat([1]);
      if (n > 0 && kind === 'empty-row') out[0] = [];
      if (n > 1 && kind === 'mixed') out[1] = 3;
      return out;
    });
}

/** A continuous sample: 1-D numbers (mostly) or rows of 1–3 numbers. */
export function sample(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: numbers(n) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) => rows(n, d)) },
  );
}

/** Label values of many kinds; mixed kinds and invalid labels now and then. */
function labelValues(n: number): fc.Arbitrary<unknown[]> {
  const k = fc.integer({ min: 1, max: 6 });
  return fc.oneof(
    { weight: 6, arbitrary: k.chain((kk) => fc.array(fc.integer({ min: 0, max: kk - 1 }), { minLength: n, maxLength: n })) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom('a', 'b', 'c', ''), { minLength: n, maxLength: n }) },
    { weight: 1, arbitrary: fc.array(fc.boolean(), { minLength: n, maxLength: n }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(1n, -2n, 2n ** 70n), { minLength: n, maxLength: n }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(-1, 70000, 2 ** 53, 1e308, -1.7e308, 0.5, 5e-324, -0, 2 ** 31), { minLength: n, maxLength: n }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: n }), { minLength: n, maxLength: n }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom<unknown>(0, 'a', true, 2n, 1.5), { minLength: n, maxLength: n }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), fc.nat(), fc.constantFrom<unknown>(...NONFINITE, ...JUNK))
        .map(([c, i, v]) => {
          const out: unknown[] = c.slice();
          if (out.length > 0) out[i % out.length] = v;
          return out;
        }),
    },
  );
}

const LABEL_KINDS = ['array', 'array', 'array', 'i32', 'u32', 'i8', 'u8', 'u16', 'f64', 'f32', 'sparse'] as const;

/** Labels of length n in any container (typed arrays only for numeric labels). */
export function labels(n: number): fc.Arbitrary<unknown> {
  return fc.tuple(labelValues(n), fc.constantFrom(...LABEL_KINDS)).map(([vs, kind]) =>
    kind !== 'array' && kind !== 'sparse' && !vs.every((v) => typeof v === 'number') ? vs : contain(vs, kind),
  );
}

/** Either labels or a continuous sample: what the 'auto' entry points must sort out. */
export function labelsOrSample(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(labels(n), sample(n));
}

/** A length that is usually n and sometimes another: the mismatched-lengths class. */
export function lengthNear(n: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 12, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: n + 2 }) });
}

/** Counts: small, huge (past 2^53 in total), and invalid ones. */
export function counts(): fc.Arbitrary<unknown> {
  const c = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom(2 ** 52, 2 ** 53 - 1, 2 ** 50, 1e15, 1) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 0.5, 2 ** 53, 1e300, NaN, Infinity, '3', null) },
  );
  return fc.oneof(
    { weight: 10, arbitrary: fc.array(c, { minLength: 0, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }).map((a) => Float64Array.from(a)) },
    { weight: 1, arbitrary: junk },
  );
}

/** A contingency table: rows of counts (sometimes ragged) or { data, rows, cols } (sometimes the wrong size). */
export function table(): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([r, c]) =>
      fc.tuple(fc.array(fc.array(fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(2 ** 52, 2 ** 53 - 1, -1, 0.5, NaN) }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }), fc.constantFrom('rows', 'flat', 'flat-wrong', 'ragged', 'junk'), junk).map(([t, kind, j]) => {
        if (kind === 'flat') return { data: t.flat(), rows: r, cols: c };
        if (kind === 'flat-wrong') return { data: t.flat().slice(1), rows: r, cols: c };
        if (kind === 'ragged' && r > 1) return [t[0], t[1].concat([1]), ...t.slice(2)];
        if (kind === 'junk') return j;
        return t;
      }),
    );
}

/** A feature matrix: rows, or { data, rows, cols } (sometimes the wrong size), of n × d. */
export function matrix(n: number, d: number): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.array(finiteColumn(n), { minLength: d, maxLength: d }), fc.constantFrom('rows', 'rows', 'flat', 'flat-wrong', 'ragged', 'poison', 'junk'), junk)
    .map(([cols, kind, j]) => {
      const rs = Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
      if (kind === 'flat') return { data: Float64Array.from(rs.flat()), rows: n, cols: d };
      if (kind === 'flat-wrong') return { data: Float64Array.from(rs.flat()), rows: n + 1, cols: d };
      if (kind === 'ragged' && n > 1) rs[n - 1] = rs[n - 1].concat([1]);
      if (kind === 'poison' && n > 0) rs[0][0] = Number.NaN;
      if (kind === 'junk') return j;
      return rs;
    });
}

/** An option value: mostly valid, sometimes any junk value (the wrong type or range). */
export function opt<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: junk });
}

export const base = opt(fc.constantFrom(2, 10, Math.E, 0.5, 3));
export const kOpt = (n: number) => opt(fc.integer({ min: 1, max: Math.max(1, n - 1) }));
export const binsOpt = opt(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom('sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane', 'auto')));
export const seedOpt = opt(fc.integer({ min: 0, max: 2 ** 32 - 1 }));
export const noiseOpt = opt(fc.constantFrom(0, 1e-10, 1e-6));
export const boolOpt = opt(fc.boolean());
export const correctionOpt = opt(fc.constantFrom('plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax'));

/**
 * Options from a spec of per-key arbitraries (each key present or not); sometimes an
 * unknown key, sometimes not an object at all.
 */
export function options(spec: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 14, arbitrary: fc.record(spec, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record(spec, { requiredKeys: [] }).map((o) => ({ ...o, bogus: 1 })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 3, 'base', [], [2]) },
  );
}
