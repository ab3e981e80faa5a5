// mutinfo te FILE --source A --target B: transfer entropy both ways (with p-values from
// --permutations); mutinfo lagged FILE A B: I(A_t; B_{t+lag}) for each lag.
import { laggedMutualInformation, transferEntropy, transferEntropyTest, type TransferEntropyTestOptions } from '../../index.js';
import type { LaggedOptions, TeOptions } from '../args.js';
import { choosePair, type Series } from '../compute.js';
import { CliError, EXIT } from '../errors.js';
import type { Result } from '../format.js';
import { unitName } from '../format.js';
import { kindOf } from '../typing.js';
import { load } from './load.js';
import { toSeries } from './series.js';

/** Both columns over every row: a time series cannot skip a row. */
async function twoSeries(file: string, a: string, b: string, o: TeOptions | LaggedOptions): Promise<{ s: Series[]; source: string; n: number }> {
  const t = await load(file, o, () => [...new Set([a, b])]);
  const cols = [a, b].map(t.column);
  const { series, rows } = toSeries(cols, cols.map((c) => kindOf(c, o, 'labels')));
  if (rows.dropped > 0) {
    throw new CliError(`${rows.dropped} row${rows.dropped === 1 ? '' : 's'} of ${a} or ${b} have a missing cell; a time series cannot skip rows: fill them first`);
  }
  return { s: series, source: t.source, n: rows.n };
}

/** The TE estimator: the named one, or ksg for two continuous columns and discrete for two label columns. */
function teEstimator(s: Series[], o: TeOptions): { estimator: string; reason: string } {
  if (o.estimator !== undefined) return { estimator: o.estimator, reason: 'chosen with --estimator' };
  if (s[0].kind === 'continuous' && s[1].kind === 'continuous') return { estimator: 'ksg', reason: 'both continuous: KSG (JIDT, Kraskov 2004)' };
  if (s[0].kind === 'discrete' && s[1].kind === 'discrete') return { estimator: 'discrete', reason: 'both discrete: plug-in counts' };
  throw new CliError('transfer entropy needs both columns continuous or both discrete; use --discrete or --continuous, or name an --estimator', EXIT.usage);
}

export async function te(file: string, o: TeOptions): Promise<Result> {
  const { s, source, n } = await twoSeries(file, o.source, o.target, o);
  const pick = teEstimator(s, o);
  const opts: TransferEntropyTestOptions = { estimator: pick.estimator as TransferEntropyTestOptions['estimator'] };
  if (o.base !== undefined) opts.base = o.base;
  const knn = pick.estimator === 'ksg' || pick.estimator === 'ksg2';
  if (o.k !== undefined) opts.k = o.k;
  if (o.seed !== undefined && (knn || o.permutations !== undefined)) opts.seed = o.seed;
  for (const key of ['history', 'historyTau', 'sourceHistory', 'sourceTau', 'delay', 'theiler'] as const) {
    if (o[key] !== undefined) opts[key] = o[key];
  }
  const unit = unitName(o.base);
  const dirs = [
    { from: o.source, to: o.target, x: s[0].data, y: s[1].data },
    { from: o.target, to: o.source, x: s[1].data, y: s[0].data },
  ];
  const rows = dirs.map((d) => {
    if (o.permutations === undefined) return { from: d.from, to: d.to, te: transferEntropy(d.x, d.y, opts), p: null };
    const r = transferEntropyTest(d.x, d.y, { ...opts, permutations: o.permutations });
    return { from: d.from, to: d.to, te: r.value, p: r.pValue };
  });
  const withP = o.permutations !== undefined;
  return {
    title: `transfer entropy in ${unit}, ${n} time steps of ${source}; ${pick.estimator} (${pick.reason}), history ${o.history ?? 1}, delay ${o.delay ?? 1}`,
    fields: [
      { key: 'from', label: 'source' },
      { key: 'to', label: 'target' },
      { key: 'te', label: `TE (${unit})`, digits: 4 },
      ...(withP ? [{ key: 'p', label: 'p', digits: 4 }] : []),
    ],
    rows,
    notes: withP ? [`p: permutation test, ${o.permutations} source-shuffled surrogates (JIDT's method)`] : [],
    json: { unit, estimator: pick.estimator, reason: pick.reason, steps: n, options: opts, permutations: o.permutations ?? null, results: rows },
  };
}

export async function lagged(file: string, a: string, b: string, o: LaggedOptions): Promise<Result> {
  const { s, source, n } = await twoSeries(file, a, b, o);
  const pick = o.estimator !== undefined ? { estimator: o.estimator, reason: 'chosen with --estimator' } : choosePair(s[0].kind, s[1].kind);
  const opts: Record<string, unknown> = { estimator: pick.estimator, lags: o.maxLag ?? 10 };
  if (o.base !== undefined) opts.base = o.base;
  if (o.k !== undefined) opts.k = o.k;
  if (o.seed !== undefined && pick.estimator !== 'discrete') opts.seed = o.seed;
  if (pick.estimator === 'mixed') opts.discrete = s[0].kind === 'discrete' ? 'x' : 'y';
  const r = laggedMutualInformation(s[0].data, s[1].data, opts);
  const unit = unitName(o.base);
  return {
    title: `I(${a}_t; ${b}_t+lag) in ${unit}, ${n} time steps of ${source}; ${pick.estimator} (${pick.reason})`,
    fields: [
      { key: 'lag', label: 'lag' },
      { key: 'mi', label: `MI (${unit})`, digits: 4 },
    ],
    rows: r.lags.map((lag, i) => ({ lag, mi: r.values[i] })),
    notes: [`largest at lag ${r.best}${r.firstMinimum === null ? '' : `; first minimum at lag ${r.firstMinimum}`}`],
    json: { a, b, unit, estimator: pick.estimator, lags: r.lags, values: Array.from(r.values), best: r.best, firstMinimum: r.firstMinimum },
  };
}
