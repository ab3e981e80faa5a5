// CI's run of `npm run bench:scale` at 1e5 rows (the 1e8 run is for an idle machine): the
// whole path works and the DuckDB engine's scores equal the in-memory path's on a slice.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

describe('npm run bench:scale at 1e5 rows', () => {
  it('ranks the generated Parquet file and cross-checks a slice: identical', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'scale', 'index.mjs'), '--rows', '100000', '--slice', '20000', '--no-write'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/mutinfo rank big\.parquet --target y: [\d.]+ s \(target ≤ 20 s\), peak RSS \d+ MiB/);
    expect(r.stdout).toMatch(/DuckDB engine and in-memory path identical/);
    // the four informative features come first
    const order = [...r.stdout.matchAll(/^\s+\d+\s+(f\d)\s/gm)].map((m) => m[1]);
    expect(order.slice(0, 4)).toEqual(['f0', 'f1', 'f2', 'f3']);
  });
});
