// `npm run bench`: runs every bench/*.mjs suite in turn (or those named on the command line).
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { machine } from './common.mjs';

const here = new URL('./', import.meta.url);
// accuracy.mjs measures accuracy, not speed: it has its own script, npm run bench:accuracy
const skip = new Set(['run.mjs', 'common.mjs', 'accuracy.mjs']);
const wanted = process.argv.slice(2);
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && !skip.has(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
const m = machine();
console.log(`mutinfo bench, ${m.date}, ${m.cpu} (${m.cores} cores), Node ${m.node}, ${m.platform}`);
for (const f of suites) await import(pathToFileURL(new URL(f, here).pathname).href);
