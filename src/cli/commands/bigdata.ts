// Data past memory: `rank`/`matrix` with DuckDB counting (Parquet, a database table, a
// query, or a CSV too large to load), `rank --counts` from another engine's GROUP BY output,
// and `mutinfo sql`, which prints those GROUP BY queries for another engine.
import { readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MatrixOptions, RankOptions, SelectOptions, SqlOptions } from '../args.js';
import type { Column } from '../column.js';
import type { Table } from '../csv.js';
import { subsampleIndices } from '../../core/subsample.js';
import type { Scored as RankScored } from './scores.js';
import { selectionFields } from './select.js';

/** The optional engine, by a name bundlers do not follow (as in src/tables/duckdb.ts). */
const DUCKDB = '@duckdb/node-api';
import { fileItem } from '../../tables/fileItem.js';
import {
  ContingencyTable,
  countQuery,
  countTablesFromSql,
  selectFeaturesFromSql,
  type CountedColumn,
  type CountTablesFromSqlOptions,
  type SelectFeaturesFromSqlOptions,
  type SqlDialect,
} from '../compute.js';
import { CliError, usage } from '../errors.js';
import { unitName, type Cell, type Result } from '../format.js';
import { progress, progressEnabled } from '../progress.js';

/** Options the big-data paths add to rank and matrix. */
export interface BigDataOptions {
  engine?: 'memory' | 'duckdb';
  table?: string;
  query?: string;
  binning?: 'equal-width' | 'equal-frequency';
  counts?: string;
}

const DATABASE = new Set(['.duckdb', '.db', '.ddb']);
const PARQUET = new Set(['.parquet', '.pq']);

/** Why DuckDB counts for this command line, or null for the in-memory path. */
export function duckdbReason(file: string | undefined, o: BigDataOptions): string | null {
  if (o.engine === 'memory') {
    if (o.table !== undefined || o.query !== undefined) throw usage('--table and --query need --engine duckdb');
    return null;
  }
  if (o.engine === 'duckdb') return '--engine duckdb';
  if (o.table !== undefined) return '--table';
  if (o.query !== undefined) return '--query';
  if (file === undefined || file === '-') return null;
  const ext = extname(file).toLowerCase();
  if (PARQUET.has(ext)) return 'a Parquet file';
  if (DATABASE.has(ext)) return 'a DuckDB database';
  try {
    // The in-memory path peaks near 3× the file (bench/cli-memory.mjs): past the machine's memory, let DuckDB stream it.
    if (statSync(file).size * 3 > totalmem()) return 'a CSV larger than memory';
  } catch {
    // an unreadable file gets the in-memory reader's message
  }
  return null;
}

function source(file: string | undefined, o: BigDataOptions): Pick<CountTablesFromSqlOptions, 'database' | 'file' | 'table' | 'query'> {
  if (o.table !== undefined && o.query !== undefined) throw usage('give --table or --query, not both');
  const isDb = file !== undefined && DATABASE.has(extname(file).toLowerCase());
  if (o.table !== undefined || o.query !== undefined) {
    if (file !== undefined && file !== ':memory:' && !isDb) throw usage(`with --table or --query the file must be a DuckDB database (.duckdb, .db) or :memory:, got ${JSON.stringify(file)}`);
    const database = file === undefined || file === ':memory:' ? undefined : file;
    return o.table !== undefined ? { database, table: o.table } : { database, query: o.query };
  }
  if (file === undefined || file === '-') throw usage('the DuckDB engine reads a file, a --table or a --query, not stdin');
  if (isDb) throw usage(`${JSON.stringify(file)} is a DuckDB database: name a --table or a --query`);
  return { file };
}

function countOptions(file: string | undefined, o: RankOptions & BigDataOptions): Omit<CountTablesFromSqlOptions, 'pairs'> {
  if (o.estimator !== undefined && o.estimator !== 'discrete' && o.estimator !== 'binned') {
    throw usage(`the DuckDB engine counts, so it takes --estimator discrete or binned, got ${JSON.stringify(o.estimator)} (k-NN estimators need the rows in memory: use --engine memory, with --sample for large files)`);
  }
  const bins = o.bins === undefined ? undefined : (o.bins as CountTablesFromSqlOptions['bins']);
  return { ...source(file, o), discrete: o.discrete, continuous: o.continuous, bins, binning: o.binning };
}

