// Cold start (issue 17, item 5): time from a fresh process or page to the first result.
// Node: each figure comes from its own fresh `node` process, so nothing is warm. Browser:
// a fresh page in headless Chromium loads the browser bundle from a local server.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResults } from './common.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const REPS = 5;

// The child measures with performance.now(), whose origin is the process start.
const CHILD = `
const t0 = performance.now();
const m = await import(${JSON.stringify(join(dist, 'index.mjs'))});
const tImport = performance.now();
const mode = process.argv[1];
if (mode === 'init') await m.init();
const tInit = performance.now();
const small = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
const ys = small.map((v, i) => v + Math.cos(i));
m.mutualInformation(small, ys, { estimator: 'ksg' });
const tFirst = performance.now();
const n = 1e6;
const x = new Float64Array(n), y = new Float64Array(n);
let s = 7;
for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; x[i] = s / 4294967296; s = (Math.imul(s, 1664525) + 1013904223) >>> 0; y[i] = x[i] + s / 4294967296; }
const a = performance.now(); m.mutualInformation(x, y, { estimator: 'ksg' }); const big1 = performance.now() - a;
const b = performance.now(); m.mutualInformation(x, y, { estimator: 'ksg' }); const big2 = performance.now() - b;
console.log(JSON.stringify({ start: t0, import: tImport - t0, init: tInit - tImport, firstSmall: tFirst - tInit, toFirstResult: tFirst, big1, big2 }));
`;

function nodeRun(mode) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
function summarize(runs) {
  const keys = Object.keys(runs[0]);
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
}

const node = {};
for (const mode of ['lazy', 'init']) node[mode] = summarize(Array.from({ length: REPS }, () => nodeRun(mode)));

async function browserRuns() {
  let chromium, sparticuz;
  try {
    ({ chromium } = await import('playwright-core'));
    sparticuz = (await import('@sparticuz/chromium')).default;
  } catch {
    return null;
  }
  const page = `<!doctype html><script type="module">
const t0 = performance.now();
const m = await import('./mutinfo.browser.mjs');
const tImport = performance.now();
await m.init();
const tInit = performance.now();
const x = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
m.mutualInformation(x, x.map((v, i) => v + Math.cos(i)), { estimator: 'ksg' });
const tFirst = performance.now();
window.result = { scriptStart: t0, import: tImport - t0, init: tInit - tImport, firstSmall: tFirst - tInit, toFirstResult: tFirst };
</script>`;
  const types = { '.mjs': 'text/javascript', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/cold.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: [...sparticuz.args.filter((a) => a !== '--single-process'), '--disable-gpu', '--no-first-run'],
  });
  const runs = [];
  try {
    for (let i = 0; i < REPS; i++) {
      // A fresh context per run: no HTTP or compiled-code cache carries over.
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`http://127.0.0.1:${server.address().port}/cold.html`);
      await p.waitForFunction(() => window.result !== undefined, null, { timeout: 60_000 });
      runs.push(await p.evaluate(() => window.result));
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return summarize(runs);
}
const browser = await browserRuns();

const f = (v) => (v == null ? '-' : v.toFixed(1));
console.log('\ncold start: medians of 5 fresh processes / pages, ms (KSG 1-D, N = 1e3 first, then 1e6 twice)');
console.log('where              start→script  import  init  first call  to first result  1e6 first  1e6 second  ratio');
for (const [mode, r] of Object.entries(node)) {
  console.log(
    `node (${mode.padEnd(4)})        ${f(r.start).padStart(12)}  ${f(r.import).padStart(6)}  ${f(r.init).padStart(4)}  ${f(r.firstSmall).padStart(10)}  ${f(r.toFirstResult).padStart(15)}  ${f(r.big1).padStart(9)}  ${f(r.big2).padStart(10)}  ${(r.big1 / r.big2).toFixed(2)}x`,
  );
}
if (browser) {
  console.log(
    `chromium page      ${f(browser.scriptStart).padStart(12)}  ${f(browser.import).padStart(6)}  ${f(browser.init).padStart(4)}  ${f(browser.firstSmall).padStart(10)}  ${f(browser.toFirstResult).padStart(15)}  ${'-'.padStart(9)}  ${'-'.padStart(10)}      -`,
  );
} else console.log('chromium page: playwright-core or @sparticuz/chromium not installed, skipped');
writeResults('coldstart', { node, browser });
