// scripts/build-if-stale.mjs: npm start/test/demo rebuild only when dist/ is missing or older
// than a source; a fresh clone (no dist/) always builds.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OUTPUTS, staleReason } from '../scripts/build-if-stale.mjs';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutinfo-stale-'));
  const put = (f: string, t: number) => {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), '');
    utimesSync(join(dir, f), t, t);
  };
  put('src/index.ts', 1000);
  put('src/backend/wasm-bytes.generated.ts', 3000);
  put('assembly/index.ts', 1000);
  put('package.json', 1000);
  for (const o of OUTPUTS) put(o, 2000);
  return dir;
}

describe('staleReason(dir)', () => {
  it('staleReason(fresh clone) says dist/ is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutinfo-clone-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(staleReason(dir)).toBe('dist/index.mjs is missing');
  });

  it('staleReason(built tree) is null, generated files under src/ notwithstanding', () => {
    expect(staleReason(tree())).toBeNull();
  });

  it('staleReason(tree with an edited source) names it', () => {
    const dir = tree();
    utimesSync(join(dir, 'assembly/index.ts'), 2500, 2500);
    expect(staleReason(dir)).toBe('assembly changed since the last build');
    const dir2 = tree();
    utimesSync(join(dir2, 'package.json'), 2500, 2500);
    expect(staleReason(dir2)).toBe('package.json changed since the last build');
  });
});
