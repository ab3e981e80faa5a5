// The one module of the CLI that calls the library. Everything else deals in columns;
// this file picks the estimator for each column pair, says why, and maps CLI options onto
// the library's options.
import {
  conditionalMutualInformation,
  differentialEntropy,
  entropy,
  adjustPValues,
  featureTests,
  mutualInformationTest,
  mutualInfoClassifAsync,
  mutualInfoRegressionAsync,
  mutualInformation,
  type ConditionalMutualInformationOptions,
  type EntropyOptions,
  type FeatureMIAsyncOptions,
  type MutualInformationOptions,
  type SpacingMethod,
} from '../index.js';
import { CliError, EXIT, usage } from './errors.js';
// The big-data commands (commands/bigdata.ts) reach the library through this module too.
export {
  ContingencyTable,
  countQuery,
  countTablesFromSql,
  selectFeaturesFromSql,
  type CountedColumn,
  type CountTablesFromSqlOptions,
  type SelectFeaturesFromSqlOptions,
  type SqlDialect,
} from '../index.js';
import type { Kind } from './typing.js';

/** A column ready for an estimator: complete rows only. */
export interface Series {
  kind: Kind;
  /** Numbers for continuous columns; numbers or label codes for discrete ones. */
  data: Float64Array | Int32Array;
}

/** The estimator options a user may give on the command line. */
export interface EstimateOptions {
  estimator?: string;
  k?: number;
  bins?: number | string;
  seed?: number;
  base?: number;
}

export interface Estimate {
  value: number;
  estimator: string;
  reason: string;
}

interface Choice {
  estimator: string;
  reason: string;
}

const CHOSEN: Choice = { estimator: '', reason: 'chosen with --estimator' };

/** The estimator for MI between columns of these kinds, and why. */
export function choosePair(a: Kind, b: Kind): Choice {
  if (a === 'discrete' && b === 'discrete') return { estimator: 'discrete', reason: 'both discrete: plug-in counts' };
  if (a === 'continuous' && b === 'continuous') {
    return { estimator: 'ksg', reason: 'both continuous: KSG k-NN (Kraskov 2004)' };
  }
  return { estimator: 'mixed', reason: 'continuous and discrete: k-NN (Ross 2014)' };
}

/** The estimator sklearn's feature scoring uses for a feature against a target, and why. */
export function chooseFeature(feature: Kind, target: Kind): Choice {
  if (feature === 'continuous' && target === 'discrete') {
    return { estimator: 'mixed', reason: 'continuous feature, discrete target: k-NN (Ross 2014)' };
  }
  if (feature === 'continuous') return { estimator: 'ksg', reason: 'continuous feature and target: KSG (Kraskov 2004)' };
  if (target === 'discrete') return { estimator: 'discrete', reason: 'discrete feature and target: plug-in counts' };
  return { estimator: 'mixed', reason: 'discrete feature, continuous target: k-NN (Ross 2014)' };
}

/** The estimator for the entropy of a column of this kind, and why. */
export function chooseEntropy(a: Kind): Choice {
  if (a === 'discrete') return { estimator: 'plugin', reason: 'discrete: plug-in counts' };
  // Not the k-NN (Kozachenko-Leonenko) estimate: rounded data put k + 1 equal values together
  // and make it -Infinity, while the spacings over a window of about √n values stay positive.
  return { estimator: 'spacing', reason: 'continuous: m-spacings, as scipy.stats.differential_entropy' };
}

/** The tuning options each auto-picked estimator takes (a named one gets all that were given). */
const TAKES: Record<string, (keyof EstimateOptions)[]> = {
  ksg: ['k', 'seed'],
  ksg2: ['k', 'seed'],
  mixed: ['k', 'seed'],
  kl: ['k'],
  binned: ['bins'],
};

/**
 * Library options: the estimator, the base, and the tuning options the user gave. For an
 * estimator picked from the column types, options that do not apply to it are left out, as
 * the library's own 'auto' does (a matrix may mix discrete and k-NN pairs).
 */
function libOptions(pick: Choice, o: EstimateOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { estimator: pick.estimator };
  if (o.base !== undefined) out.base = o.base;
  const named = pick.reason === CHOSEN.reason;
  for (const key of ['k', 'seed', 'bins'] as const) {
    if (o[key] !== undefined && (named || (TAKES[pick.estimator] ?? []).includes(key))) out[key] = o[key];
  }
  return out;
}

/**
 * Runs a library call; a named estimator it does not know becomes a command-line error
 * (exit 2) that lists what this command accepts, rather than a data error in the library's words.
 */
