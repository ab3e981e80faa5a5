// SQL text that makes an engine (DuckDB, PostgreSQL, Spark, BigQuery) count contingency
// tables: one GROUP BY per column pair, continuous columns binned inside the query with
// the same edges as discretize (numpy's linspace over [min, max], or given edges).
import { show } from '../core/validate.js';

/** SQL dialects that {@link countQuery} writes. */
export type SqlDialect = 'duckdb' | 'postgres' | 'spark' | 'bigquery';

export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'spark', 'bigquery'];

/**
 * One side of a pair: a column used as labels, or a continuous column binned in the query,
 * either into `bins` equal-width bins over its [min, max] (computed by the engine, numpy's
 * edges) or by explicit `edges` (numpy's convention: [e_j, e_{j+1}), the last bin closed).
 */
export interface SqlColumn {
  name: string;
  bins?: number;
  edges?: ArrayLike<number>;
}

/** Options of {@link countQuery}. */
export interface CountQueryOptions {
  /** Default `'duckdb'`. */
  dialect?: SqlDialect;
  /** What to read: a table name (quoted as given), or any FROM item such as `read_parquet('f.parquet')` or `(SELECT …)`. */
  source: string;
  /** The (feature, target) pairs to count; the output has one row per non-empty cell: feature, target, x, y, n. */
  pairs: readonly (readonly [SqlColumn | string, SqlColumn | string])[];
}

interface Dialect {
  quote(name: string): string;
  double: string;
  text: string;
  notNaN(v: string): string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: { quote: (n) => `"${n.replace(/"/g, '""')}"`, double: 'DOUBLE', text: 'VARCHAR', notNaN: (v) => `NOT isnan(${v})` },
  postgres: {
    quote: (n) => `"${n.replace(/"/g, '""')}"`,
    double: 'DOUBLE PRECISION',
    text: 'TEXT',
    notNaN: (v) => `${v} <> CAST('NaN' AS DOUBLE PRECISION)`,
  },
  spark: { quote: (n) => `\`${n.replace(/`/g, '``')}\``, double: 'DOUBLE', text: 'STRING', notNaN: (v) => `NOT isnan(${v})` },
  bigquery: { quote: (n) => `\`${n.replace(/`/g, '\\`')}\``, double: 'FLOAT64', text: 'STRING', notNaN: (v) => `NOT IS_NAN(${v})` },
};

/** The largest bin count written into SQL (the CASE tree grows with it). */
export const MAX_SQL_BINS = 4096;

function column(fn: string, c: SqlColumn | string): SqlColumn {
  const col = typeof c === 'string' ? { name: c } : c;
  if (col === null || typeof col !== 'object' || typeof col.name !== 'string' || col.name.length === 0) {
    throw new TypeError(`${fn}: a column must be a name or { name, bins?, edges? }, got ${show(c)}`);
  }
  if (col.bins !== undefined && (!Number.isInteger(col.bins) || col.bins < 1 || col.bins > MAX_SQL_BINS)) {
    throw new RangeError(`${fn}: bins of column ${JSON.stringify(col.name)} must be an integer in [1, ${MAX_SQL_BINS}], got ${show(col.bins)}`);
  }
  if (col.edges !== undefined) {
    const e = col.edges;
    if (e.length < 2 || e.length > MAX_SQL_BINS + 1) throw new RangeError(`${fn}: edges of column ${JSON.stringify(col.name)} must hold 2 to ${MAX_SQL_BINS + 1} numbers`);
    for (let i = 0; i < e.length; i++) {
      if (!Number.isFinite(e[i]) || (i > 0 && !(e[i] > e[i - 1]))) {
        throw new RangeError(`${fn}: edges of column ${JSON.stringify(col.name)} must be finite and increasing, got ${show(e[i])} at index ${i}`);
      }
    }
  }
  return col;
}

/** A double literal that every engine parses back to the same bits (a decimal string cast). */
function literal(d: Dialect, v: number): string {
  return `CAST('${String(v)}' AS ${d.double})`;
}

/**
 * The bin code of v: the number of interior edges e_1 … e_{B−1} that are ≤ v, found by a
 * binary search written as nested CASEs (depth log₂ B), the same search as the binning kernel.
 */
function binTree(v: string, edge: (j: number) => string, lo: number, hi: number): string {
  if (lo === hi) return String(lo);
  const mid = (lo + hi + 1) >> 1;
  return `CASE WHEN ${v} >= ${edge(mid)} THEN ${binTree(v, edge, mid, hi)} ELSE ${binTree(v, edge, lo, mid - 1)} END`;
}

interface Prepared {
  col: SqlColumn;
  /** The expression that the GROUP BY uses. */
  expr: string;
  /** The row filter: not null (and not NaN for a binned column). */
  valid: string;
  /** Index into the stats row, for a column binned by the engine's min/max. */
  stat?: number;
}

