// A Vite app that imports 'mutinfo' with no configuration at all (no WASM plugin, no
// asset rule) builds, and runs in Chromium on wasm, on the page and in a module Worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { mutualInfoScore } from '../src/index.js';
import { launchBrowser, serve } from './support/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const a = [0, 0, 1, 1, 2, 2, 0, 1, 2, 2];
const b = ['x', 'x', 'y', 'y', 'z', 'z', 'y', 'y', 'z', 'x'];

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><meta charset="utf-8"><script type="module" src="./main.js"></script>',
  'main.js': `import { init, backend, mutualInfoScore } from 'mutinfo';
const a = ${JSON.stringify(a)}, b = ${JSON.stringify(b)};
await init();
const page = { backend: backend(), mi: mutualInfoScore(a, b) };
const w = new Worker(new URL('./mi.worker.js', import.meta.url), { type: 'module' });
w.onmessage = (e) => { window.result = { page, worker: e.data }; };
w.postMessage({ a, b });`,
  'mi.worker.js': `import { backend, mutualInfoScore } from 'mutinfo';
onmessage = (e) => postMessage({ backend: backend(), mi: mutualInfoScore(e.data.a, e.data.b) });`,
};

describe('mutinfo in a Vite app with no configuration', () => {
  let dir: string;
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mutinfo-vite-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'mutinfo'), 'dir');
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: 'out' } });
    ({ server, url } = await serve(join(dir, 'out')));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('vite build emits no .wasm file: the WASM travels inside the JS', () => {
    const files = readdirSync(join(dir, 'out', 'assets'));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.wasm'))).toEqual([]);
  });

  it('mutualInfoScore(a, b) in the built page and its Worker equals mutualInfoScore in Node, on wasm', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => (window as any).result);
    expect(errors).toEqual([]);
    const node = mutualInfoScore(a, b);
    expect(r.page.backend).toBe('wasm');
    expect(r.worker.backend).toBe('wasm');
    expect(Math.abs(r.page.mi - node)).toBeLessThan(1e-12);
    expect(Math.abs(r.worker.mi - node)).toBeLessThan(1e-12);
    await page.close();
  });
});

// The browser bundles' size budget (the core entry with every chunk it loads) is in
// test/package-types.test.ts, with the other size budgets.
