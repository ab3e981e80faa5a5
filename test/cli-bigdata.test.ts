// `mutinfo rank/matrix` counted by DuckDB, `mutinfo sql` and `rank --counts`, as a user runs
// them: the built command in a subprocess, on 1e5 rows generated in the system temp folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutinfo, mutinfoJson } from './support/cli.js';

const N = 100_000;
let dir: string;
let inst: DuckDBInstance;
let con: DuckDBConnection;
const path = (f: string) => join(dir, f);

interface Ranked {
  features: { feature: string; mi: number; estimator: string; rows: number }[];
}
const byName = (r: Ranked) => Object.fromEntries(r.features.map((f) => [f.feature, f.mi]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mutinfo-cli-bigdata-'));
  inst = await DuckDBInstance.create(':memory:');
  con = await inst.connect();
  await con.run(`CREATE TABLE t AS SELECT (hash(i) % 8)::INTEGER AS y,
      ((hash(i) % 8) * 3 + hash(i, 1) % 5)::INTEGER % 16 AS a,
      (hash(i, 2) % 12)::INTEGER AS b,
      CASE WHEN i % 50 = 0 THEN NULL ELSE ((hash(i) % 8) + hash(i, 3) % 3)::INTEGER END AS m,
      (hash(i) % 8)::DOUBLE + (hash(i, 4) % 100000)::DOUBLE / 30000.0 AS c
    FROM range(${N}) t(i)`);
  await con.run(`COPY t TO '${path('data.parquet')}' (FORMAT parquet)`);
  await con.run(`COPY t TO '${path('data.csv')}' (HEADER)`);
  await con.run(`ATTACH '${path('data.duckdb')}' AS db; CREATE TABLE db.events AS SELECT * FROM t; DETACH db`);
});

