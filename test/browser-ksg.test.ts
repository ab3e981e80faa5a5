// The k-NN estimators in the browser bundle, in headless Chromium: the wasm kd-tree and its
// flat-array JS twin give the same numbers there as in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { conditionalMutualInformation, entropy, mutualInformation } from '../src/index.js';
import { launchBrowser, serve } from './support/browser.js';
import { rng } from './support/helpers.js';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const r = rng(5);
const x = Array.from({ length: 3000 }, () => r());
const y = x.map((v) => v * v + 0.2 * r());
const z = x.map(() => r());

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import * as m from './mutinfo.browser.mjs';
const { x, y, z } = await (await fetch('./data.json')).json();
await m.init();
const rows = x.map((v, i) => [v, z[i]]);
window.result = {
  ksg: m.mutualInformation(x, y, { estimator: 'ksg' }),
  ksgJs: m.mutualInformation(x, y, { estimator: 'ksg', backend: 'js' }),
  ksg2Rows: m.mutualInformation(rows, y, { estimator: 'ksg2', backend: 'js' }),
  cmi: m.conditionalMutualInformation(x, y, z),
  kl: m.entropy(rows, { estimator: 'kl' }),
};
</script>`;

describe('k-NN estimators in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await serve(dist, { '/ksg.html': PAGE, '/data.json': JSON.stringify({ x, y, z }) }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('mutualInformation (ksg, ksg2), conditionalMutualInformation and entropy (kl) in the page equal Node to 1e-12', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/ksg.html`);
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 30_000 });
    const got = await page.evaluate(() => (window as any).result);
    expect(errors).toEqual([]);
    const rows = x.map((v, i) => [v, z[i]]);
    const want = mutualInformation(x, y, { estimator: 'ksg' });
    expect(Math.abs(got.ksg - want)).toBeLessThan(1e-12);
    expect(Math.abs(got.ksgJs - want)).toBeLessThan(1e-12);
    expect(Math.abs(got.ksg2Rows - mutualInformation(rows, y, { estimator: 'ksg2' }))).toBeLessThan(1e-12);
    expect(Math.abs(got.cmi - conditionalMutualInformation(x, y, z))).toBeLessThan(1e-12);
    expect(Math.abs(got.kl - entropy(rows, { estimator: 'kl' }))).toBeLessThan(1e-12);
    await page.close();
  });
});
