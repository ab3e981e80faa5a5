// DuckDB (embedded, out of core) as the counting engine: it runs one GROUP BY per column
// pair straight on a Parquet/CSV file, a table of a database file, or a query, and this
// package does the information theory on the counts. @duckdb/node-api is loaded only here,
// by a dynamic import, and only when no connection is passed in.
import { BIN_RULES, binCount, binEdges, type BinningMethod, type Column } from '../core/binning.js';
import { correctionOption, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import { npLinspace } from '../core/numpyStats.js';
import { checkOptions, logBase, oneOf, show } from '../core/validate.js';
import { ContingencyTable } from './contingencyTable.js';
import { columnSql, quoteIdentifier, type SqlColumn } from './sql.js';
import { fileItem } from './fileItem.js';

/** What is read of a DuckDB connection (`DuckDBConnection` of @duckdb/node-api satisfies it). */
export interface DuckDBConnectionLike {
  runAndReadAll(sql: string): Promise<{ getRowsJS(): unknown[][]; columnNames(): string[] }>;
}

/** Where the rows are: exactly one of file, table or query. */
export interface SqlSource {
  /** A DuckDB connection to use; default: a new in-memory DuckDB (or `database`, opened read-only). */
  connection?: DuckDBConnectionLike;
  /** A DuckDB database file (with `table` or `query`). */
  database?: string;
  /** A Parquet, CSV or JSON file (DuckDB picks the reader by extension), or a glob of them. */
  file?: string;
  /** A table (or view) name. */
  table?: string;
  /** A SELECT query whose result is the data. */
  query?: string;
}

/** How the columns are read and binned. */
export interface SqlCountOptions extends SqlSource {
  /** Columns to count as labels whatever their type. */
  discrete?: readonly string[];
  /** Columns to bin whatever their type. */
  continuous?: readonly string[];
  /** Bins of continuous columns: a count, or `'sqrt'`, `'sturges'`, `'rice'`, `'fd'`, `'auto'` (numpy's rules). Default 10. */
  bins?: number | 'sqrt' | 'sturges' | 'rice' | 'fd' | 'auto';
  /** `'equal-width'` (default) or `'equal-frequency'`, as {@link discretize}. */
  binning?: BinningMethod;
}

/** Options of {@link mutualInformationFromSql}. */
export interface MutualInformationFromSqlOptions extends SqlCountOptions {
  /** The target column. */
  target: string;
  /** Feature columns; default every other column. */
  columns?: readonly string[];
  /** Entropy estimator behind the MI. Default `'plugin'`. */
  correction?: DiscreteEntropyEstimator;
  /** Logarithm base of the result. Default e (nats). */
  base?: number;
}

/** One feature's score from {@link mutualInformationFromSql}. */
export interface SqlFeatureScore {
  feature: string;
  /** I(feature; target) in the requested unit. */
  mi: number;
  /** `'discrete'` for a label column, `'binned'` for a binned one (either side). */
  estimator: 'discrete' | 'binned';
  /** The counted table, to merge or to compute other measures from. */
  table: ContingencyTable;
}

/** A column as counted: labels, or binned with these edges. */
export interface CountedColumn {
  name: string;
  kind: 'labels' | 'binned';
  edges?: Float64Array;
}

/**
 * The optional engine's module name, held in a variable so that bundlers building mutinfo
 * into a browser app do not try to resolve (and bundle) a native Node addon.
 */
export const DUCKDB = '@duckdb/node-api';

const LABEL_TYPES = /^(VARCHAR|BOOLEAN|ENUM|DATE|TIME|TIMESTAMP|UUID|BLOB|BIT|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)/;
const NUMBER_TYPES = /^(FLOAT|DOUBLE|DECIMAL|REAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)/;

async function openConnection(fn: string, s: SqlSource): Promise<{ con: DuckDBConnectionLike; close(): void }> {
  if (s.connection !== undefined) {
    if (s.connection === null || typeof (s.connection as DuckDBConnectionLike).runAndReadAll !== 'function') {
      throw new TypeError(`${fn}: connection must be a DuckDBConnection of @duckdb/node-api, got ${show(s.connection)}`);
    }
    return { con: s.connection, close() {} };
  }
  let mod: { DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDBConnectionLike & { closeSync?(): void }>; closeSync?(): void }> } };
  try {
    mod = (await import(/* @vite-ignore */ /* webpackIgnore: true */ DUCKDB)) as unknown as typeof mod;
  } catch {
    throw new Error(`${fn}: this needs the optional package @duckdb/node-api (npm install @duckdb/node-api), which could not be loaded`);
  }
  const inst = await mod.DuckDBInstance.create(s.database ?? ':memory:', s.database !== undefined ? { access_mode: 'READ_ONLY' } : undefined);
  const con = await inst.connect();
  return {
    con,
    close() {
      con.closeSync?.();
      inst.closeSync?.();
    },
  };
}