function withEstimator<T>(o: EstimateOptions, extra: string[], call: () => T): T {
  try {
    return call();
  } catch (e) {
    const m = e instanceof RangeError && o.estimator !== undefined ? /: estimator must be one of (.*), got /.exec(e.message) : null;
    if (m === null) throw e;
    const names = [...m[1].split(', ').map((n) => n.replace(/'/g, '')).filter((n) => n !== 'auto'), ...extra];
    throw usage(`unknown --estimator ${JSON.stringify(o.estimator)} for this command; it accepts ${names.join(', ')}`);
  }
}

/** I(x; y) with the estimator picked from the column kinds, or the one the user named. */
export function pairMI(x: Series, y: Series, o: EstimateOptions): Estimate {
  const pick = o.estimator !== undefined ? { ...CHOSEN, estimator: o.estimator } : choosePair(x.kind, y.kind);
  const opts = libOptions(pick, o);
  // The mixed estimator needs to know which side is the labels when the CLI typed them.
  if (pick.estimator === 'mixed' && x.kind !== y.kind) opts.discrete = x.kind === 'discrete' ? 'x' : 'y';
  return { value: withEstimator(o, [], () => mutualInformation(x.data, y.data, opts as MutualInformationOptions)), ...pick };
}

/**
 * The permutation p-value of I(x; y) for `rank --permutations`: with --estimator, the
 * estimator's own permutation test (mutualInformationTest); otherwise sklearn's feature
 * score with y shuffled against the column (featureTests), both seeded by --seed.
 */
export function pairPValue(x: Series, y: Series, task: 'classif' | 'regression', o: EstimateOptions & { workers: number | 'auto' }, permutations: number): number {
  const seed = o.seed ?? 0;
  if (o.estimator !== undefined) {
    const opts = libOptions({ ...CHOSEN, estimator: o.estimator }, o);
    if (o.estimator === 'mixed' && x.kind !== y.kind) opts.discrete = x.kind === 'discrete' ? 'x' : 'y';
    return mutualInformationTest(x.data, y.data, { ...opts, permutations, seed, workers: o.workers } as never).pValue;
  }
  const X = { data: Float64Array.from(x.data), rows: x.data.length, cols: 1 };
  const r = featureTests(X, y.data, {
    target: task,
    discreteFeatures: [x.kind === 'discrete'],
    randomState: seed,
    seed,
    permutations,
    workers: o.workers,
    adjust: 'none',
    ...(o.k === undefined ? {} : { nNeighbors: o.k }),
  });
  return r.pValues[0];
}

/** Benjamini–Hochberg q-values of the features' p-values. */
export function adjustBH(p: Float64Array): Float64Array {
  return adjustPValues(p, 'bh');
}

/** Estimator names of the spacing estimators (differentialEntropy); 'spacing' is its method 'auto'. */
const SPACING = ['spacing', 'vasicek', 'van es', 'ebrahimi', 'correa'];

/** H(x) with the estimator picked from the column kind, or the one the user named. */
export function columnEntropy(x: Series, o: EstimateOptions, name: string): Estimate {
  const pick = o.estimator !== undefined ? { ...CHOSEN, estimator: o.estimator } : chooseEntropy(x.kind);
  if (SPACING.includes(pick.estimator)) {
    const method = (pick.estimator === 'spacing' ? 'auto' : pick.estimator) as SpacingMethod;
    return { value: differentialEntropy(x.data, { method, ...(o.base === undefined ? {} : { base: o.base }) }), ...pick };
  }
  const opts = libOptions(pick, o) as EntropyOptions;
  try {
    return { value: withEstimator(o, SPACING, () => entropy(x.data, opts)), ...pick };
  } catch (e) {
    // The library's advice (its noise option) has no flag here: say what the CLI can do.
    if (pick.estimator === 'kl' && e instanceof RangeError && /identical points/.test(e.message)) {
      throw new CliError(
        `column ${JSON.stringify(name)} has ${(o.k ?? 3) + 1} or more equal values, so its k-NN (Kozachenko-Leonenko) ` +
          `entropy is -Infinity; try --estimator binned, or --discrete ${name} to count its values`,
      );
    }
    throw e;
  }
}

/** Options of `rank`'s sklearn-style scoring. */
export interface FeatureScoreOptions extends EstimateOptions {
  workers: number | 'auto';
}

/**
 * Feature scores for `rank`: sklearn's mutual_info_classif (discrete target) or
 * mutual_info_regression (continuous target), in nats, clipped at 0, converted to `base`.
 * Continuous features get the mixed (Ross) estimator against classes and KSG against a
 * continuous target; discrete features get plug-in counts or the mixed estimator.
 */
export async function rankFeatures(
  X: { data: Float64Array; rows: number; cols: number },
  discrete: boolean[],
  y: Series,
  task: 'classif' | 'regression',
  o: FeatureScoreOptions,
  onProgress: (done: number) => void,
): Promise<Float64Array> {
  const opts: FeatureMIAsyncOptions = {
    discreteFeatures: discrete,
    randomState: o.seed ?? 0,
    workers: o.workers,
    onProgress: (done) => onProgress(done),
  };
  if (o.k !== undefined) opts.nNeighbors = o.k;
  if (o.estimator === 'mixed-ksg') opts.estimator = 'mixed-ksg';
  const nats = task === 'classif'
    ? await mutualInfoClassifAsync(X, y.data, opts)
    : await mutualInfoRegressionAsync(X, y.data as Float64Array, opts);
  const div = o.base === undefined ? 1 : Math.log(o.base);
  return nats.map((v) => v / div);
}

/** The estimator for I(x; y | z) from the kinds of the three columns, and why. */
export function chooseConditional(kinds: Kind[]): Choice {
  if (kinds.every((k) => k === 'discrete')) return { estimator: 'discrete', reason: 'all discrete: plug-in counts' };
  if (kinds.every((k) => k === 'continuous')) {
    return { estimator: 'ksg', reason: 'all continuous: Frenzel-Pompe k-NN (2007)' };
  }
  throw new CliError(
    'conditional MI needs the three columns all discrete or all continuous; ' +
      'make them alike with --discrete or --continuous, or name an --estimator',
    EXIT.usage,
  );
}

/** I(x; y | z) with the estimator picked from the column kinds, or the one the user named. */
export function conditionalMI(s: Series[], o: EstimateOptions): Estimate {
  const pick = o.estimator !== undefined ? { ...CHOSEN, estimator: o.estimator } : chooseConditional(s.map((x) => x.kind));
  const opts = libOptions(pick, o) as ConditionalMutualInformationOptions;
  return { value: withEstimator(o, [], () => conditionalMutualInformation(s[0].data, s[1].data, s[2].data, opts)), ...pick };
}
