// Every exported function of src/index.ts with the arbitraries of its arguments. A function
// added to the public API gets one entry here (the coverage test fails until it has one):
// name, call, args (an fc.Arbitrary of the argument list), optionsAt (where the backend
// option goes, if it takes one) and the words its error messages may name.
import fc from 'fast-check';
import * as api from '../../src/index.js';
import {
  base, binsOpt, boolOpt, correctionOpt, counts, junk, kOpt, labels, labelsOrSample, length, lengthNear, matrix, noiseOpt,
  numbers, opt, options, rows, sample, seedOpt, table,
} from './arbitraries.js';
import type { FuzzEntry } from './harness.js';

const DISCRETE = ['plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax'] as const;
const AVERAGE = opt(fc.constantFrom('min', 'geometric', 'arithmetic', 'max'));
const knn = (n: number) => ({ k: kOpt(n), normalize: boolOpt, noise: noiseOpt, seed: seedOpt, base });

/** Two arguments of one length n (sometimes not), then options built for n. */
function two(
  a: (n: number) => fc.Arbitrary<unknown>,
  b: (n: number) => fc.Arbitrary<unknown>,
  o?: (n: number) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown[]> {
  return length.chain((n) => fc.tuple(a(n), lengthNear(n).chain(b), ...(o ? [o(n)] : [])));
}

function three(
  a: (n: number) => fc.Arbitrary<unknown>,
  o: (n: number) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown[]> {
  return length.chain((n) => fc.tuple(a(n), lengthNear(n).chain(a), lengthNear(n).chain(a), o(n)));
}

/** Sides of one kind (all labels, all continuous) most of the time, so that 'auto' runs deep; mixed kinds too. */
const sameKind = (...gens: ((n: number) => fc.Arbitrary<unknown>)[]) => (build: (g: (n: number) => fc.Arbitrary<unknown>) => fc.Arbitrary<unknown[]>) =>
  fc.oneof(...gens.map((g) => build(g)));

/** A list of 1–4 label variables of one length (sometimes not). */
function variables(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: length.chain((n) => fc.array(lengthNear(n).chain(labels), { minLength: 1, maxLength: 4 })) },
    { weight: 1, arbitrary: fc.oneof(junk, fc.constant([])) },
  );
}

const discreteOpts = options({ correction: correctionOpt, base });

/** entropy's options: an estimator, then (mostly) the options that estimator takes. */
function entropyOptions(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    options({ estimator: opt(fc.constantFrom('auto', ...DISCRETE)), K: opt(fc.integer({ min: 1, max: 20 })), base }),
    options({ estimator: fc.constant('kl'), ...knn(n) }),
    options({ estimator: fc.constant('binned'), bins: binsOpt, binning: opt(fc.constantFrom('equal-width', 'equal-frequency')), correction: correctionOpt, base }),
  );
}

function miOptions(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    options({ estimator: opt(fc.constantFrom('auto', 'discrete')), correction: correctionOpt, base }),
    options({ estimator: opt(fc.constantFrom('ksg', 'ksg2', 'auto')), ...knn(n) }),
    options({ estimator: fc.constant('mixed'), discrete: opt(fc.constantFrom('x', 'y', 'auto')), ...knn(n) }),
    options({ estimator: fc.constant('binned'), bins: binsOpt, binning: opt(fc.constantFrom('equal-width', 'equal-frequency')), correction: correctionOpt, base }),
    options({ estimator: fc.constant('gaussian'), base }),
  );
}

function cmiOptions(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    options({ estimator: opt(fc.constantFrom('auto', 'discrete')), correction: correctionOpt, base }),
    options({ estimator: opt(fc.constantFrom('ksg', 'auto')), ...knn(n) }),
  );
}

/** The reason of the pre-aborted signal: the Async forms reject with it, as documented. */
export const ABORT_REASON = new Error('aborted by the fuzz');

const signal = () => {
  const aborted = new AbortController();
  aborted.abort(ABORT_REASON);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(new AbortController().signal) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(aborted.signal, { aborted: 'no' }, 'signal', null) },
  );
};
/** What the throwing onProgress throws: the Async forms must reject with this very error (issue 10 item 4). */
export const PROGRESS_ERROR = new RangeError('onProgress: thrown by the fuzz');

