// The browser bundle in real headless Chromium gives the same numbers as Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { mutualInfoScore, adjustedMutualInfoScore, mutualInfoRegression } from '../src/index.js';
import { launchBrowser, serve } from './support/browser.js';
import { randomLabels } from './support/helpers.js';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const a = randomLabels(5000, 12, 11);
const b = a.map((v, i) => (i % 4 === 0 ? v : (v * 5 + i) % 9));

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import * as m from './mutinfo.browser.mjs';
const { a, b } = await (await fetch('./data.json')).json();
const before = m.backend();
await m.init();
window.result = {
  before, after: m.backend(),
  mi: m.mutualInfoScore(a, b), miJs: m.mutualInfoScore(a, b, { backend: 'js' }),
  ami: m.adjustedMutualInfoScore(a, b),
};
</script>`;

const WORKER_PAGE = `<!doctype html><script type="module">
const w = new Worker('./worker.mjs', { type: 'module' });
w.postMessage(null);
w.onmessage = (e) => { window.result = e.data; };
</script>`;
const WORKER = `import * as m from './mutinfo.browser.mjs';
onmessage = () => postMessage({ backend: m.backend(), mi: m.mutualInfoScore([0, 0, 1, 1, 2, 2], ['a', 'a', 'b', 'b', 'c', 'c']) });`;

// A pool started from inside a module Worker: the bundle fetches the worker script's chunk
// (dist/browser/worker-source.generated-*.mjs) only then, not at import.
const POOL_X = Array.from({ length: 60 }, (_, i) => [Math.sin(i), (i * 7) % 5, Math.cos(i / 3)]);
const POOL_Y = POOL_X.map((r, i) => r[0] + 0.1 * ((i * 13) % 7));
const POOL_PAGE = `<!doctype html><script type="module">
const w = new Worker('./pool-worker.mjs', { type: 'module' });
w.postMessage(null);
w.onmessage = (e) => { window.result = e.data; };
</script>`;
const POOL_WORKER = `import * as m from './mutinfo.browser.mjs';
onmessage = async () => {
  const loaded = () => performance.getEntriesByType('resource').some((r) => /worker-source\\.generated-/.test(r.name));
  const before = loaded();
  const mi = await m.mutualInfoRegressionAsync(${JSON.stringify(POOL_X)}, ${JSON.stringify(POOL_Y)}, { workers: 2, randomState: 0 });
  postMessage({ before, after: loaded(), mi: Array.from(mi) });
};`;

describe('browser bundle in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await serve(dist, {
      '/smoke.html': PAGE,
      '/worker.html': WORKER_PAGE,
      '/worker.mjs': WORKER,
      '/pool.html': POOL_PAGE,
      '/pool-worker.mjs': POOL_WORKER,
      '/data.json': JSON.stringify({ a, b }),
    }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('mutualInfoScore in the page equals mutualInfoScore in Node, on wasm after init()', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/smoke.html`);
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => (window as any).result);
    expect(errors).toEqual([]);
    expect(r.after).toBe('wasm');
    expect(Math.abs(r.mi - mutualInfoScore(a, b))).toBeLessThan(1e-12);
    expect(Math.abs(r.miJs - mutualInfoScore(a, b))).toBeLessThan(1e-12);
    expect(Math.abs(r.ami - adjustedMutualInfoScore(a, b))).toBeLessThan(1e-10);
    await page.close();
  });

  it('the same bundle runs in a module Web Worker, with wasm ready synchronously', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/worker.html`);
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => (window as any).result);
    expect(r.backend).toBe('wasm');
    expect(r.mi).toBeCloseTo(Math.log(3), 14);
    await page.close();
  });

  it('mutualInfoRegressionAsync(X, y, {workers: 2}) in a module Web Worker fetches the worker script on first use and equals Node', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/pool.html`);
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => (window as any).result);
    expect(errors).toEqual([]);
    expect(r.before).toBe(false);
    expect(r.after).toBe(true);
    expect(r.mi).toEqual(Array.from(mutualInfoRegression(POOL_X, POOL_Y, { randomState: 0 })));
    await page.close();
  });
});
