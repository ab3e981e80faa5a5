// The built package loads as a user installs it: import and require from another folder.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the built package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mutinfo-consumer-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'mutinfo'), 'dir');
  });

  it("import('mutinfo') works from another folder (ESM) and uses wasm", () => {
    writeFileSync(
      join(dir, 'esm.mjs'),
      `import { mutualInfoScore, backend } from 'mutinfo';
       console.log(JSON.stringify([backend(), mutualInfoScore([0, 0, 1, 1], [0, 0, 1, 1], { base: 2 })]));`,
    );
    const out = execFileSync(process.execPath, ['esm.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['wasm', 1]);
  });

  it("require('mutinfo') works from another folder (CJS)", () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const m = require('mutinfo');
       console.log(JSON.stringify([m.backend(), m.entropy(['a', 'b', 'c', 'd'], { base: 2 })]));`,
    );
    const out = execFileSync(process.execPath, ['cjs.cjs'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['wasm', 2]);
  });
});