/** onProgress values, a throwing one among them (FUZZ_THROWING_PROGRESS=0 leaves it out). */
const progress = () =>
  fc.constantFrom<unknown>(
    () => {},
    () => {},
    () => {},
    'not a function',
    ...(process.env.FUZZ_THROWING_PROGRESS === '0'
      ? []
      : [
          () => {
            throw PROGRESS_ERROR;
          },
        ]),
  );

/** The documented rejections of an Async form: the signal's reason, or onProgress's own error. */
const asyncRejection = (e: unknown) => e === ABORT_REASON || e === PROGRESS_ERROR;

function featureOptions(n: number, async: boolean): fc.Arbitrary<unknown> {
  return options({
    discreteFeatures: opt(fc.oneof(fc.constantFrom<unknown>('auto', true, false, [0], [-1], [true, false], [5])) ),
    nNeighbors: kOpt(n),
    randomState: seedOpt,
    copy: boolOpt,
    workers: fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(1, 2, 0, 'auto', 'many') }),
    ...(async ? { onProgress: progress(), signal: signal() } : {}),
  });
}

function features(async: boolean, classif: boolean): fc.Arbitrary<unknown[]> {
  return length.chain((n) =>
    fc.tuple(
      fc.integer({ min: 1, max: 3 }).chain((d) => matrix(n, d)),
      lengthNear(n).chain(classif ? labels : numbers),
      featureOptions(n, async),
    ),
  );
}

/** The values of column j of discretize's input, as discretize reads them. */
function columnOf(x: unknown, j: number): number[] {
  const xs = Array.from(x as ArrayLike<unknown>);
  return xs.map((v) => (Array.isArray(v) || ArrayBuffer.isView(v) ? (v as ArrayLike<number>)[j] : (v as number)));
}

/** discretize: edges finite and strictly ascending, codes in range, each value inside its bin. */
function checkDiscretized(result: unknown, args: unknown[]): string | undefined {
  const r = result as { codes: Int32Array | Int32Array[]; edges: Float64Array | Float64Array[] };
  const codes = Array.isArray(r.codes) ? r.codes : [r.codes];
  const edges = Array.isArray(r.edges) ? r.edges : [r.edges];
  for (let j = 0; j < edges.length; j++) {
    const e = edges[j];
    const c = codes[j];
    const x = columnOf(args[0], j);
    if (e.length < 2) return `column ${j}: ${e.length} edges`;
    for (let i = 0; i < e.length; i++) {
      if (!Number.isFinite(e[i])) return `column ${j}: edge ${i} is ${e[i]}`;
      if (i > 0 && !(e[i] > e[i - 1])) return `column ${j}: edges not strictly ascending at ${i}: ${e[i - 1]}, ${e[i]}`;
    }
    const last = e.length - 2;
    for (let i = 0; i < c.length; i++) {
      const b = c[i];
      if (!(b >= 0 && b <= last)) return `column ${j}: code ${b} at ${i} out of [0, ${last}]`;
      const v = x[i];
      if (!(v >= e[b] && (v < e[b + 1] || (b === last && v <= e[b + 1])))) {
        return `column ${j}: value ${v} at ${i} is not in its bin ${b} = [${e[b]}, ${e[b + 1]}]`;
      }
    }
  }
  return undefined;
}

/**
 * Options of the significance tests: `permutations` (and `bootstrap`) always small, so that
 * a case stays fast; the default counts run in the tests' own suite.
 */
function testOptions(spec: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const small = { permutations: fc.integer({ min: 1, max: 12 }), ...spec };
  return fc.oneof(
    { weight: 14, arbitrary: fc.record(small, { requiredKeys: ['permutations'] }) },
    { weight: 1, arbitrary: fc.record(small, { requiredKeys: ['permutations'] }).map((o) => ({ ...o, bogus: 1 })) },
    // junk but never undefined: an absent count means the default 999, a cost the limit is not for
    { weight: 1, arbitrary: fc.record({ permutations: junk.filter((v) => v !== undefined) }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 3, 'x', []) },
  );
}

/**
 * k for the significance tests. A k near n is legal and costs O(N²·k) per estimate (documented,
 * and fuzzed on the estimators themselves); a test case runs 1 + permutations + bootstrap
 * estimates, so k stays ≤ 15 here and the time limit remains a hang detector, not a load gauge.
 */