/** The FROM item of the source. */
export function fromItem(fn: string, s: SqlSource): string {
  const given = (['file', 'table', 'query'] as const).filter((k) => s[k] !== undefined);
  if (given.length !== 1) throw new TypeError(`${fn}: give exactly one of file, table or query, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
  const k = given[0];
  const v = s[k];
  if (typeof v !== 'string' || v.trim().length === 0) throw new TypeError(`${fn}: ${k} must be a non-empty string, got ${show(v)}`);
  if (k === 'file') return fileItem(v);
  if (k === 'table') return v.split('.').map((p) => quoteIdentifier('duckdb', p)).join('.');
  return `(${v}) AS q`;
}

async function rows(con: DuckDBConnectionLike, sql: string): Promise<unknown[][]> {
  return (await con.runAndReadAll(sql)).getRowsJS();
}

/** Reads `(SELECT …)` order statistics by rank, as the sparse "sorted" array numpy's quantile reads. */
async function orderStats(con: DuckDBConnectionLike, from: string, c: string, n: number, qs: number[]): Promise<ArrayLike<number>> {
  const idx = new Set<number>();
  for (const q of qs) {
    const v = (n - 1) * q;
    const lo = Math.min(Math.max(Math.floor(v), 0), n - 1);
    idx.add(lo);
    if (lo + 1 < n) idx.add(lo + 1);
  }
  const ranks = [...idx].sort((a, b) => a - b);
  // quantile_disc at (j + ½)/N lands on rank j whether the engine rounds N·q down or up.
  const fr = ranks.map((j) => `${(j + 0.5) / n}`);
  const q = quoteIdentifier('duckdb', c);
  const [[vals]] = await rows(con, `SELECT quantile_disc(CAST(${q} AS DOUBLE), [${fr.join(', ')}]) FROM ${from} WHERE ${columnSql('duckdb', { name: c, edges: [0, 1] }).valid}`);
  const sorted: Record<number, number> & { length: number } = { length: n };
  ranks.forEach((j, i) => (sorted[j] = Number((vals as unknown[])[i])));
  return sorted;
}

/**
 * Decides which columns are labels and which are binned, and computes the bin edges of the
 * binned ones inside DuckDB (min/max, count and order statistics), with the same rules as
 * {@link discretize}. Text, boolean, date and integer columns are labels; float and decimal
 * columns are binned; `discrete` and `continuous` override.
 */
export async function planColumns(fn: string, con: DuckDBConnectionLike, from: string, names: readonly string[], o: SqlCountOptions): Promise<{ all: string[]; columns: Map<string, CountedColumn> }> {
  const described = await rows(con, `DESCRIBE SELECT * FROM ${from}`);
  const types = new Map(described.map((r) => [String(r[0]), String(r[1])]));
  const all = [...types.keys()];
  for (const n of [...names, ...(o.discrete ?? []), ...(o.continuous ?? [])]) {
    if (!types.has(n)) throw new RangeError(`${fn}: no column ${JSON.stringify(n)} in the source (columns: ${all.join(', ')})`);
  }
  const bins = o.bins ?? 10;
  if (typeof bins === 'number' ? !Number.isInteger(bins) || bins < 1 : !['sqrt', 'sturges', 'rice', 'fd', 'auto'].includes(bins)) {
    throw new RangeError(`${fn}: bins must be a positive integer or one of 'sqrt', 'sturges', 'rice', 'fd', 'auto', got ${show(bins)}${BIN_RULES.includes(bins as never) ? ' (that rule needs every value in memory)' : ''}`);
  }
  const binning = oneOf(fn, 'binning', o.binning, ['equal-width', 'equal-frequency'], 'equal-width');
  const columns = new Map<string, CountedColumn>();
  for (const n of names) {
    const t = types.get(n)!;
    const forcedLabels = o.discrete?.includes(n) ?? false;
    const forcedNumbers = o.continuous?.includes(n) ?? false;
    if (forcedNumbers && !NUMBER_TYPES.test(t)) throw new RangeError(`${fn}: column ${JSON.stringify(n)} is ${t}, which cannot be binned as a continuous column`);
    const labels = forcedLabels || (!forcedNumbers && LABEL_TYPES.test(t));
    if (labels) {
      columns.set(n, { name: n, kind: 'labels' });
      continue;
    }
    const valid = columnSql('duckdb', { name: n, edges: [0, 1] }).valid;
    const q = `CAST(${quoteIdentifier('duckdb', n)} AS DOUBLE)`;
    const [[count, lo, hi]] = await rows(con, `SELECT count(*), min(${q}), max(${q}) FROM ${from} WHERE ${valid}`);
    const N = Number(count);
    if (N === 0) throw new RangeError(`${fn}: column ${JSON.stringify(n)} has no values to bin`);
    const needsSorted = binning === 'equal-frequency' || bins === 'fd' || bins === 'auto';
    let sorted: ArrayLike<number> | undefined;
    if (needsSorted) {
      const qs = [0.25, 0.75];
      if (binning === 'equal-frequency') {
        const stub = { x: { length: N }, min: Number(lo), max: Number(hi), get sorted() { return sorted; } } as unknown as Column;
        // the bin count first (it may need the quartiles), then the cut points
        sorted = await orderStats(con, from, n, N, qs);
        const B = binCount(bins, stub);
        const cuts = Array.from(npLinspace(0, 1, B + 1));
        sorted = await orderStats(con, from, n, N, [...qs, ...cuts]);
      } else {
        sorted = await orderStats(con, from, n, N, qs);
      }
    }
    const col = { x: { length: N }, min: Number(lo), max: Number(hi), sorted } as unknown as Column;
    const edges = binEdges(col, binCount(bins, col), binning);
    columns.set(n, { name: n, kind: 'binned', edges });
  }
  return { all, columns };
}

/** One GROUP BY for the pair (a, b), its rows added to a new table. */
export async function countPair(con: DuckDBConnectionLike, from: string, a: CountedColumn, b: CountedColumn): Promise<ContingencyTable> {
  const sa = columnSql('duckdb', a as SqlColumn);
  const sb = columnSql('duckdb', b as SqlColumn);
  const sql = `SELECT ${sa.expr} AS x, ${sb.expr} AS y, count(*) AS n FROM ${from} WHERE ${sa.valid} AND ${sb.valid} GROUP BY ALL`;
  const t = new ContingencyTable();
  const r = await rows(con, sql);
  if (r.length > 0) t.addCounts(r.map((row) => [label(row[0]), label(row[1]), row[2]] as never));
  return t;
}

/** DuckDB values as labels: numbers and strings stay, dates become their time, other objects their text. */
function label(v: unknown): unknown {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'bigint' && Number.isSafeInteger(Number(v))) return Number(v);
  if (v !== null && typeof v === 'object') return String(v);
  return v;
}

/**
 * Runs `fn(connection, FROM item)` on the source, opening (and afterwards closing) a DuckDB
 * when no connection is given.
 */
export async function withSource<T>(fn: string, s: SqlSource, body: (con: DuckDBConnectionLike, from: string) => Promise<T>): Promise<T> {
  const from = fromItem(fn, s);
  const { con, close } = await openConnection(fn, s);
  try {
    return await body(con, from);
  } finally {
    close();
  }
}

/** Options of {@link countTablesFromSql}. */
export interface CountTablesFromSqlOptions extends SqlCountOptions {
  /** The column pairs to count: `[feature, target]` or any `[a, b]`. */
  pairs: readonly (readonly [string, string])[];
  /** Called after each pair with (pairs done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link countTablesFromSql} returns: one table per pair, and how each column was read. */
export interface CountedTables {
  /** tables[i] counts pairs[i]: x is the first column, y the second. */
  tables: ContingencyTable[];
  /** Each column used: labels, or binned with its edges. */
  columns: Map<string, CountedColumn>;
  /** Every column of the source, in order. */
  header: string[];
}

/**
 * The contingency table of each column pair, counted by DuckDB with one GROUP BY per pair (see
 * {@link mutualInformationFromSql} for the source, the column kinds and the binning). The tables
 * merge with tables counted elsewhere (other files, other engines' `--counts`).
 * @throws as {@link mutualInformationFromSql}
 * @example
 * const { tables } = await countTablesFromSql({ query: 'SELECT range % 2 AS a, range % 4 AS b FROM range(8)', pairs: [['a', 'b']] });
 * tables[0].mutualInformation({ base: 2 }); // => 1.0000000000000002 (1 bit)
 */
export async function countTablesFromSql(options: CountTablesFromSqlOptions): Promise<CountedTables> {
  const fn = 'countTablesFromSql';
  const o = checkOptions(fn, options, ['connection', 'database', 'file', 'table', 'query', 'discrete', 'continuous', 'bins', 'binning', 'pairs', 'onProgress']) as unknown as CountTablesFromSqlOptions;
  if (!Array.isArray(o.pairs) || o.pairs.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((c) => typeof c !== 'string'))) {
    throw new TypeError(`${fn}: pairs must be an array of [column, column] name pairs, got ${show(o.pairs)}`);
  }
  return withSource(fn, o, async (con, from) => {
    const names = [...new Set(o.pairs.flat())];
    const { all, columns } = await planColumns(fn, con, from, names, o);
    const tables: ContingencyTable[] = [];
    for (const [a, b] of o.pairs) {
      tables.push(await countPair(con, from, columns.get(a)!, columns.get(b)!));
      o.onProgress?.(tables.length, o.pairs.length);
    }
    return { tables, columns, header: all };
  });
}

/**
 * Mutual information of each feature column with a target column, counted by DuckDB: one
 * `SELECT x, y, count(*) … GROUP BY ALL` per feature, run on the file, table or query out
 * of core, so memory follows the number of distinct cells, not the rows. Label columns
 * (text, boolean, integer, date) are counted as they are; float and decimal columns are
 * binned inside SQL with the edges {@link discretize} would give (equal-width over min/max, or
 * equal-frequency from order statistics), so the result equals `mutualInformation(x, y,
 * { estimator: 'discrete' | 'binned' })` on the same rows. A row with a NULL (or NaN) in the
 * feature or the target is left out of that feature's table.
 *
 * @duckdb/node-api (an optional dependency) is imported on first use unless a `connection`
 * is passed. Units: nats unless `base` is given. Cost: one scan of two columns per feature,
 * plus one or two per binned column for its edges.
 * @throws TypeError / RangeError for a bad source, an unknown column or option; Error if
 *   @duckdb/node-api is missing or DuckDB rejects the query
 * @example
 * const scores = await mutualInformationFromSql({
 *   query: "SELECT * FROM (VALUES ('a', 0), ('a', 0), ('b', 1), ('b', 1)) t(x, y)", target: 'y', base: 2,
 * });
 * scores[0].mi; // => 1 (bit; scores[0].feature is 'x', scores[0].estimator 'discrete')
 */
export async function mutualInformationFromSql(options: MutualInformationFromSqlOptions): Promise<SqlFeatureScore[]> {
  const fn = 'mutualInformationFromSql';
  const o = checkOptions(fn, options, ['connection', 'database', 'file', 'table', 'query', 'discrete', 'continuous', 'bins', 'binning', 'target', 'columns', 'correction', 'base']) as unknown as MutualInformationFromSqlOptions;
  if (typeof o.target !== 'string') throw new TypeError(`${fn}: target must be a column name, got ${show(o.target)}`);
  const correction = correctionOption(fn, o.correction);
  const div = logBase(fn, o.base);
  return withSource(fn, o, async (con, from) => {
    const described = await rows(con, `DESCRIBE SELECT * FROM ${from}`);
    const header = described.map((r) => String(r[0]));
    const features = (o.columns ?? header).filter((c) => c !== o.target);
    if (features.length === 0) throw new RangeError(`${fn}: no feature columns besides the target ${JSON.stringify(o.target)}`);
    const { columns } = await planColumns(fn, con, from, [o.target, ...features], o);
    const target = columns.get(o.target)!;
    const out: SqlFeatureScore[] = [];
    for (const f of features) {
      const c = columns.get(f)!;
      const table = await countPair(con, from, c, target);
      if (table.total === 0) throw new RangeError(`${fn}: feature ${JSON.stringify(f)} and the target have no row without a missing value`);
      out.push({
        feature: f,
        mi: table.mutualInformation({ correction }) / div,
        estimator: c.kind === 'binned' || target.kind === 'binned' ? 'binned' : 'discrete',
        table,
      });
    }
    return out;
  });
}