afterAll(() => {
  con?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('mutinfo rank data.parquet --target y (DuckDB engine)', () => {
  it('gives the in-memory discrete scores of the same rows bit for bit, NULL rows left out per pair', () => {
    const parquet = mutinfoJson<Ranked & { engine: string }>(['rank', path('data.parquet'), '--target', 'y', '--columns', 'a,b,m']);
    expect(parquet.engine).toBe('a Parquet file, counted by DuckDB');
    const csv = mutinfoJson<Ranked>(['rank', path('data.csv'), '--target', 'y', '--columns', 'a,b,m', '--estimator', 'discrete', '-q']);
    expect(byName(parquet)).toEqual(byName(csv));
    expect(parquet.features.find((f) => f.feature === 'm')!.rows).toBe(N - N / 50);
  });

  it('bins a float column in SQL: the same score as --estimator binned in memory', () => {
    const parquet = mutinfoJson<Ranked>(['rank', path('data.parquet'), '--target', 'y', '--columns', 'c', '--bins', '12']);
    expect(parquet.features[0].estimator).toBe('binned');
    const csv = mutinfoJson<Ranked>(['rank', path('data.csv'), '--target', 'y', '--columns', 'c', '--estimator', 'binned', '--bins', '12', '--discrete', 'y', '-q']);
    expect(parquet.features[0].mi).toBe(csv.features[0].mi);
  });

  it('reads a table of a DuckDB database (--table), a --query, and a CSV with --engine duckdb', () => {
    const want = byName(mutinfoJson<Ranked>(['rank', path('data.parquet'), '--target', 'y', '--columns', 'a,b']));
    expect(byName(mutinfoJson<Ranked>(['rank', path('data.duckdb'), '--table', 'events', '--target', 'y', '--columns', 'a,b']))).toEqual(want);
    expect(byName(mutinfoJson<Ranked>(['rank', ':memory:', '--query', `SELECT a, b, y FROM '${path('data.parquet')}'`, '--target', 'y']))).toEqual(want);
    expect(byName(mutinfoJson<Ranked>(['rank', path('data.csv'), '--engine', 'duckdb', '--target', 'y', '--columns', 'a,b']))).toEqual(want);
  });

  it('mutinfo matrix data.parquet counts every pair', () => {
    const m = mutinfoJson<{ columns: string[]; mi: (number | null)[][] }>(['matrix', path('data.parquet'), '--columns', 'y,a,b']);
    const mem = mutinfoJson<{ columns: string[]; mi: (number | null)[][] }>(['matrix', path('data.csv'), '--columns', 'y,a,b', '--estimator', 'discrete', '-q']);
    expect(m.mi[0][0]).toBeNull();
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) expect(m.mi[i][j]).toBeCloseTo(mem.mi[i][j]!, 14);
  });

  it('mutinfo rank data.csv --engine duckdb reads NA, NaN and empty cells as missing, as the in-memory reader does', () => {
    // pandas' na_values are missing in both readers: the rows with one leave that pair.
    const lines = ['y,a,t,c'];
    for (let i = 0; i < 400; i++) {
      const y = i % 4;
      const a = i % 7 === 0 ? 'NA' : i % 11 === 0 ? '' : String((y * 3 + (i % 5)) % 9);
      const t = i % 13 === 0 ? 'NA' : i % 17 === 0 ? 'n/a' : ['lo', 'mid', 'hi'][(y + (i % 2)) % 3];
      const c = i % 19 === 0 ? 'NaN' : String(y + (i % 10) / 10);
      lines.push(`${y},${a},${t},${c}`);
    }
    writeFileSync(path('na.csv'), `${lines.join('\n')}\n`);
    const duck = mutinfoJson<Ranked>(['rank', path('na.csv'), '--engine', 'duckdb', '--target', 'y', '--columns', 'a,t,c', '--bins', '5']);
    // in memory: the label columns by the discrete estimator, the float column binned
    const labels = mutinfoJson<Ranked>(['rank', path('na.csv'), '--target', 'y', '--columns', 'a,t', '--estimator', 'discrete', '-q']);
    const binned = mutinfoJson<Ranked>(['rank', path('na.csv'), '--target', 'y', '--columns', 'c', '--discrete', 'y', '--estimator', 'binned', '--bins', '5', '-q']);
    const mem = { features: [...labels.features, ...binned.features] };
    const rows = (r: Ranked) => Object.fromEntries(r.features.map((f) => [f.feature, f.rows]));
    // a: 58 NA + 37 empty − 6 at multiples of 77 → 311 rows; t: 31 NA + 24 n/a − 2 at multiples of 221 → 347; c: 22 NaN → 378
    expect(rows(duck)).toEqual({ a: 311, t: 347, c: 378 });
    expect(rows(mem)).toEqual(rows(duck));
    const d = byName(duck);
    for (const [f, v] of Object.entries(byName(mem))) expect(Math.abs(d[f] - v), f).toBeLessThan(1e-12);
  });

  it('mutinfo select data.parquet (DuckDB engine) picks the columns of the in-memory select, with its scores', () => {
    type Sel = { rows: number; engine?: string; selected: { feature: string; score: number; relevance: number; kind: string }[] };
    for (const method of ['jmi', 'mrmr', 'cmim']) {
      const duck = mutinfoJson<Sel>(['select', path('data.parquet'), '--target', 'y', '--columns', 'a,b,m,c', '--bins', '12', '--method', method, '-k', '4']);
      expect(duck.engine).toBe('a Parquet file, counted by DuckDB');
      const mem = mutinfoJson<Sel>(['select', path('data.csv'), '--target', 'y', '--columns', 'a,b,m,c', '--estimator', 'binned', '--bins', '12', '--discrete', 'y', '--method', method, '-k', '4', '-q']);
      expect(duck.rows).toBe(N - N / 50);
      expect(mem.rows).toBe(duck.rows);
      expect(duck.selected.map((p) => p.feature)).toEqual(mem.selected.map((p) => p.feature));
      expect(duck.selected.map((p) => p.kind)).toEqual(mem.selected.map((p) => p.kind));
      duck.selected.forEach((p, i) => {
        expect(Math.abs(p.score - mem.selected[i].score)).toBeLessThan(1e-12);
        expect(Math.abs(p.relevance - mem.selected[i].relevance)).toBeLessThan(1e-12);
      });
    }
    const ksg = mutinfo(['select', path('data.parquet'), '--target', 'y', '--estimator', 'ksg']);
    expect(ksg.code).toBe(2);
  });

  it('refuses a k-NN estimator and a database without a table, with usage errors', () => {
    const ksg = mutinfo(['rank', path('data.parquet'), '--target', 'y', '--estimator', 'ksg']);
    expect(ksg.code).toBe(2);
    expect(ksg.stderr).toMatch(/^mutinfo: the DuckDB engine counts, so it takes --estimator discrete or binned/);
    const db = mutinfo(['rank', path('data.duckdb'), '--target', 'y']);
    expect(db.code).toBe(2);
    expect(db.stderr).toMatch(/is a DuckDB database: name a --table or a --query/);
    const col = mutinfo(['rank', path('data.parquet'), '--target', 'nope']);
    expect(col.code).toBe(1);
    expect(col.stderr).toMatch(/no column "nope" in the source/);
  });
});

describe('mutinfo rank --sample n (k-NN on uniform subsamples)', () => {
  interface Sampled {
    rows: number;
    features: { feature: string; mi: number; low: number; high: number }[];
  }
  it('reports the mean over disjoint subsamples with their spread, the same for the same --seed', () => {
    const args = ['rank', path('data.csv'), '--target', 'y', '--columns', 'a,c', '--sample', '1500', '--replicates', '4', '--seed', '3', '-q'];
    const r = mutinfoJson<Sampled>(args);
    expect(r.rows).toBe(N);
    for (const f of r.features) {
      expect(f.low).toBeLessThanOrEqual(f.high);
      expect(f.mi).toBeGreaterThan(0.5);
    }
    expect(mutinfoJson<Sampled>(args)).toEqual(r);
  });

  it('draws the rows of a Parquet file by a DuckDB reservoir sample, out of core', () => {
    const r = mutinfoJson<Sampled>(['rank', path('data.parquet'), '--target', 'y', '--columns', 'c', '--sample', '1000', '--replicates', '3', '-q']);
    expect(r.rows).toBe(3000);
    expect(r.features[0].low).toBeLessThanOrEqual(r.features[0].high);
    const table = mutinfo(['rank', path('data.parquet'), '--target', 'y', '--columns', 'c', '--sample', '1000', '--replicates', '3', '-q']);
    expect(table.stdout).toMatch(/rows of a reservoir sample drawn by DuckDB from .*data\.parquet/);
    expect(table.stdout).toMatch(/2\.5%\s+97\.5%/);
  });
});

describe('mutinfo sql, run by DuckDB, then mutinfo rank --counts', () => {
  it('the printed duckdb query, run, saved and read back, gives the scores of the DuckDB engine', async () => {
    const sql = mutinfo(['sql', '--dialect', 'duckdb', '--source', `'${path('data.parquet')}'`, '--target', 'y', '--columns', 'a,b,m,c', '--continuous', 'c', '--bins', '12']);
    expect(sql.code).toBe(0);
    const query = sql.stdout.trim().replace(/;$/, '');
    await con.run(`COPY (${query}) TO '${path('counts.csv')}' (HEADER)`);
    await con.run(`COPY (${query}) TO '${path('counts.parquet')}' (FORMAT parquet)`);
    const rows = (await con.runAndReadAll(query)).getRowObjectsJson();
    writeFileSync(path('counts.json'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const want = byName(mutinfoJson<Ranked>(['rank', path('data.parquet'), '--target', 'y', '--columns', 'a,b,m,c', '--bins', '12']));
    for (const f of ['counts.csv', 'counts.parquet', 'counts.json']) {
      const got = byName(mutinfoJson<Ranked>(['rank', '--counts', path(f), '--target', 'y']));
      expect(got).toEqual(want);
    }
  });

  it('shards of counts (the same cell in several rows) add up', () => {
    writeFileSync(path('shards.csv'), 'feature,x,y,n\nf,0,0,5\nf,1,1,5\nf,0,0,5\nf,1,1,5\nf,0,1,0\n');
    const r = mutinfoJson<Ranked>(['rank', '--counts', path('shards.csv'), '--target', 'y', '--base', '2']);
    expect(r.features).toMatchObject([{ feature: 'f', rows: 20 }]);
    expect(r.features[0].mi).toBeCloseTo(1, 15);
    const bad = mutinfo(['rank', '--counts', path('shards.csv'), path('data.csv'), '--target', 'y']);
    expect(bad.code).toBe(2);
    writeFileSync(path('bad.csv'), 'feature,x,n\nf,0,5\n');
    expect(mutinfo(['rank', '--counts', path('bad.csv'), '--target', 'y']).stderr).toMatch(/the counts need columns feature, x, y and n/);
  });

  it('mutinfo sql without --target counts every pair; mutinfo matrix --counts of its output equals mutinfo matrix data.parquet', async () => {
    const sql = mutinfo(['sql', '--source', `'${path('data.parquet')}'`, '--columns', 'y,a,b,c', '--continuous', 'c', '--bins', '12']);
    expect(sql.code).toBe(0);
    await con.run(`COPY (${sql.stdout.trim().replace(/;$/, '')}) TO '${path('pairs.csv')}' (HEADER)`);
    type M = { columns: string[]; mi: (number | null)[][]; rows: (number | null)[][] };
    const got = mutinfoJson<M>(['matrix', '--counts', path('pairs.csv')]);
    const want = mutinfoJson<M>(['matrix', path('data.parquet'), '--columns', 'y,a,b,c', '--bins', '12']);
    expect(got.columns).toEqual(['y', 'a', 'b', 'c']);
    expect(got.mi).toEqual(want.mi);
    expect(got.rows[0][1]).toBe(N);
    // a subset of the columns, and the pair written the other way round: the same table
    writeFileSync(path('swapped.csv'), 'feature,target,x,y,n\nu,v,0,0,5\nu,v,1,1,5\nv,u,0,0,5\nv,u,1,1,5\n');
    const sw = mutinfoJson<M>(['matrix', '--counts', path('swapped.csv'), '--base', '2']);
    expect(sw.mi[0][1]).toBeCloseTo(1, 14);
    expect(sw.rows[0][1]).toBe(20);
    const sub = mutinfoJson<M>(['matrix', '--counts', path('pairs.csv'), '--columns', 'a,c']);
    expect(sub.mi[0][1]).toBe(want.mi[1][3]);
    writeFileSync(path('rank-counts.csv'), 'feature,x,y,n\nf,0,0,5\n');
    const bad = mutinfo(['matrix', '--counts', path('rank-counts.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/the counts need columns feature, target, x, y and n/);
    expect(mutinfo(['matrix', '--counts', path('pairs.csv'), path('data.csv')]).code).toBe(2);
  });

  it('prints each dialect, and refuses a binning rule it cannot compute in SQL', () => {
    for (const dialect of ['postgres', 'spark', 'bigquery']) {
      const r = mutinfo(['sql', '--dialect', dialect, '--source', 'events', '--target', 'y', '--columns', 'a,c', '--continuous', 'c']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^WITH mm AS \(SELECT MIN\(/);
      expect(r.stdout).toMatch(/GROUP BY 1, 2\) AS p1;\n$/);
    }
    expect(mutinfo(['sql', '--source', 'events', '--target', 'y']).stderr).toMatch(/mutinfo sql needs --columns/);
    expect(mutinfo(['sql', '--source', 'events', '--columns', 'a']).stderr).toMatch(/mutinfo sql needs --target, or at least two --columns/);
    expect(mutinfo(['sql', '--dialect', 'oracle', '--source', 'e', '--target', 'y', '--columns', 'a']).code).toBe(2);
  });
});