const testK = (n: number) => kOpt(Math.min(n, 16));

const TESTS = ['permutations', 'seed', 'workers', 'onProgress', 'signal', 'method', 'confidence', 'bootstrap', 'shuffle', 'shuffleNeighbors', 'target', 'adjust'];

const OPTS = ['options', 'base', 'backend', 'estimator', 'correction', 'K', 'bins', 'binning', 'k', 'normalize', 'noise', 'seed', 'discrete'];

export const ENTRIES: FuzzEntry[] = [
  { name: 'init', args: fc.constant([]), call: api.init, names: [] },
  { name: 'backend', args: fc.constant([]), call: api.backend, names: [] },
  { name: 'mutualInfoScore', args: two(labels, labels, () => options({ base })), call: api.mutualInfoScore, optionsAt: 2, names: ['a', 'b', ...OPTS] },
  {
    name: 'normalizedMutualInfoScore',
    args: two(labels, labels, () => options({ averageMethod: AVERAGE })),
    call: api.normalizedMutualInfoScore,
    optionsAt: 2,
    names: ['a', 'b', 'averageMethod', ...OPTS],
  },
  {
    name: 'adjustedMutualInfoScore',
    args: two(labels, labels, () => options({ averageMethod: AVERAGE })),
    call: api.adjustedMutualInfoScore,
    optionsAt: 2,
    names: ['a', 'b', 'averageMethod', ...OPTS],
  },
  { name: 'entropy', args: length.chain((n) => fc.tuple(labelsOrSample(n), entropyOptions(n))), call: api.entropy, optionsAt: 1, names: ['x', ...OPTS] },
  {
    name: 'mutualInformation',
    args: fc.oneof(two(labels, labels, miOptions), two(sample, sample, miOptions), two(labels, sample, miOptions), two(labelsOrSample, labelsOrSample, miOptions)),
    call: api.mutualInformation,
    optionsAt: 2,
    names: ['x', 'y', ...OPTS],
  },
  {
    name: 'conditionalMutualInformation',
    args: sameKind(labels, sample, labelsOrSample)((g) => three(g, cmiOptions)),
    call: api.conditionalMutualInformation,
    optionsAt: 3,
    names: ['x', 'y', 'z', ...OPTS],
  },
  {
    name: 'mutualInfoRegression',
    args: features(false, false),
    call: api.mutualInfoRegression,
    optionsAt: 2,
    names: ['X', 'y', 'discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', ...OPTS],
  },
  {
    name: 'mutualInfoClassif',
    args: features(false, true),
    call: api.mutualInfoClassif,
    optionsAt: 2,
    names: ['X', 'y', 'discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', ...OPTS],
  },
  {
    name: 'mutualInfoRegressionAsync',
    args: features(true, false),
    call: api.mutualInfoRegressionAsync,
    optionsAt: 2,
    names: ['X', 'y', 'discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'onProgress', 'signal', ...OPTS],
    expectedError: asyncRejection,
  },
  {
    name: 'mutualInfoClassifAsync',
    args: features(true, true),
    call: api.mutualInfoClassifAsync,
    optionsAt: 2,
    names: ['X', 'y', 'discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'onProgress', 'signal', ...OPTS],
    expectedError: asyncRejection,
  },
  {
    name: 'discretize',
    args: length.chain((n) =>
      fc.tuple(
        fc.oneof({ weight: 3, arbitrary: numbers(n) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) => rows(n, d)) }),
        options({ method: opt(fc.constantFrom('equal-width', 'equal-frequency')), bins: binsOpt }),
      ),
    ),
    call: api.discretize,
    optionsAt: 1,
    names: ['x', 'method', ...OPTS],
    check: checkDiscretized,
  },
  {
    name: 'differentialEntropy',
    args: length.chain((n) =>
      fc.tuple(numbers(n), options({ method: opt(fc.constantFrom('vasicek', 'van es', 'ebrahimi', 'correa', 'auto')), windowLength: opt(fc.integer({ min: 1, max: 6 })), base })),
    ),
    call: api.differentialEntropy,
    names: ['x', 'method', 'windowLength', ...OPTS],
  },
  {
    name: 'shrinkageEntropy',
    args: length.chain((n) => fc.tuple(labels(n), options({ K: opt(fc.integer({ min: 1, max: 20 })), base }))),
    call: api.shrinkageEntropy,
    optionsAt: 1,
    names: ['x', ...OPTS],
  },
  {
    name: 'shrinkageEntropyFromCounts',
    args: fc.tuple(counts(), options({ K: opt(fc.integer({ min: 1, max: 20 })), base })),
    call: api.shrinkageEntropyFromCounts,
    optionsAt: 1,
    names: ['counts', ...OPTS],
  },
  {
    name: 'entropyFromCounts',
    args: fc.tuple(counts(), options({ estimator: opt(fc.constantFrom(...DISCRETE)), K: opt(fc.integer({ min: 1, max: 20 })), base })),
    call: api.entropyFromCounts,
    optionsAt: 1,
    names: ['counts', ...OPTS],
  },
  {
    name: 'mutualInformationFromCounts',
    args: fc.tuple(table(), discreteOpts),
    call: api.mutualInformationFromCounts,
    optionsAt: 1,
    names: ['table', 'table.data', 'table.rows', 'table.cols', ...OPTS],
  },
  { name: 'jointEntropy', args: fc.tuple(variables(), discreteOpts), call: api.jointEntropy, optionsAt: 1, names: ['variables', ...OPTS] },
  { name: 'totalCorrelation', args: fc.tuple(variables(), discreteOpts), call: api.totalCorrelation, optionsAt: 1, names: ['variables', ...OPTS] },
  { name: 'conditionalEntropy', args: two(labels, labels, () => discreteOpts), call: api.conditionalEntropy, optionsAt: 2, names: ['x', 'y', ...OPTS] },
  { name: 'variationOfInformation', args: two(labels, labels, () => discreteOpts), call: api.variationOfInformation, optionsAt: 2, names: ['a', 'b', ...OPTS] },
  {
    name: 'interactionInformation',
    args: three(labels, () => discreteOpts),
    call: api.interactionInformation,
    optionsAt: 3,
    names: ['x', 'y', 'z', ...OPTS],
  },
  { name: 'gTest', args: two(labels, labels, () => options({ base })), call: api.gTest, optionsAt: 2, names: ['x', 'y', ...OPTS] },
  { name: 'gTestFromCounts', args: fc.tuple(table(), options({ base })), call: api.gTestFromCounts, optionsAt: 1, names: ['table', 'table.data', 'table.rows', 'table.cols', ...OPTS] },
  {
    name: 'adjustPValues',
    args: fc.tuple(
      fc.oneof(
        { weight: 8, arbitrary: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }).map((a) => Float64Array.from(a)) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(Float64Array.of(NaN), Float64Array.of(1.5), [0.1, 0.2], Float64Array.of(-0)) },
        { weight: 1, arbitrary: junk },
      ),
      opt(fc.constantFrom('holm', 'bh', 'none')),
    ),
    call: api.adjustPValues,
    names: ['p', 'method'],
  },
  ...(['mutualInformationTest', 'mutualInformationTestAsync'] as const).map((name) => ({
    name,
    args: fc.oneof(two(labels, labels, mi(name)), two(sample, sample, mi(name)), two(labels, sample, mi(name))),
    call: api[name],
    optionsAt: 2,
    names: ['x', 'y', ...OPTS, ...TESTS],
    expectedError: asyncRejection,
  })),
  ...(['conditionalMutualInformationTest', 'conditionalMutualInformationTestAsync'] as const).map((name) => ({
    name,
    args: sameKind(labels, sample)((g) =>
      three(g, (n) =>
        testOptions({
          ...(name.endsWith('Async') ? { onProgress: progress(), signal: signal() } : {}),
          shuffle: opt(fc.constantFrom('auto', 'stratified', 'local', 'plain')),
          shuffleNeighbors: opt(fc.integer({ min: 1, max: 8 })),
          seed: seedOpt,
          k: testK(n),
          base,
        }),
      ),
    ),
    call: api[name],
    optionsAt: 3,
    names: ['x', 'y', 'z', ...OPTS, ...TESTS],
    expectedError: asyncRejection,
  })),
  ...(['featureTests', 'featureTestsAsync'] as const).map((name) => ({
    name,
    args: length.chain((n) =>
      fc.tuple(
        fc.integer({ min: 1, max: 3 }).chain((d) => matrix(n, d)),
        lengthNear(n).chain((m) => fc.oneof(labels(m), numbers(m))),
        testOptions({
          ...(name.endsWith('Async') ? { onProgress: progress(), signal: signal() } : {}),
          target: opt(fc.constantFrom('classif', 'regression', 'auto')),
          adjust: opt(fc.constantFrom('holm', 'bh', 'none')),
          seed: seedOpt,
        }),
      ),
    ),
    call: api[name],
    optionsAt: 2,
    names: ['X', 'y', 'discreteFeatures', 'nNeighbors', ...OPTS, ...TESTS],
    expectedError: asyncRejection,
  })),
  { name: 'selectEstimator', args: two(labelsOrSample, labelsOrSample), call: api.selectEstimator, names: ['x', 'y'] },
  // Big data (src/tables): count tables, SQL text, DuckDB (validation only: no file is read), Arrow checks, subsampling.
  {
    name: 'ContingencyTable',
    args: two(labels, labels, () => discreteOpts),
    call: (x: unknown, y: unknown, o: Record<string, unknown>) => {
      const t = new api.ContingencyTable().add(x, y);
      const { backend, base: b } = o ?? {};
      return [t.mutualInformation(o as never), t.normalizedMutualInformation({ backend } as never), t.entropy('xy', { base: b, backend } as never), t.gStatistic().g, t.gStatistic().pValue];
    },
    optionsAt: 2,
    names: ['x', 'y', ...OPTS],
    // its methods name themselves: "ContingencyTable.add: …"
    expectedError: (e) => (e instanceof TypeError || e instanceof RangeError) && /^ContingencyTable\.\w+: /.test(e.message) && !e.message.endsWith('.'),
  },
  {
    name: 'countQuery',
    args: fc.tuple(fc.oneof(
      junk,
      fc.record({
        dialect: opt(fc.constantFrom('duckdb', 'postgres', 'spark', 'bigquery', 'oracle')),
        source: fc.oneof(fc.constant('t'), fc.constant(''), junk),
        pairs: fc.oneof(junk, fc.array(fc.tuple(
          fc.oneof(fc.constant('a'), fc.constant(''), fc.record({ name: fc.constant('c'), bins: opt(fc.integer({ min: -1, max: 5000 })) }), fc.record({ name: fc.constant('e'), edges: fc.array(fc.double(), { maxLength: 5 }) })),
          fc.constant('y'),
        ), { maxLength: 3 })),
      }),
    )),
    call: api.countQuery,
    names: ['options', 'source', 'pairs', 'dialect', 'column', 'bins', 'edges'],
  },
  {
    name: 'mutualInformationFromSql',
    args: fc.tuple(fc.oneof(junk, fc.constant({}), fc.constant({ target: 'y' }), fc.constant({ target: 'y', file: 'a', table: 'b' }), fc.constant({ target: 3, query: 'SELECT 1' }), fc.constant({ target: 'y', query: 'SELECT 1 AS y', bins: 0 }))),
    call: api.mutualInformationFromSql,
    names: ['options', 'target', 'file', 'table', 'query', 'bins', 'connection'],
  },
  {
    name: 'countTablesFromSql',
    args: fc.tuple(fc.oneof(junk, fc.constant({}), fc.constant({ pairs: [['a']] }), fc.constant({ pairs: [] }), fc.constant({ query: 'SELECT 1 AS a', pairs: [['a', 'b']] }))),
    call: api.countTablesFromSql,
    names: ['options', 'pairs', 'file', 'table', 'query', 'column'],
  },
  {
    name: 'selectFeaturesFromSql',
    args: fc.tuple(fc.oneof(
      junk,
      fc.constant({}),
      fc.constant({ target: 'y' }),
      fc.constant({ target: 'y', file: 'a', table: 'b' }),
      fc.constant({ target: 3, query: 'SELECT 1' }),
      fc.constant({ target: 'y', query: 'SELECT 1 AS y' }),
      fc.constant({ target: 'y', query: 'SELECT 1 AS y, 2 AS a', method: 'nope' }),
      fc.constant({ target: 'y', query: 'SELECT 1 AS y, 2 AS a', k: 5 }),
      fc.constant({ target: 'y', query: 'SELECT 1 AS y, 2 AS a' }),
    )),
    call: api.selectFeaturesFromSql,
    names: ['options', 'target', 'file', 'table', 'query', 'columns', 'method', 'k', 'onProgress'],
  },
  { name: 'isArrowTable', args: fc.tuple(fc.anything()), call: api.isArrowTable, names: [] },
  { name: 'isArrowVector', args: fc.tuple(fc.anything()), call: api.isArrowVector, names: [] },
  {
    name: 'subsampledMutualInformation',
    args: two(labelsOrSample, labelsOrSample, (n) => fc.oneof(junk, fc.record({
      sample: fc.integer({ min: -1, max: n + 2 }),
      replicates: opt(fc.integer({ min: 1, max: 4 })),
      level: opt(fc.constantFrom(0.5, 0.95, 1, -1)),
      seed: seedOpt,
      estimator: opt(fc.constantFrom('auto', 'discrete', 'binned', 'gaussian')),
    }))),
    call: api.subsampledMutualInformation,
    optionsAt: 2,
    names: ['x', 'y', 'options', 'sample', 'replicates', 'level', ...OPTS],
  },
  ...(['selectFeatures', 'selectFeaturesAsync'] as const).map((name) => ({
    name,
    args: length.chain((n) =>
      fc.tuple(
        fc.integer({ min: 1, max: 4 }).chain((d) => matrix(n, d)),
        lengthNear(n).chain(labels),
        options({
          method: opt(fc.constantFrom('mim', 'mrmr', 'jmi', 'cmim', 'disr', 'icap', 'cife', 'mifs', 'betagamma')),
          k: opt(fc.integer({ min: 1, max: 4 })),
          estimator: opt(fc.constantFrom('discrete', 'binned', 'ksg', 'auto')),
          nNeighbors: opt(fc.integer({ min: 1, max: 5 })),
          base,
        }),
      ),
    ),
    call: name === 'selectFeatures' ? api.selectFeatures : api.selectFeaturesAsync,
    optionsAt: 2,
    names: ['X', 'y', 'method', 'k', 'estimator', 'beta', 'gamma', 'discreteFeatures', 'nNeighbors', 'randomState', 'bins', 'binning', 'workers', 'onProgress', 'signal', 'mutualInformation', ...OPTS],
    expectedError: asyncRejection,
  })),
  ...(['mutualInformationMatrix', 'mutualInformationMatrixAsync'] as const).map((name) => ({
    name,
    args: length.chain((n) =>
      fc.tuple(
        fc.integer({ min: 1, max: 4 }).chain((d) => matrix(n, d)),
        options({ estimator: opt(fc.constantFrom('discrete', 'binned', 'ksg', 'auto')), nNeighbors: opt(fc.integer({ min: 1, max: 5 })), base }),
      ),
    ),
    call: name === 'mutualInformationMatrix' ? api.mutualInformationMatrix : api.mutualInformationMatrixAsync,
    optionsAt: 1,
    names: ['X', 'X.columns', 'names', 'missing', 'onPairError', 'discreteFeatures', 'nNeighbors', 'workers', 'onProgress', 'signal', 'mutualInformation', ...OPTS],
    expectedError: asyncRejection,
    // Documented: the diagonal of a continuous column is NaN (I(X; X) is infinite).
    nonFiniteOk: () => true,
  })),
  ...(['selectKBest', 'selectPercentile'] as const).map((name) => ({
    name,
    args: length.chain((n) =>
      fc.tuple(
        fc.integer({ min: 1, max: 3 }).chain((d) => matrix(n, d)),
        lengthNear(n).chain(labels),
        options(name === 'selectKBest' ? { k: opt(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('all'))) } : { percentile: opt(fc.integer({ min: 0, max: 100 })) }),
      ),
    ),
    call: name === 'selectKBest' ? api.selectKBest : api.selectPercentile,
    optionsAt: 2,
    names: ['X', 'y', 'k', 'percentile', 'score', 'discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'mutualInfoClassif', 'mutualInfoRegression', ...OPTS],
  })),
];


