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
  return fc.constantFrom<unknown>(new AbortController().signal, aborted.signal, { aborted: 'no' }, 'signal', null);
};
/**
 * onProgress values. A throwing callback must reject the promise (issue 10 item 4, the pool's
 * part); until that lands it kills the process, so FUZZ_THROWING_PROGRESS=1 adds it.
 */
const progress = () =>
  fc.constantFrom<unknown>(
    () => {},
    'not a function',
    ...(process.env.FUZZ_THROWING_PROGRESS === '1'
      ? [
          () => {
            throw new RangeError('onProgress: thrown by the fuzz');
          },
        ]
      : []),
  );

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
  { name: 'mutualInformation', args: two(labelsOrSample, labelsOrSample, miOptions), call: api.mutualInformation, optionsAt: 2, names: ['x', 'y', ...OPTS] },
  {
    name: 'conditionalMutualInformation',
    args: three(labelsOrSample, cmiOptions),
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
    expectedError: (e) => e === ABORT_REASON,
  },
  {
    name: 'mutualInfoClassifAsync',
    args: features(true, true),
    call: api.mutualInfoClassifAsync,
    optionsAt: 2,
    names: ['X', 'y', 'discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'onProgress', 'signal', ...OPTS],
    expectedError: (e) => e === ABORT_REASON,
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
  { name: 'selectEstimator', args: two(labelsOrSample, labelsOrSample), call: api.selectEstimator, names: ['x', 'y'] },
];

/** The exported functions of src/index.ts, which the table must cover. */
export const EXPORTED_FUNCTIONS = Object.entries(api)
  .filter(([, v]) => typeof v === 'function')
  .map(([k]) => k)
  .sort();
