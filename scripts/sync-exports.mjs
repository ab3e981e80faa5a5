// Writes the browser subpaths of scripts/families.mjs into package.json "exports" (run after
// adding a family there). Leaves every other entry as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { browserExports } from './families.mjs';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const exports = {};
for (const [key, value] of Object.entries(pkg.exports)) if (!key.startsWith('./browser')) exports[key] = value;
const browser = browserExports();
// Browser subpaths go before "./package.json", so the map reads in order.
const { './package.json': pj, ...rest } = exports;
pkg.exports = { ...rest, ...browser, ...(pj !== undefined ? { './package.json': pj } : {}) };
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`package.json exports: ${Object.keys(browser).join(', ')}`);