// ---- time series (src/dynamics), local measures, copulaNormalize ----

/** Whether localMutualInformation(x, y, o) runs the 'mixed' estimator: asked for, or what 'auto' picks. */
function isMixed(x: unknown, y: unknown, o: unknown): boolean {
  const est = o !== null && typeof o === 'object' ? (o as { estimator?: unknown }).estimator : undefined;
  if (est === 'mixed') return true;
  if (est !== undefined && est !== 'auto') return false;
  try {
    return api.selectEstimator(x as never, y as never).estimator === 'mixed';
  } catch {
    return false;
  }
}

/** Where each label of a 1-D side occurs once (SameValueZero, as a Map keys them), or null if the side is not 1-D labels. */
function singletons(side: unknown): boolean[] | null {
  if (side === null || typeof side !== 'object' || !('length' in (side as object))) return null;
  const v = Array.from(side as ArrayLike<unknown>);
  if (v.some((e) => e !== null && typeof e === 'object')) return null;
  const count = new Map<unknown, number>();
  for (const e of v) count.set(e, (count.get(e) ?? 0) + 1);
  return v.map((e) => count.get(e) === 1);
}

/** 'mixed' locals: NaN exactly at the samples whose label (x's or y's, whichever side holds them) occurs once, finite elsewhere. */
function checkMixedNaN(local: Float64Array, args: unknown[]): string | undefined {
  const nan = Array.from(local, (v) => Number.isNaN(v));
  if (Array.from(local).some((v) => !Number.isNaN(v) && !Number.isFinite(v))) return 'mixed: a local value is ±Infinity';
  for (const side of [args[0], args[1]]) {
    const once = singletons(side);
    if (once && once.length === nan.length && once.every((b, i) => b === nan[i])) return undefined;
  }
  return `mixed: NaN at ${nan.flatMap((b, i) => (b ? [i] : [])).join(',') || 'no sample'}, not exactly at the labels seen once`;
}

