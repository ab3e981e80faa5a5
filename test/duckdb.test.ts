// DuckDB as the counting engine: the counts and measures equal the in-memory path on the
// same rows. The data live in the system temp folder and are removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContingencyTable, countQuery, discretize, mutualInformation, mutualInformationFromSql, selectFeatures, selectFeaturesFromSql } from '../src/index.js';
import { planColumns } from '../src/tables/duckdb.js';

const N = 100_000;
let dir: string;
let file: string;
let db: string;
let inst: DuckDBInstance;
let con: DuckDBConnection;
/** The file's columns read back into memory, for the in-memory path. */
let cols: Record<string, unknown[]>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mutinfo-duckdb-'));
  file = join(dir, 'data.parquet');
  db = join(dir, 'data.duckdb');
  inst = await DuckDBInstance.create(':memory:');
  con = await inst.connect();
  await con.run(`COPY (
    SELECT (hash(i) % 8)::INTEGER AS y,
      ((hash(i) % 8) * 3 + hash(i, 1) % 5)::INTEGER % 16 AS a,
      (hash(i, 2) % 12)::INTEGER AS b,
      CASE (hash(i) % 8 + hash(i, 3) % 2) % 3 WHEN 0 THEN 'red' WHEN 1 THEN 'green' ELSE 'blue' END AS s,
      (hash(i) % 8)::DOUBLE + (hash(i, 4) % 100000)::DOUBLE / 30000.0 AS c,
      CASE WHEN i % 97 = 0 THEN NULL ELSE (hash(i, 5) % 1000)::DOUBLE / 7.0 END AS m
    FROM range(${N}) t(i)) TO '${file}' (FORMAT parquet)`);
  const r = await con.runAndReadAll(`SELECT * FROM '${file}'`);
  const names = r.columnNames();
  const values = r.getColumnsJS();
  cols = Object.fromEntries(names.map((n, j) => [n, values[j]]));
  const w = await (await DuckDBInstance.create(db)).connect();
  await w.run(`CREATE TABLE t AS SELECT * FROM '${file}'`);
  w.closeSync();
});

