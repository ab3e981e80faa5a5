// Greedy feature selection (FEAST's criteria) with DuckDB counting: the greedy loop of
// src/selection asks for one cache row per pick, and each row is one SQL query whose
// GROUPING SETS count (x_s, y, x_j) for every candidate j in a single scan of the source.
// Memory follows the distinct cells, never the rows.
import { checkOptions, show } from '../core/validate.js';
import { criterionOf, type PairStats, type SelectionMethod } from '../selection/criteria/index.js';
import { greedy, type Request } from '../selection/greedy.js';
import { readOptions } from '../selection/options.js';
import type { SelectedFeatures } from '../selection/selectFeatures.js';
import { planColumns, withSource, type CountedColumn, type SqlCountOptions } from './duckdb.js';
import { columnSql, quoteIdentifier, type SqlColumn } from './sql.js';

/** Options of {@link selectFeaturesFromSql}. */
export interface SelectFeaturesFromSqlOptions extends SqlCountOptions {
  /** The target column (class labels; counted as labels whatever its type). */
  target: string;
  /** Candidate columns; default every other column. */
  columns?: readonly string[];
  /** The criterion, as {@link selectFeatures}. Default `'jmi'`. */
  method?: SelectionMethod;
  /** How many columns to pick. Default min(10, number of candidates). */
  k?: number;
  beta?: number;
  gamma?: number;
  /** Logarithm base of the scores. Default e (nats). */
  base?: number;
  /** Called after each pick with (picks done, k). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link selectFeaturesFromSql} returns: {@link SelectedFeatures} with the picks named. */
export interface SqlSelectedFeatures extends SelectedFeatures {
  /** The candidate columns, in the order `selected` indexes them. */
  columns: string[];
  /** Names of the picks, in the order chosen. */
  names: string[];
  /** Rows complete in the target and every candidate (the rows counted). */
  rows: number;
  /** How each column was counted: labels, or binned with its edges. */
  counted: Map<string, CountedColumn>;
}

/** Σ c ln c over counts, summed in ascending order of c so that the result does not depend on the engine's row order. */
function sumCLogC(counts: number[]): number {
  counts.sort((a, b) => a - b);
  let s = 0;
  for (const c of counts) if (c > 1) s += c * Math.log(c);
  return s;
}

/** Adds c to the count of a key. */
function bump(m: Map<string, number>, key: string, c: number): void {
  m.set(key, (m.get(key) ?? 0) + c);
}

/**
 * Greedy forward selection as {@link selectFeatures} with `estimator: 'discrete'` (label
 * columns) or `'binned'` (float columns binned inside SQL with {@link discretize}'s edges), but
 * counted by DuckDB on a Parquet/CSV file, a database table or a query, out of core. The
 * relevance I(Xj; Y) of every candidate is one query; each later pick s is one query that
 * counts the 3-way tables (x_s, y, x_j) of all remaining candidates at once (GROUPING SETS),
 * from which I(Xj;Xs), I(Xj;Xs|Y), I(Xj Xs;Y) and H(Xj Xs Y) follow. Rows with a missing cell
 * (NULL, or NaN in a binned column; in a CSV also pandas' na_values such as NA) in the target
 * or any candidate are left out, as the CLI's `select` does. The picks equal those of
 * `selectFeatures` on the same coded columns, and the scores agree to rounding (the sums of
 * c ln c run in another order).
 *
 * Cost: 1 + (k − 1) scans of the source (CMIM: one per pick whose terms it needs).
 * @throws TypeError / RangeError for a bad source, an unknown column or option, a target with
 *   one class; Error if @duckdb/node-api is missing or DuckDB rejects the query
 * @example
 * // y = a XOR b: neither tells anything alone, together they give y's bit
 * const r = await selectFeaturesFromSql({
 *   query: 'SELECT range % 2 AS a, (range // 2) % 2 AS b, range % 3 AS c, (range % 2 + (range // 2) % 2) % 2 AS y FROM range(12)',
 *   target: 'y', method: 'jmi', k: 2, base: 2,
 * });
 * r.names; // => ['a', 'b']
 * r.scores; // => Float64Array [0, 0.9999999999999999]
 */
export async function selectFeaturesFromSql(options: SelectFeaturesFromSqlOptions): Promise<SqlSelectedFeatures> {
  const fn = 'selectFeaturesFromSql';
  const o = checkOptions(fn, options, [
    'connection', 'database', 'file', 'table', 'query', 'discrete', 'continuous', 'bins', 'binning',
    'target', 'columns', 'method', 'k', 'beta', 'gamma', 'base', 'onProgress',
  ]) as unknown as SelectFeaturesFromSqlOptions;
  if (typeof o.target !== 'string') throw new TypeError(`${fn}: target must be a column name, got ${show(o.target)}`);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new TypeError(`${fn}: onProgress must be a function, got ${show(o.onProgress)}`);
  if (o.columns !== undefined && (!Array.isArray(o.columns) || o.columns.some((c) => typeof c !== 'string'))) {
    throw new TypeError(`${fn}: columns must be an array of column names, got ${show(o.columns)}`);
  }
  return withSource(fn, o, async (con, source) => {
    let from = source;
    const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowsJS();
    const header = described.map((r) => String(r[0]));
    const features = [...new Set(o.columns ?? header)].filter((c) => c !== o.target);
    if (features.length === 0) throw new RangeError(`${fn}: no candidate columns besides the target ${JSON.stringify(o.target)}`);
    const plan = readOptions(fn, { method: o.method, k: o.k, beta: o.beta, gamma: o.gamma, base: o.base, estimator: 'discrete' }, features.length, 1);
    const types = new Map(described.map((r) => [String(r[0]), String(r[1])]));
    for (const c of [o.target, ...features]) {
      if (!types.has(c)) throw new RangeError(`${fn}: no column ${JSON.stringify(c)} in the source (columns: ${header.join(', ')})`);
    }
    // The complete rows first, so that bin edges come from the rows counted, as in memory.
    const complete = [o.target, ...features].map((c) => {
      const q = quoteIdentifier('duckdb', c);
      return /^(FLOAT|DOUBLE|REAL|DECIMAL)/.test(types.get(c)!) ? `${q} IS NOT NULL AND NOT isnan(CAST(${q} AS DOUBLE))` : `${q} IS NOT NULL`;
    });
    from = `(SELECT * FROM ${from} WHERE ${complete.join(' AND ')}) AS complete_rows`;
    const { columns } = await planColumns(fn, con, from, [o.target, ...features], { ...o, discrete: [...(o.discrete ?? []), o.target] });
    const sql = [o.target, ...features].map((c) => columnSql('duckdb', columns.get(c)! as SqlColumn));
    const where = sql.map((s) => s.valid).join(' AND ');
    const y = sql[0].expr;
    const x = (j: number) => sql[j + 1].expr;
    const d = features.length;

    // Each query's rows: the grouped expressions (NULL where a column is not in the set), then n.
    const counts = async (sets: number[][]): Promise<Map<string, number>[]> => {
      const exprs = [y, ...features.map((_, j) => x(j))];
      const list = sets.map((s) => `(${s.map((e) => `e${e}`).join(', ')})`).join(', ');
      const used = new Set(sets.flat());
      const q = `SELECT ${exprs.map((e, i) => (used.has(i) ? `${e} AS e${i}` : `NULL AS e${i}`)).join(', ')}, count(*) AS n FROM ${from} WHERE ${where} GROUP BY GROUPING SETS (${list})`;
      const rows = (await con.runAndReadAll(q)).getRowsJS();
      const out = sets.map(() => new Map<string, number>());
      const key = sets.map((s) => s.slice().sort((a, b) => a - b).join(','));
      for (const r of rows) {
        const present: number[] = [];
        for (let i = 0; i <= d; i++) if (r[i] !== null) present.push(i);
        const t = key.indexOf(present.join(','));
        if (t < 0) continue;
        out[t].set(sets[t].map((e) => String(r[e])).join('\u0000'), Number(r[d + 1]));
      }
      return out;
    };

    // Relevance: the (y, x_j) tables; sX, sXY and sY as the in-memory tables keep them.
    const rel = await counts(features.map((_, j) => [0, j + 1]));
    let n = 0;
    for (const c of rel[0].values()) n += c;
    if (n === 0) throw new RangeError(`${fn}: no row has a value in the target and every candidate column`);
    const lnN = Math.log(n);
    const sX = new Float64Array(d);
    const sXY = new Float64Array(d);
    const yCounts = new Map<string, number>();
    for (const [k, c] of rel[0]) bump(yCounts, k.split('\u0000')[0], c);
    if (yCounts.size < 2) throw new RangeError(`${fn}: the target has a single class in the complete rows, so every feature's MI is 0`);
    const sY = sumCLogC([...yCounts.values()]);
    const relevance = new Float64Array(d);
    rel.forEach((m, j) => {
      const xc = new Map<string, number>();
      for (const [k, c] of m) bump(xc, k.split('\u0000')[1], c);
      sX[j] = sumCLogC([...xc.values()]);
      sXY[j] = sumCLogC([...m.values()]);
      relevance[j] = lnN + (sXY[j] - sX[j] - sY) / n;
    });

    // One cache row per pick: the (x_s, y, x_j) tables of the candidates, as two sums each.
    const cache = new Map<number, Map<number, [number, number]>>();
    const sums = async (s: number, cands: ArrayLike<number>): Promise<Map<number, [number, number]>> => {
      const have = cache.get(s) ?? new Map<number, [number, number]>();
      const need = Array.from(cands).filter((j) => !have.has(j));
      if (need.length > 0) {
        const tables = await counts(need.map((j) => [s + 1, 0, j + 1]));
        need.forEach((j, t) => {
          const sj = new Map<string, number>();
          for (const [k, c] of tables[t]) {
            const [a, , b] = k.split('\u0000');
            bump(sj, `${a}\u0000${b}`, c);
          }
          have.set(j, [sumCLogC([...sj.values()]), sumCLogC([...tables[t].values()])]);
        });
        cache.set(s, have);
      }
      return have;
    };
    const stats = (s: number, j: number, sSJ: number, sAll: number): PairStats => ({
      mi: lnN + (sSJ - sX[s] - sX[j]) / n,
      miGivenY: (sAll + sY - sXY[j] - sXY[s]) / n,
      jointRelevance: lnN + (sAll - sSJ - sY) / n,
      jointEntropy: lnN - sAll / n,
    });

    const method = plan.method === 'cmim' ? 'mim' : plan.method;
    const crit = criterionOf(method);
    const params = { beta: plan.beta, gamma: plan.gamma };
    const gen = greedy(plan.method, relevance, plan.k, params);
    let r = gen.next();
    while (!r.done) {
      const q: Request = r.value;
      let answer: unknown;
      if (q.kind === 'row') {
        const m = await sums(q.s, q.candidates);
        answer = Float64Array.from(q.candidates, (j) => crit.entry(stats(q.s, j, ...m.get(j)!), params));
      } else if (q.kind === 'cmi') {
        // CMIM asks one term at a time: count every other column against this pick at once.
        const m = await sums(q.s, features.map((_, j) => j).filter((j) => j !== q.s));
        const [sSJ, sAll] = m.get(q.j)!;
        answer = (sAll + sX[q.s] - sSJ - sXY[q.s]) / n;
      } else {
        o.onProgress?.(q.done, plan.k);
      }
      r = gen.next(answer);
    }
    const res = r.value;
    const unit = plan.logBase;
    const scores = Float64Array.from(res.scores, (v, i) => (plan.method === 'disr' && i > 0 ? v : v / unit));
    return {
      selected: res.selected,
      scores,
      relevance: Float64Array.from(res.selected, (j) => relevance[j] / unit),
      method: plan.method,
      estimator: [...columns.values()].some((c) => c.kind === 'binned') ? 'binned' : 'discrete',
      columns: features,
      names: res.selected.map((j) => features[j]),
      rows: n,
      counted: columns,
    };
  });
}