/** A series length for the dynamics: small (≤ 40), sometimes 0–3. */
const seriesLength = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 4, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 2, 3) });

/** One series of length n: numbers or labels (discrete), sometimes trials of it, sometimes junk. */
function series(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: numbers(n) },
    { weight: 3, arbitrary: labels(n) },
    { weight: 1, arbitrary: fc.array(numbers(n), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: junk },
  );
}

const smallInt = (max: number) => opt(fc.integer({ min: 1, max }));

/** The options of the dynamics measures (transfer entropy's when te). */
function dynamicsOptions(n: number, extra: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  const common = { history: smallInt(3), historyTau: smallInt(2), ...extra };
  return fc.oneof(
    options({ estimator: opt(fc.constantFrom('ksg', 'ksg2')), k: kOpt(Math.min(n, 8)), normalize: boolOpt, noise: noiseOpt, seed: seedOpt, theiler: opt(fc.integer({ min: 0, max: 3 })), base, ...common }),
    options({ estimator: fc.constantFrom('discrete', 'gaussian'), base, ...common }),
  );
}

const teExtra = { sourceHistory: smallInt(3), sourceTau: smallInt(2), delay: smallInt(3) };
const DYN = ['source', 'target', 'condition', 'series', 'history', 'historyTau', 'sourceHistory', 'sourceTau', 'delay', 'conditionHistory', 'conditionTau', 'conditionDelay', 'theiler', 'trials', 'trial', 'permutations', ...OPTS];