/**
 * One SQL statement that counts each pair's contingency table in `dialect`: a UNION ALL of
 * `SELECT 'feature' AS feature, 'target' AS target, x, y, COUNT(*) AS n … GROUP BY 1, 2`
 * (the two column names, then x and y as text). Rows
 * with a NULL (or, in a binned column, NaN) in either column of a pair are left out of that
 * pair, as the CLI's missing-cell rule does. A column with `bins` is cut at
 * e_j = j·((hi − lo)/B) + lo over its non-missing [min, max] (widened by ½ each side when
 * constant), numpy's linspace and so the edges of {@link discretize}; `edges` are written
 * in as literals. Feed the result to `mutinfo rank --counts`, `mutinfo matrix --counts` or
 * {@link ContingencyTable.addCounts}.
 * @throws TypeError / RangeError for an unknown dialect, an empty pair list, or a bad column
 * @example
 * countQuery({ source: 't', pairs: [['a', 'y']] });
 * // => 'SELECT … AS feature, … AS target, CAST(x AS VARCHAR) AS x, CAST(y AS VARCHAR) AS y, n FROM (SELECT "a" AS x, "y" AS y, COUNT(*) AS n FROM t WHERE "a" IS NOT NULL AND "y" IS NOT NULL GROUP BY 1, 2) AS p0'
 */
export function countQuery(options: CountQueryOptions): string {
  const fn = 'countQuery';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object, got ${show(options)}`);
  const dialect = options.dialect ?? 'duckdb';
  if (!SQL_DIALECTS.includes(dialect)) throw new RangeError(`${fn}: dialect must be one of ${SQL_DIALECTS.join(', ')}, got ${show(dialect)}`);
  const d = DIALECTS[dialect];
  if (typeof options.source !== 'string' || options.source.trim().length === 0) throw new TypeError(`${fn}: source must be a table name or a FROM item, got ${show(options.source)}`);
  if (!Array.isArray(options.pairs) || options.pairs.length === 0) throw new RangeError(`${fn}: pairs must hold at least one [feature, target] pair`);
  const stats: string[] = [];
  const statIndex = new Map<string, number>();
  const prepare = (c: SqlColumn): Prepared => {
    const q = d.quote(c.name);
    if (c.bins === undefined && c.edges === undefined) return { col: c, expr: q, valid: `${q} IS NOT NULL` };
    const v = `CAST(${q} AS ${d.double})`;
    const valid = `${q} IS NOT NULL AND ${d.notNaN(v)}`;
    if (c.edges !== undefined) {
      const e = c.edges;
      return { col: c, expr: binTree(v, (j) => literal(d, e[j]), 0, e.length - 2), valid };
    }
    const key = `${c.name}\u0000${c.bins}`;
    let s = statIndex.get(key);
    if (s === undefined) {
      s = stats.length;
      statIndex.set(key, s);
      const ok = `CASE WHEN ${valid} THEN ${v} END`;
      stats.push(`MIN(${ok}) AS lo${s}, MAX(${ok}) AS hi${s}`);
    }
    const B = c.bins!;
    const step = `((st.hi${s} - st.lo${s}) / CAST(${B} AS ${d.double}))`;
    return { col: c, expr: binTree(v, (j) => `(CAST(${j} AS ${d.double}) * ${step} + st.lo${s})`, 0, B - 1), valid, stat: s };
  };
  const parts = options.pairs.map((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) throw new TypeError(`${fn}: pairs[${i}] must be [feature, target], got ${show(p)}`);
    const [a, b] = [prepare(column(fn, p[0])), prepare(column(fn, p[1]))];
    const from = a.stat !== undefined || b.stat !== undefined ? `${options.source} CROSS JOIN st` : options.source;
    const name = (c: SqlColumn) => `'${c.name.replace(/'/g, "''")}'`;
    return (
      `SELECT ${name(a.col)} AS feature, ${name(b.col)} AS target, CAST(x AS ${d.text}) AS x, CAST(y AS ${d.text}) AS y, n FROM (` +
      `SELECT ${a.expr} AS x, ${b.expr} AS y, COUNT(*) AS n FROM ${from} WHERE ${a.valid} AND ${b.valid} GROUP BY 1, 2) AS p${i}`
    );
  });
  const body = parts.join('\nUNION ALL\n');
  if (stats.length === 0) return body;
  // numpy's _get_outer_edges widens a constant column to [v − ½, v + ½].
  const outer = stats.map((_, s) =>
    `CASE WHEN lo${s} = hi${s} THEN lo${s} - 0.5 ELSE lo${s} END AS lo${s}, CASE WHEN lo${s} = hi${s} THEN hi${s} + 0.5 ELSE hi${s} END AS hi${s}`);
  return `WITH mm AS (SELECT ${stats.join(', ')} FROM ${options.source}),\nst AS (SELECT ${outer.join(', ')} FROM mm)\n${body}`;
}

/** The quoted identifier of a column in a dialect. */
export function quoteIdentifier(dialect: SqlDialect, name: string): string {
  return DIALECTS[dialect].quote(name);
}

/** The WHERE condition and the GROUP BY expression of one column, for engines run from here. */
export function columnSql(dialect: SqlDialect, c: SqlColumn): { expr: string; valid: string } {
  const d = DIALECTS[dialect];
  const q = d.quote(c.name);
  if (c.edges === undefined) return { expr: q, valid: `${q} IS NOT NULL` };
  const v = `CAST(${q} AS ${d.double})`;
  const e = c.edges;
  return { expr: binTree(v, (j) => literal(d, e[j]), 0, e.length - 2), valid: `${q} IS NOT NULL AND ${d.notNaN(v)}` };
}
