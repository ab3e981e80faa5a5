// countQuery({ dialect: 'postgres' }) run by a real PostgreSQL server that the test starts
// itself (initdb in the temp folder, a Unix socket only, stopped afterwards). Where no server
// binary is installed (CI needs no system package) the suite is skipped with that reason;
// the postgres SQL text is then still checked by test/duckdb.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContingencyTable, countQuery, discretize, mutualInformation } from '../src/index.js';
import { mutinfo } from './support/cli.js';
import { randomLabels, rng } from './support/helpers.js';

/** The directory of initdb/pg_ctl/psql, or why there is none. */
function findPostgres(): { bin: string; asUser: string[] } | { skip: string } {
  const dirs = ['/usr/lib/postgresql'].filter(existsSync).flatMap((d) => readdirSync(d).map((v) => join(d, v, 'bin')));
  const bin = dirs.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (bin === undefined) return { skip: 'no PostgreSQL server binary (initdb, pg_ctl under /usr/lib/postgresql) on this machine' };
  if (!existsSync('/usr/bin/psql') && !existsSync(join(bin, 'psql'))) return { skip: 'no psql client on this machine' };
  if (process.getuid?.() !== 0) return { bin, asUser: [] };
  // PostgreSQL refuses to run as root: run it as the postgres user that the Debian package made.
  const hasUser = spawnSync('id', ['postgres']).status === 0;
  if (!hasUser || !existsSync('/usr/sbin/runuser')) return { skip: 'running as root without a postgres user to start the server as' };
  return { bin, asUser: ['/usr/sbin/runuser', '-u', 'postgres', '--'] };
}

const pg = findPostgres();
const skipReason = 'skip' in pg ? pg.skip : '';
const N = 20_000;
const PORT = String(54000 + (process.pid % 1000));
let dir = '';

function run(cmd: string, args: string[]): string {
  if ('skip' in pg) throw new Error(pg.skip);
  const [exe, ...pre] = pg.asUser.length > 0 ? [...pg.asUser, cmd] : [cmd];
  return execFileSync(exe, [...pre, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}

function psql(sql: string): string {
  const bin = (pg as { bin: string }).bin;
  const client = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : '/usr/bin/psql';
  return run(client, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', PORT, '-U', 'mutinfo', '-d', 'postgres', '-c', sql]);
}

const r = rng(31);
const y = randomLabels(N, 6, 1);
const a = y.map((v, i) => (v * 2 + (i % 3)) % 9);
const s = y.map((v) => ['red', 'green', 'blue', 'grey'][(v + Math.floor(r() * 2)) % 4]);
const c = y.map((v) => v + r() * 1.5);
/** Every 40th cell of m is NULL, every 55th NaN: both leave their pair. */
const m = y.map((v, i) => (i % 40 === 0 ? null : i % 55 === 0 ? NaN : v * 0.3 + r()));

describe.skipIf(skipReason !== '')(`countQuery run by PostgreSQL${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mutinfo-pg-'));
    chmodSync(dir, 0o777);
    const bin = (pg as { bin: string }).bin;
    run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'mutinfo', '--no-sync']);
    run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-w', '-l', join(dir, 'log'), '-o', `-k ${dir} -p ${PORT} -c listen_addresses=''`, 'start']);
    const csv = ['y,a,s,c,m', ...y.map((v, i) => `${v},${a[i]},${s[i]},${c[i]},${m[i] === null ? '' : Number.isNaN(m[i]) ? 'NaN' : m[i]}`)].join('\n');
    writeFileSync(join(dir, 'events.csv'), csv);
    chmodSync(join(dir, 'events.csv'), 0o644);
    psql('CREATE TABLE events (y integer, a integer, s text, c double precision, m double precision)');
    psql(`\\copy events FROM '${join(dir, 'events.csv')}' CSV HEADER`);
  }, 120_000);

  afterAll(() => {
    if (dir === '') return;
    try {
      run(join((pg as { bin: string }).bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts the tables of the in-memory estimators, binning c and m with discretize\'s edges', () => {
    const sql = countQuery({ dialect: 'postgres', source: 'events', pairs: [['a', 'y'], ['s', 'y'], [{ name: 'c', bins: 8 }, 'y'], [{ name: 'm', bins: 5 }, 'y']] });
    const out = psql(`COPY (${sql}) TO STDOUT WITH CSV HEADER`);
    writeFileSync(join(dir, 'counts.csv'), out);
    const tables = new Map<string, ContingencyTable>();
    const [head, ...rows] = out.trim().split('\n');
    const col = Object.fromEntries(head.split(',').map((h, i) => [h, i]));
    for (const line of rows) {
      const cells = line.split(',');
      const [f, x, yv, n] = [cells[col.feature], cells[col.x], cells[col.y], cells[col.n]];
      if (!tables.has(f)) tables.set(f, new ContingencyTable());
      const num = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v);
      tables.get(f)!.addCounts([[num(x), num(yv), Number(n)]]);
    }
    expect(tables.get('a')!.mutualInformation()).toBe(mutualInformation(a, y, { estimator: 'discrete' }));
    expect(tables.get('s')!.mutualInformation()).toBeCloseTo(mutualInformation(s, y, { estimator: 'discrete' }), 14);
    expect(tables.get('c')!.mutualInformation()).toBe(mutualInformation(discretize(c, { bins: 8 }).codes, y, { estimator: 'discrete' }));
    const keep = m.map((v) => v !== null && !Number.isNaN(v));
    const mm = m.filter((_, i) => keep[i]) as number[];
    const ym = y.filter((_, i) => keep[i]);
    expect(tables.get('m')!.total).toBe(mm.length);
    expect(tables.get('m')!.mutualInformation()).toBe(mutualInformation(discretize(mm, { bins: 5 }).codes, ym, { estimator: 'discrete' }));
  });

  it('mutinfo sql --dialect postgres, run by psql, then mutinfo rank --counts', () => {
    const q = mutinfo(['sql', '--dialect', 'postgres', '--source', 'events', '--target', 'y', '--columns', 'a,c', '--continuous', 'c', '--bins', '8']);
    expect(q.code).toBe(0);
    writeFileSync(join(dir, 'cli.csv'), psql(`COPY (${q.stdout.trim().replace(/;$/, '')}) TO STDOUT WITH CSV HEADER`));
    const ranked = mutinfo(['rank', '--counts', join(dir, 'cli.csv'), '--target', 'y', '--format', 'json']);
    expect(ranked.code).toBe(0);
    const mi = Object.fromEntries(JSON.parse(ranked.stdout).features.map((f: { feature: string; mi: number }) => [f.feature, f.mi]));
    expect(mi.a).toBe(mutualInformation(a, y, { estimator: 'discrete' }));
    expect(mi.c).toBe(mutualInformation(discretize(c, { bins: 8 }).codes, y, { estimator: 'discrete' }));
  });
});