function teArgs(withCondition: boolean, extra: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown[]> {
  return seriesLength.chain((n) =>
    fc.tuple(
      series(n),
      lengthNear(n).chain(series),
      ...(withCondition ? [lengthNear(n).chain(series)] : []),
      dynamicsOptions(n, { ...teExtra, ...(withCondition ? { conditionHistory: smallInt(2), conditionTau: smallInt(2), conditionDelay: smallInt(3) } : {}), ...extra }),
    ),
  );
}

/** The local forms hold NaN before the first complete history, as documented. */
const localNaN = () => true;

export const DYNAMICS_ENTRIES: FuzzEntry[] = [
  { name: 'transferEntropy', args: teArgs(false), call: api.transferEntropy, optionsAt: 2, names: DYN },
  { name: 'localTransferEntropy', args: teArgs(false), call: api.localTransferEntropy, optionsAt: 2, names: DYN, nonFiniteOk: localNaN },
  { name: 'conditionalTransferEntropy', args: teArgs(true), call: api.conditionalTransferEntropy, optionsAt: 3, names: DYN },
  { name: 'localConditionalTransferEntropy', args: teArgs(true), call: api.localConditionalTransferEntropy, optionsAt: 3, names: DYN, nonFiniteOk: localNaN },
  {
    name: 'transferEntropyTest',
    // permutations always small: the default 999 surrogates are a cost, not a hang
    args: teArgs(false, { permutations: fc.integer({ min: 1, max: 12 }) }).map((a) => {
      const o = a[2];
      return o !== null && typeof o === 'object' && !('permutations' in o) ? [a[0], a[1], { ...o, permutations: 8 }] : a;
    }),
    call: api.transferEntropyTest,
    optionsAt: 2,
    names: DYN,
  },
  {
    name: 'activeInformationStorage',
    args: seriesLength.chain((n) => fc.tuple(series(n), dynamicsOptions(n))),
    call: api.activeInformationStorage,
    optionsAt: 1,
    names: DYN,
  },
  {
    name: 'localActiveInformationStorage',
    args: seriesLength.chain((n) => fc.tuple(series(n), dynamicsOptions(n))),
    call: api.localActiveInformationStorage,
    optionsAt: 1,
    names: DYN,
    nonFiniteOk: localNaN,
  },
  {
    name: 'laggedMutualInformation',
    args: seriesLength.chain((n) =>
      fc.tuple(
        labelsOrSample(n),
        lengthNear(n).chain(labelsOrSample),
        fc.oneof(
          options({ lags: opt(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom([0, 1], [2], [-1]))), estimator: opt(fc.constantFrom('auto', 'discrete')), base }),
          options({ lags: opt(fc.integer({ min: 0, max: 4 })), estimator: fc.constantFrom('ksg', 'gaussian'), base }),
        ),
      ),
    ),
    call: api.laggedMutualInformation,
    optionsAt: 2,
    names: ['x', 'y', 'lags', 'lag', ...OPTS],
  },
  {
    name: 'localMutualInformation',
    args: fc.oneof(two(labels, labels, miOptions), two(sample, sample, miOptions), two(labelsOrSample, labelsOrSample, miOptions)),
    call: api.localMutualInformation,
    optionsAt: 2,
    names: ['x', 'y', ...OPTS],
    // Documented: with 'mixed', a sample whose label occurs once is dropped by Ross's estimator and gets NaN.
    nonFiniteOk: (args) => isMixed(args[0], args[1], args[2]),
    check: (result, args) => (isMixed(args[0], args[1], args[2]) ? checkMixedNaN(result as Float64Array, args) : undefined),
  },
  {
    name: 'localConditionalMutualInformation',
    args: fc.oneof(three(labels, cmiOptions), three(sample, cmiOptions)),
    call: api.localConditionalMutualInformation,
    optionsAt: 3,
    names: ['x', 'y', 'z', ...OPTS],
  },
  {
    name: 'copulaNormalize',
    args: length.chain((n) => fc.tuple(fc.oneof(numbers(n), fc.integer({ min: 1, max: 3 }).chain((d) => fc.array(numbers(n), { minLength: d, maxLength: d })), junk), options({}))),
    call: api.copulaNormalize,
    optionsAt: 1,
    names: ['x', ...OPTS],
  },
];
ENTRIES.push(...DYNAMICS_ENTRIES);

/** mutualInformationTest's options: a method, the estimator's options, small counts. */
function mi(name: string) {
  return (n: number) =>
    testOptions({
      ...(name.endsWith('Async') ? { onProgress: progress(), signal: signal() } : {}),
      method: opt(fc.constantFrom('permutation', 'g-test', 'likelihood-ratio', 'auto')),
      estimator: opt(fc.constantFrom('auto', 'discrete', 'ksg', 'mixed', 'binned', 'gaussian')),
      confidence: opt(fc.constantFrom(0.9, 0.95)),
      bootstrap: opt(fc.integer({ min: 2, max: 8 })),
      seed: seedOpt,
      k: testK(n),
      base,
    }).map((o) =>
      // with confidence, the default is 999 bootstrap replicates: a cost, not a hang (the limit's business)
      o !== null && typeof o === 'object' && 'confidence' in o && !('bootstrap' in o) ? { ...o, bootstrap: 4 } : o,
    );
}

/** The exported functions of src/index.ts, which the table must cover. */
export const EXPORTED_FUNCTIONS = Object.entries(api)
  .filter(([, v]) => typeof v === 'function')
  .map(([k]) => k)
  .sort();