/** The estimator override as column lists, once the header is known. */
function forceKinds(header: string[], o: RankOptions, opts: Omit<CountTablesFromSqlOptions, 'pairs'>): void {
  if (o.estimator === 'discrete') opts.discrete = [...new Set([...(opts.discrete ?? []), ...header.filter((h) => !(opts.continuous ?? []).includes(h))])];
}

function describe(c: CountedColumn): string {
  return c.kind === 'labels' ? 'labels' : `${c.edges!.length - 1} bins`;
}

async function run<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) throw new CliError(e.message.replace(/^\w+: /, ''));
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(msg.replace(/^\w+: /, ''));
  }
}

async function header(opts: Omit<CountTablesFromSqlOptions, 'pairs'>): Promise<string[]> {
  return (await countTablesFromSql({ ...opts, pairs: [] })).header;
}

/** `mutinfo rank` with DuckDB counting: one GROUP BY per feature. */
export async function rankDuckDB(file: string | undefined, o: RankOptions & BigDataOptions, why: string): Promise<Result> {
  const opts = countOptions(file, o);
  return run(async () => {
    const all = await header(opts);
    forceKinds(all, o, opts);
    const features = [...new Set(o.columns ?? all)].filter((c) => c !== o.target);
    if (features.length === 0) throw usage(`no feature columns to rank besides the target ${JSON.stringify(o.target)}`);
    const bar = progress(progressEnabled(o.quiet), 'rank (duckdb)', features.length, 'columns');
    let counted;
    try {
      counted = await countTablesFromSql({ ...opts, pairs: features.map((f) => [f, o.target] as [string, string]), onProgress: (d) => bar.update(d) });
    } finally {
      bar.stop();
    }
    const t = counted.columns.get(o.target)!;
    const scored = features.map((f, i) => {
      const c = counted.columns.get(f)!;
      const table = counted.tables[i];
      if (table.total === 0) throw new CliError(`feature ${JSON.stringify(f)} and the target have no complete row`);
      const estimator = c.kind === 'binned' || t.kind === 'binned' ? 'binned' : 'discrete';
      return { feature: f, mi: table.mutualInformation({ base: o.base }), estimator, reason: `counted by DuckDB: ${describe(c)} × target ${describe(t)}`, rows: table.total };
    });
    return ranked(scored, o, `${why}, counted by DuckDB`, sourceName(file, o));
  });
}

function sourceName(file: string | undefined, o: BigDataOptions): string {
  if (o.table !== undefined) return `table ${o.table}${file !== undefined ? ` of ${file}` : ''}`;
  if (o.query !== undefined) return 'the query';
  return file ?? '';
}

interface Scored {
  feature: string;
  mi: number;
  estimator: string;
  reason: string;
  rows: number;
}

function ranked(scored: Scored[], o: RankOptions, how: string, from: string): Result {
  const order = scored.map((_, i) => i).sort((a, b) => scored[b].mi - scored[a].mi || a - b);
  const rows = order.map((i, r) => ({ rank: r + 1, ...scored[i] }));
  const unit = unitName(o.base);
  const maxRows = Math.max(...scored.map((s) => s.rows));
  return {
    title: `Features ranked by mutual information with ${JSON.stringify(o.target)} (${how}), ${maxRows} rows of ${from}, in ${unit}`,
    fields: [
      { key: 'rank', label: 'rank' },
      { key: 'feature', label: 'feature' },
      { key: 'mi', label: `MI (${unit})`, digits: 4 },
      { key: 'estimator', label: 'estimator' },
      { key: 'reason', label: 'why' },
      { key: 'rows', label: 'rows' },
    ],
    rows: rows as unknown as Record<string, Cell>[],
    notes: ['rows: complete rows of the feature and the target (a row with a missing cell leaves that pair)'],
    json: { target: o.target, engine: how, unit, rows: maxRows, features: rows },
  };
}