afterAll(() => {
  con?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const nums = (c: string) => Float64Array.from(cols[c] as number[]);
/** The rows where both columns have a value, as the CLI's missing rule keeps them. */
function both(a: string, b: string): [number[], number[]] {
  const xa: number[] = [];
  const xb: number[] = [];
  cols[a].forEach((v, i) => {
    const w = cols[b][i];
    if (v !== null && w !== null) {
      xa.push(v as number);
      xb.push(w as number);
    }
  });
  return [xa, xb];
}

describe('mutualInformationFromSql (DuckDB)', () => {
  it('equals mutualInformation(x, y, { estimator: \'discrete\' | \'binned\' }) on the same rows, bit for bit', async () => {
    const scores = await mutualInformationFromSql({ file, target: 'y' });
    const by = Object.fromEntries(scores.map((s) => [s.feature, s]));
    expect(Object.keys(by)).toEqual(['a', 'b', 's', 'c', 'm']);
    const y = cols.y as number[];
    expect(by.a.mi).toBe(mutualInformation(cols.a as number[], y, { estimator: 'discrete' }));
    expect(by.b.mi).toBe(mutualInformation(cols.b as number[], y, { estimator: 'discrete' }));
    expect(by.a.estimator).toBe('discrete');
    // strings: the table sums cells in label order, the array path in order of appearance
    expect(by.s.mi).toBeCloseTo(mutualInformation(cols.s as string[], y, { estimator: 'discrete' }), 14);
    expect(by.c.estimator).toBe('binned');
    const c = discretize(nums('c'), { bins: 10 }).codes;
    expect(by.c.mi).toBe(mutualInformation(c, y, { estimator: 'discrete' }));
    // NULLs in m: those rows leave the pair
    const [m, ym] = both('m', 'y');
    expect(by.m.table.total).toBe(m.length);
    expect(by.m.mi).toBe(mutualInformation(discretize(m, { bins: 10 }).codes, ym, { estimator: 'discrete' }));
    expect(by.a.mi).toBeGreaterThan(0.5);
    expect(by.b.mi).toBeLessThan(0.01);
  });

  it('bins inside SQL with the edges of discretize: equal-width by rule, equal-frequency, fd', async () => {
    for (const [bins, binning] of [[7, 'equal-frequency'], ['sturges', 'equal-width'], ['fd', 'equal-width'], ['auto', 'equal-frequency'], [5, 'equal-width']] as const) {
      const { columns } = await planColumns('t', con, `'${file}'`, ['c', 'm'], { bins, binning });
      expect(Array.from(columns.get('c')!.edges!)).toEqual(Array.from(discretize(nums('c'), { bins, method: binning }).edges));
      const m = (cols.m as (number | null)[]).filter((v) => v !== null) as number[];
      expect(Array.from(columns.get('m')!.edges!)).toEqual(Array.from(discretize(m, { bins, method: binning }).edges));
    }
  });

  it('reads a table of a DuckDB database file, a query, and a connection passed in', async () => {
    const fromFile = await mutualInformationFromSql({ file, target: 'y', columns: ['a', 's'], base: 2 });
    const fromDb = await mutualInformationFromSql({ database: db, table: 't', target: 'y', columns: ['a', 's'], base: 2 });
    const fromQuery = await mutualInformationFromSql({ connection: con, query: `SELECT a, s, y FROM '${file}'`, target: 'y', base: 2 });
    expect(fromDb.map((s) => s.mi)).toEqual(fromFile.map((s) => s.mi));
    expect(fromQuery.map((s) => s.mi)).toEqual(fromFile.map((s) => s.mi));
    // the example of the doc comment
    const ex = await mutualInformationFromSql({ query: "SELECT * FROM (VALUES ('a', 0), ('a', 0), ('b', 1), ('b', 1)) t(x, y)", target: 'y', base: 2 });
    expect(ex[0].mi).toBe(1);
  });

  it('merges shard counts into the one-shot table bit for bit', async () => {
    const whole = (await mutualInformationFromSql({ file, target: 'y', columns: ['a'] }))[0].table;
    const merged = new ContingencyTable();
    for (let s = 0; s < 4; s++) {
      const q = `SELECT a, y FROM '${file}' WHERE hash(a + y * 16) % 4 = ${s}`;
      merged.merge((await mutualInformationFromSql({ connection: con, query: q, target: 'y', columns: ['a'] }))[0].table);
    }
    expect(merged.mutualInformation()).toBe(whole.mutualInformation());
    expect(merged.toJSON()).toEqual(whole.toJSON());
  });

  it('rejects a bad source, an unknown column, and a rule that needs every value', async () => {
    await expect(mutualInformationFromSql({ target: 'y' } as never)).rejects.toThrow(/give exactly one of file, table or query, got none/);
    await expect(mutualInformationFromSql({ file, table: 't', target: 'y' })).rejects.toThrow(/got file and table/);
    await expect(mutualInformationFromSql({ file, target: 'nope' })).rejects.toThrow(/no column "nope" in the source/);
    await expect(mutualInformationFromSql({ file, target: 'y', bins: 'scott' as never })).rejects.toThrow(/that rule needs every value in memory/);
    await expect(mutualInformationFromSql({ file, target: 'y', continuous: ['s'] })).rejects.toThrow(/column "s" is VARCHAR/);
  });
});

describe('countQuery run on DuckDB', () => {
  it('countQuery({ dialect: \'duckdb\' }) counts the same tables, binning by the engine\'s min/max with discretize\'s edges', async () => {
    const sql = countQuery({
      dialect: 'duckdb',
      source: `read_parquet('${file}')`,
      pairs: [['a', 'y'], ['s', 'y'], [{ name: 'c', bins: 10 }, 'y'], [{ name: 'm', bins: 6 }, { name: 'c', bins: 4 }]],
    });
    const rows = (await con.runAndReadAll(sql)).getRowObjectsJS();
    const tables = new Map<string, ContingencyTable>();
    for (const r of rows) {
      const f = r.feature as string;
      if (!tables.has(f)) tables.set(f, new ContingencyTable());
      const num = (v: unknown) => (/^-?\d+$/.test(String(v)) ? Number(v) : v);
      tables.get(f)!.addCounts([[num(r.x) as never, num(r.y) as never, r.n as bigint]] as never);
    }
    const y = cols.y as number[];
    expect(tables.get('a')!.mutualInformation()).toBe(mutualInformation(cols.a as number[], y, { estimator: 'discrete' }));
    expect(tables.get('s')!.mutualInformation()).toBeCloseTo(mutualInformation(cols.s as string[], y, { estimator: 'discrete' }), 14);
    expect(tables.get('c')!.mutualInformation()).toBe(mutualInformation(discretize(nums('c'), { bins: 10 }).codes, y, { estimator: 'discrete' }));
    // m's edges come from all its values; c's from all of c; then the pair drops m's NULL rows
    const mAll = (cols.m as (number | null)[]).filter((v) => v !== null) as number[];
    const em = discretize(mAll, { bins: 6 }).edges;
    const ec = discretize(nums('c'), { bins: 4 }).edges;
    const code = (v: number, e: Float64Array) => {
      let j = 0;
      while (j < e.length - 2 && v >= e[j + 1]) j++;
      return j;
    };
    const [m, c] = both('m', 'c');
    const want = new ContingencyTable().add(m.map((v) => code(v, em)), c.map((v) => code(v, ec)));
    expect(tables.get('m')!.toJSON()).toEqual(want.toJSON());
  });

  it('writes each dialect\'s quoting, casts and NaN test', () => {
    const pairs = [[{ name: 'we"ird`', bins: 3 }, 'y']] as const;
    const pg = countQuery({ dialect: 'postgres', source: 'events', pairs });
    expect(pg).toContain('CAST("we""ird`" AS DOUBLE PRECISION)');
    expect(pg).toContain("<> CAST('NaN' AS DOUBLE PRECISION)");
    expect(pg).toContain('CAST(x AS TEXT)');
    const spark = countQuery({ dialect: 'spark', source: 'events', pairs });
    expect(spark).toContain('CAST(`we"ird``` AS DOUBLE)');
    expect(spark).toContain('NOT isnan(');
    const bq = countQuery({ dialect: 'bigquery', source: '`proj.ds.events`', pairs });
    expect(bq).toContain('AS FLOAT64)');
    expect(bq).toContain('NOT IS_NAN(');
    expect(bq).toContain('CAST(x AS STRING)');
    expect(countQuery({ source: 't', pairs: [['a', 'y']] })).toBe(
      'SELECT \'a\' AS feature, \'y\' AS target, CAST(x AS VARCHAR) AS x, CAST(y AS VARCHAR) AS y, n FROM (SELECT "a" AS x, "y" AS y, COUNT(*) AS n FROM t WHERE "a" IS NOT NULL AND "y" IS NOT NULL GROUP BY 1, 2) AS p0',
    );
    expect(() => countQuery({ dialect: 'oracle' as never, source: 't', pairs: [['a', 'y']] })).toThrow(/dialect must be one of/);
    expect(() => countQuery({ source: 't', pairs: [[{ name: 'a', bins: 0 }, 'y']] })).toThrow(/bins of column "a" must be an integer/);
  });
});

describe('selectFeaturesFromSql (DuckDB counting the (x_s, y, x_j) tables)', () => {
  /** The rows complete in every listed column, as one matrix, and the target. */
  function complete(names: string[]): { X: number[][]; y: unknown[] } {
    const X: number[][] = [];
    const y: unknown[] = [];
    for (let i = 0; i < N; i++) {
      const row = names.map((n) => cols[n][i]);
      if (row.some((v) => v === null) || cols.y[i] === null) continue;
      X.push(row.map((v) => (typeof v === 'string' ? ['red', 'green', 'blue'].indexOf(v) : Number(v))));
      y.push(cols.y[i]);
    }
    return { X, y };
  }

  it.each(['jmi', 'mrmr', 'cmim', 'disr', 'icap', 'cife', 'mim'] as const)(
    'selectFeaturesFromSql({ file, method: %s }) gives the picks and scores of selectFeatures on the same rows (binned in SQL as discretize)',
    async (method) => {
      const names = ['a', 'b', 's', 'c', 'm'];
      const got = await selectFeaturesFromSql({ file, target: 'y', columns: names, method, k: 5, bins: 8, base: 2 });
      const { X, y } = complete(names);
      expect(got.rows).toBe(X.length);
      const want = selectFeatures(X, y as number[], { method, k: 5, estimator: 'binned', discreteFeatures: [true, true, true, false, false], bins: 8, base: 2 });
      expect(got.selected).toEqual(want.selected);
      expect(got.names).toEqual(want.selected.map((j) => names[j]));
      for (let i = 0; i < 5; i++) {
        expect(Math.abs(got.scores[i] - want.scores[i])).toBeLessThan(1e-12);
        expect(Math.abs(got.relevance[i] - want.relevance[i])).toBeLessThan(1e-12);
      }
    },
  );

  it('selectFeaturesFromSql gives the same bits whatever order DuckDB returns the cells in (a table and the file)', async () => {
    const a = await selectFeaturesFromSql({ file, target: 'y', columns: ['a', 'b', 's'], k: 3 });
    const b = await selectFeaturesFromSql({ database: db, table: 't', target: 'y', columns: ['a', 'b', 's'], k: 3 });
    expect(b.selected).toEqual(a.selected);
    expect(b.scores).toEqual(a.scores);
  });

  it('selectFeaturesFromSql rejects a target with one class and an unknown method, naming itself', async () => {
    await expect(selectFeaturesFromSql({ query: 'SELECT 1 AS y, range AS a FROM range(5)', target: 'y' })).rejects.toThrow(/^selectFeaturesFromSql: the target has a single class/);
    await expect(selectFeaturesFromSql({ file, target: 'y', method: 'nope' as never })).rejects.toThrow(/^selectFeaturesFromSql: method must be one of/);
  });
});
