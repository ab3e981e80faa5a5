// After tsc has written every declaration to dist/types: keeps only those the public entry
// points reach (index, the browser core, the browser families), so the package ships no
// types of the CLI or other internals, and copies them to dist/types-cjs under a package.json
// of type "commonjs". TypeScript reads a .d.ts as ESM or CJS by the nearest package.json, so
// `require('mutinfo')` in a node16/nodenext CommonJS project needs that second copy (without
// it: TS1479, "the referenced file is an ECMAScript module").
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_FAMILIES } from './families.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = join(root, 'dist/types');
const entries = ['index.d.ts', 'browser.generated.d.ts', ...BROWSER_FAMILIES.map((f) => `${f.dir}/index.d.ts`)];

/** Every declaration file reachable from the entries through relative imports. */
function reachable() {
  const seen = new Set();
  const todo = entries.map((e) => join(types, e));
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`pack-types: ${relative(root, file)} is missing (did tsc run?)`);
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const spec = m[1].replace(/\.js$/, '');
      const base = resolve(dirname(file), spec);
      todo.push(existsSync(`${base}.d.ts`) ? `${base}.d.ts` : join(base, 'index.d.ts'));
    }
  }
  return seen;
}

function prune(dir, keep) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      prune(p, keep);
      if (readdirSync(p).length === 0) rmdirSync(p);
    } else if (!keep.has(p)) {
      rmSync(p);
    }
  }
}

const keep = reachable();
prune(types, keep);
const cjs = join(root, 'dist/types-cjs');
rmSync(cjs, { recursive: true, force: true });
cpSync(types, cjs, { recursive: true });
writeFileSync(join(cjs, 'package.json'), '{ "type": "commonjs" }\n');
console.log(`types: ${keep.size} declaration files for the public entry points, ESM and CJS`);