/** `mutinfo matrix` with DuckDB counting: one GROUP BY per column pair. */
export async function matrixDuckDB(file: string | undefined, o: MatrixOptions & BigDataOptions, why: string): Promise<Result> {
  const opts = countOptions(file, o as RankOptions & BigDataOptions);
  return run(async () => {
    const all = await header(opts);
    forceKinds(all, o as RankOptions, opts);
    const names = o.columns !== undefined ? [...new Set(o.columns)] : all;
    if (names.length < 2) throw usage(`matrix needs at least two columns, got ${names.length}`);
    const pairs: [string, string][] = [];
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push([names[i], names[j]]);
    const bar = progress(progressEnabled(o.quiet), 'matrix (duckdb)', pairs.length, 'pairs');
    let counted;
    try {
      counted = await countTablesFromSql({ ...opts, pairs, onProgress: (d) => bar.update(d) });
    } finally {
      bar.stop();
    }
    const mi: (number | null)[][] = names.map(() => names.map(() => null));
    pairs.forEach(([a, b], p) => {
      const i = names.indexOf(a);
      const j = names.indexOf(b);
      mi[i][j] = mi[j][i] = counted.tables[p].total === 0 ? null : counted.tables[p].mutualInformation({ base: o.base });
    });
    const unit = unitName(o.base);
    return {
      title: `Pairwise mutual information in ${unit} (${why}, counted by DuckDB) of ${sourceName(file, o)}`,
      fields: [{ key: '', label: 'column' }, ...names.map((n) => ({ key: n, label: n, digits: 4 }))],
      rows: names.map((n, i) => {
        const row: Record<string, Cell> = { '': n };
        names.forEach((c, j) => (row[c] = mi[i][j]));
        return row;
      }),
      notes: [`columns: ${names.map((n) => `${n} (${describe(counted.columns.get(n)!)})`).join(', ')}`],
      json: { columns: names, unit, engine: 'duckdb', mi, kinds: Object.fromEntries(names.map((n) => [n, describe(counted.columns.get(n)!)])) },
    };
  });
}

/**
 * `mutinfo select` with DuckDB counting: the relevance in one scan, then one scan per pick
 * counting (x_s, y, x_j) for every candidate (selectFeaturesFromSql). Label columns are
 * counted as they are and float columns binned in SQL, as --estimator binned does in memory;
 * rows with a missing cell in the target or any candidate are left out, as in memory.
 */
export async function selectDuckDB(file: string | undefined, o: SelectOptions & BigDataOptions, why: string): Promise<Result> {
  const opts = countOptions(file, o as unknown as RankOptions & BigDataOptions);
  return run(async () => {
    const all = await header(opts);
    forceKinds(all, o as unknown as RankOptions, opts);
    const features = [...new Set(o.columns ?? all)].filter((c) => c !== o.target);
    if (features.length === 0) throw usage(`no feature columns to select from besides the target ${JSON.stringify(o.target)}`);
    const k = o.number ?? Math.min(10, features.length);
    const method = o.method ?? 'jmi';
    const bar = progress(progressEnabled(o.quiet), 'select (duckdb)', k, 'picks');
    let r;
    try {
      r = await selectFeaturesFromSql({
        ...opts,
        target: o.target,
        columns: features,
        method: method as SelectFeaturesFromSqlOptions['method'],
        k,
        ...(o.beta !== undefined ? { beta: o.beta } : {}),
        ...(o.gamma !== undefined ? { gamma: o.gamma } : {}),
        ...(o.base !== undefined ? { base: o.base } : {}),
        onProgress: (done) => bar.update(done),
      });
    } finally {
      bar.stop();
    }
    const unit = unitName(o.base);
    const picks = r.selected.map((j, i) => ({
      order: i + 1,
      feature: r.columns[j],
      score: r.scores[i],
      relevance: r.relevance[i],
      kind: r.counted.get(r.columns[j])!.kind === 'binned' ? 'continuous' : 'discrete',
    }));
    return {
      title: `Features selected by ${method} (${r.estimator} estimator, ${why}, counted by DuckDB) for ${JSON.stringify(o.target)}, ${r.rows} rows of ${sourceName(file, o)}, in ${unit}`,
      fields: selectionFields(method, unit),
      rows: picks as unknown as Record<string, Cell>[],
      notes: [
        `columns: ${[o.target, ...features].map((n) => `${n} (${describe(r.counted.get(n)!)})`).join(', ')}; rows with a missing cell in the target or a feature are left out`,
        ...(method === 'disr' ? ['DISR scores after the first pick are sums of ratios I/H and carry no unit'] : []),
      ],
      json: { target: o.target, method, estimator: r.estimator, engine: `${why}, counted by DuckDB`, unit, rows: r.rows, k, selected: picks },
    };
  });
}

/** A label read from a text cell: integers and decimals become numbers, so they sort as numbers. */
function cellLabel(v: unknown): unknown {
  if (typeof v === 'string' && /^-?(\d+|\d*\.\d+)(e[+-]?\d+)?$/i.test(v.trim())) return Number(v);
  if (typeof v === 'bigint' && Number.isSafeInteger(Number(v))) return Number(v);
  return v;
}

async function readCountRows(path: string): Promise<Record<string, unknown>[]> {
  const ext = extname(path).toLowerCase();
  let text: string;
  if (PARQUET.has(ext)) {
    let mod: { DuckDBInstance: { create(p: string): Promise<{ connect(): Promise<{ runAndReadAll(s: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>; closeSync(): void }>; closeSync(): void }> } };
    try {
      mod = (await import(DUCKDB)) as unknown as typeof mod;
    } catch {
      throw new CliError('reading Parquet needs the optional package @duckdb/node-api (npm install @duckdb/node-api)');
    }
    const inst = await mod.DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    try {
      return (await con.runAndReadAll(`SELECT * FROM '${path.replace(/'/g, "''")}'`)).getRowObjectsJS();
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  }
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${JSON.stringify(path)}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message)}`);
  }
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') {
    const t = text.trim();
    try {
      return t.startsWith('[') ? JSON.parse(t) : t.split('\n').filter((l) => l.trim().length > 0).map((l) => JSON.parse(l));
    } catch (e) {
      throw new CliError(`${path}: not JSON rows: ${(e as Error).message}`);
    }
  }
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  return parse(text, { columns: true, skip_empty_lines: true, delimiter: first.includes('\t') && !first.includes(',') ? '\t' : ',' }) as Record<string, unknown>[];
}

/**
 * `mutinfo rank --counts FILE`: the output of `mutinfo sql` run by another engine (columns
 * feature, x, y, n; n may be named count), as CSV, JSON (an array or one object per line) or
 * Parquet. Counts of the same cell in several rows (shards) add up.
 */
export async function rankCounts(o: RankOptions & BigDataOptions): Promise<Result> {
  const path = o.counts!;
  const rows = await readCountRows(path);
  if (rows.length === 0) throw new CliError(`${path}: no count rows`);
  const keys = Object.keys(rows[0]);
  const nKey = keys.includes('n') ? 'n' : keys.includes('count') ? 'count' : null;
  for (const k of ['feature', 'x', 'y']) if (!keys.includes(k)) throw new CliError(`${path}: the counts need columns feature, x, y and n, got ${keys.join(', ')}`);
  if (nKey === null) throw new CliError(`${path}: the counts need columns feature, x, y and n, got ${keys.join(', ')}`);
  const tables = new Map<string, ContingencyTable>();
  rows.forEach((r, i) => {
    const f = String(r.feature);
    if (o.columns !== undefined && !o.columns.includes(f)) return;
    if (!tables.has(f)) tables.set(f, new ContingencyTable());
    const n = typeof r[nKey] === 'string' ? Number(r[nKey]) : r[nKey];
    if (r.x === null || r.x === '' || r.y === null || r.y === '') throw new CliError(`${path}: row ${i + 1} has an empty x or y (leave NULLs out of the GROUP BY)`);
    try {
      tables.get(f)!.addCounts([[cellLabel(r.x), cellLabel(r.y), n] as never]);
    } catch (e) {
      throw new CliError(`${path}: row ${i + 1}: ${(e as Error).message.replace(/^[\w.]+: /, '')}`);
    }
  });
  if (tables.size === 0) throw new CliError(`${path}: no rows for the features asked for`);
  const scored = [...tables].map(([feature, t]) => ({
    feature,
    mi: t.mutualInformation({ base: o.base }),
    estimator: 'discrete',
    reason: `${t.size} cells from the counts`,
    rows: t.total,
  }));
  return ranked(scored, o, 'from counts', path);
}

/**
 * `mutinfo matrix --counts FILE`: pairwise MI from the output of `mutinfo sql` without
 * --target (columns feature, target, x, y, n; the two names of each pair, then the cell),
 * as CSV, JSON or Parquet. Counts of the same cell in several rows (shards) add up, and a
 * pair given both ways round is one table. A pair with no counts is left empty.
 */
export async function matrixCounts(o: MatrixOptions): Promise<Result> {
  const path = o.counts!;
  const rows = await readCountRows(path);
  if (rows.length === 0) throw new CliError(`${path}: no count rows`);
  const keys = Object.keys(rows[0]);
  const nKey = keys.includes('n') ? 'n' : keys.includes('count') ? 'count' : null;
  if (nKey === null || !['feature', 'target', 'x', 'y'].every((k) => keys.includes(k))) {
    throw new CliError(`${path}: the counts need columns feature, target, x, y and n (mutinfo sql without --target writes them), got ${keys.join(', ')}`);
  }
  const seen: string[] = [];
  const tables = new Map<string, ContingencyTable>();
  const pairKey = (a: string, b: string) => JSON.stringify([a, b]);
  rows.forEach((r, i) => {
    let a = String(r.feature);
    let b = String(r.target);
    if (a === b) throw new CliError(`${path}: row ${i + 1} pairs column ${JSON.stringify(a)} with itself`);
    if (o.columns !== undefined && (!o.columns.includes(a) || !o.columns.includes(b))) return;
    for (const c of [a, b]) if (!seen.includes(c)) seen.push(c);
    let x = r.x;
    let y = r.y;
    // one table per unordered pair, x on the column seen first
    if (seen.indexOf(a) > seen.indexOf(b)) [a, b, x, y] = [b, a, y, x];
    const key = pairKey(a, b);
    if (!tables.has(key)) tables.set(key, new ContingencyTable());
    const n = typeof r[nKey] === 'string' ? Number(r[nKey]) : r[nKey];
    if (x === null || x === '' || y === null || y === '') throw new CliError(`${path}: row ${i + 1} has an empty x or y (leave NULLs out of the GROUP BY)`);
    try {
      tables.get(key)!.addCounts([[cellLabel(x), cellLabel(y), n] as never]);
    } catch (e) {
      throw new CliError(`${path}: row ${i + 1}: ${(e as Error).message.replace(/^[\w.]+: /, '')}`);
    }
  });
  const names = o.columns !== undefined ? [...new Set(o.columns)] : seen;
  if (names.length < 2) throw usage(`matrix needs at least two columns, got ${names.length}`);
  for (const n of names) if (!seen.includes(n)) throw new CliError(`${path}: no counts for column ${JSON.stringify(n)}`);
  const mi: (number | null)[][] = names.map(() => names.map(() => null));
  const total: (number | null)[][] = names.map(() => names.map(() => null));
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const t = tables.get(pairKey(names[i], names[j])) ?? tables.get(pairKey(names[j], names[i]));
      if (t === undefined || t.total === 0) continue;
      mi[i][j] = mi[j][i] = t.mutualInformation({ base: o.base });
      total[i][j] = total[j][i] = t.total;
    }
  }
  const unit = unitName(o.base);
  const missing = names.flatMap((a, i) => names.slice(i + 1).filter((_, j) => mi[i][i + 1 + j] === null).map((b) => `${a}–${b}`));
  return {
    title: `Pairwise mutual information in ${unit} (from counts) of ${path}`,
    fields: [{ key: 'name', label: 'column' }, ...names.map((n, j) => ({ key: `c${j}`, label: n, digits: 4, mi: true }))],
    rows: names.map((n, i) => {
      const row: Record<string, Cell> = Object.create(null);
      row.name = n;
      names.forEach((_, j) => (row[`c${j}`] = mi[i][j]));
      return row;
    }),
    notes: missing.length > 0 ? [`no counts for ${missing.join(', ')}`] : [],
    json: { columns: names, unit, engine: 'from counts', mi, rows: total },
  };
}

/** `mutinfo sql`: the GROUP BY query whose output `rank --counts` (or, without a target, `matrix --counts`) reads. */
export function sqlText(o: SqlOptions): string {
  const continuous = new Set(o.continuous);
  const bins = o.bins === undefined ? 10 : o.bins;
  if (typeof bins !== 'number') throw usage(`mutinfo sql takes a number of --bins (a rule such as ${JSON.stringify(bins)} needs the data: use the DuckDB engine)`);
  const features = [...new Set(o.columns)].filter((c) => c !== o.target);
  const side = (c: string) => (continuous.has(c) ? { name: c, bins } : c);
  const pairs: (readonly [ReturnType<typeof side>, ReturnType<typeof side>])[] = [];
  if (o.target !== undefined) {
    if (features.length === 0) throw usage('mutinfo sql needs --columns: the feature columns to count against the target');
    for (const f of features) pairs.push([side(f), side(o.target)]);
  } else {
    if (features.length < 2) throw usage('mutinfo sql needs --target, or at least two --columns to count every pair of (for matrix --counts)');
    for (let i = 0; i < features.length; i++) for (let j = i + 1; j < features.length; j++) pairs.push([side(features[i]), side(features[j])]);
  }
  try {
    return `${countQuery({ dialect: o.dialect as SqlDialect, source: o.source, pairs })};\n`;
  } catch (e) {
    throw usage((e as Error).message.replace(/^\w+: /, ''));
  }
}

/** A column's cells at the given rows. */
function subsetColumn(c: Column, idx: Int32Array): Column {
  let missing = 0;
  if (c.type === 'numeric') {
    const values = Float64Array.from(idx, (i) => c.values[i]);
    for (const v of values) if (Number.isNaN(v)) missing++;
    return { ...c, length: idx.length, missing, values };
  }
  const codes = Int32Array.from(idx, (i) => c.codes[i]);
  for (const v of codes) if (v < 0) missing++;
  return { ...c, length: idx.length, missing, codes };
}

/**
 * `rank --sample n`: the scores on `replicates` uniform subsamples of n rows (disjoint when
 * they fit), reported as their mean with their 2.5% and 97.5% quantiles.
 */
export async function sampledScores(
  t: Table,
  o: RankOptions,
  score: (cols: Map<string, Column>, onProgress: (d: number) => void) => Promise<RankScored[]>,
  bar: { update(d: number): void },
): Promise<(RankScored & { low: number; high: number })[]> {
  const n = o.sample!;
  if (n > t.rows) throw usage(`--sample ${n} is more than the ${t.rows} rows of ${t.source}`);
  const B = o.replicates ?? 10;
  const reps = subsampleIndices(t.rows, n, B, o.seed ?? 0);
  const runs: RankScored[][] = [];
  for (const idx of reps) {
    const cols = new Map([...t.columns].map(([k, c]) => [k, subsetColumn(c, idx)]));
    runs.push(await score(cols, (d) => bar.update(d)));
  }
  return runs[0].map((s, j) => {
    const v = runs.map((r) => r[j].mi).sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (v.length - 1) * p;
      const lo = Math.floor(h);
      return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (h - lo);
    };
    let mean = 0;
    for (const x of v) mean += x / v.length;
    return { ...s, mi: mean, low: q(0.025), high: q(0.975) };
  });
}

export function sampleFields(o: RankOptions): { key: string; label: string; digits: number }[] {
  void o;
  return [
    { key: 'low', label: '2.5%', digits: 4 },
    { key: 'high', label: '97.5%', digits: 4 },
  ];
}

export function sampleNote(rows: number, o: RankOptions): string {
  return `--sample ${o.sample}: MI is the mean over ${o.replicates ?? 10} uniform subsamples of ${o.sample} of the ${rows} rows (disjoint when they fit); 2.5%, 97.5%: their spread`;
}

/**
 * `rank FILE.parquet --sample n`: DuckDB draws a reservoir sample of n × replicates rows
 * (REPEATABLE with --seed) out of core into a CSV in the temp folder, which the in-memory
 * rank then splits into the subsamples.
 */
export async function sampleToCsv(file: string | undefined, o: RankOptions & BigDataOptions): Promise<{ path: string; cleanup(): void }> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const src = source(file, o);
  const dir = mkdtempSync(join(tmpdir(), 'mutinfo-sample-'));
  const path = join(dir, 'sample.csv');
  const rowsWanted = o.sample! * (o.replicates ?? 10);
  const from = src.file !== undefined ? fileItem(src.file) : src.table !== undefined ? src.table.split('.').map((p) => `"${p.replace(/"/g, '""')}"`).join('.') : `(${src.query})`;
  const cols = o.columns !== undefined ? [...new Set([o.target, ...o.columns])].map((c) => `"${c.replace(/"/g, '""')}"`).join(', ') : '*';
  await run(async () => {
    const { DuckDBInstance } = (await import(DUCKDB).catch(() => {
      throw new Error('this needs the optional package @duckdb/node-api (npm install @duckdb/node-api)');
    })) as typeof import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(src.database ?? ':memory:', src.database !== undefined ? { access_mode: 'READ_ONLY' } : undefined);
    const con = await inst.connect();
    try {
      await con.run(`COPY (SELECT ${cols} FROM ${from} AS s USING SAMPLE reservoir(${rowsWanted} ROWS) REPEATABLE (${o.seed ?? 0})) TO '${path.replace(/'/g, "''")}' (HEADER)`);
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  });
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
