// The demo page (dist/demo) in real headless Chromium, used as a person would:
// pick a dataset and a target, read the charts, upload bad files, cancel a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as mutinfo from '../src/index.js';
import { launchBrowser, serve } from './support/browser.js';
import { rng } from './support/helpers.js';

const root = fileURLToPath(new URL('../dist/demo', import.meta.url));
const artifacts = fileURLToPath(new URL('./artifacts', import.meta.url));

/** wine.csv read plainly (no quotes in it): 13 feature columns and the class. */
function wine() {
  const [head, ...rows] = readFileSync(new URL('../data/wine.csv', import.meta.url), 'utf8').trim().split('\n');
  const names = head.split(',');
  const cells = rows.map((r) => r.split(',').map(Number));
  return { features: names.slice(0, -1), X: cells.map((r) => r.slice(0, -1)), y: cells.map((r) => r[r.length - 1]) };
}

/** A CSV that keeps the worker busy for a while: correlated Gaussian-ish columns. */
function bigCsv(rows: number, cols: number): string {
  const r = rng(7);
  const lines = [Array.from({ length: cols }, (_, j) => `v${j}`).join(',')];
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    lines.push(Array.from({ length: cols }, () => (acc = 0.7 * acc + r() - 0.5).toFixed(6)).join(','));
  }
  return lines.join('\n');
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Drops a file on the drop zone, as dragging it from the desktop does. */
async function drop(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/csv' }));
      return dt;
    },
    [name, text],
  );
  await page.dispatchEvent('#drop', 'drop', { dataTransfer });
}

/** Waits for the charts; if the page shows an error instead, fails with its text. */
async function charts(page: Page): Promise<void> {
  await page.locator('svg.bars, #error:not([hidden])').first().waitFor({ timeout: 60_000 });
  if (await page.locator('#error').isVisible()) {
    throw new Error(`the page shows an error instead of charts: ${await page.locator('#error-text').textContent()}`);
  }
}

async function errorText(page: Page): Promise<string> {
  await page.locator('#error').waitFor({ state: 'visible', timeout: 20_000 });
  return (await page.locator('#error-text').textContent()) ?? '';
}

describe('demo page in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let page: Page;
  const offsite: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, url } = await serve(root));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => {
      // blob: URLs are the library's own pool workers, made from the worker script chunk.
      if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) offsite.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(url);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("wine, target 'class': the top 3 bars are mutualInfoClassif's top 3 in Node, with the same values", async () => {
    await page.selectOption('#dataset', 'wine');
    await page.waitForFunction(() => !(document.getElementById('target') as HTMLSelectElement).disabled);
    await page.selectOption('#target', 'class');
    await charts(page);

    const bars = await page.$$eval('svg.bars .bar', (gs) =>
      gs.map((g) => ({ feature: g.getAttribute('data-feature'), nats: Number(g.getAttribute('data-nats')) })),
    );
    const { features, X, y } = wine();
    const mi = Array.from(mutinfo.mutualInfoClassif(X, y, { nNeighbors: 3, randomState: 0 }));
    const expected = features.map((feature, j) => ({ feature, nats: mi[j] })).sort((a, b) => b.nats - a.nats);
    expect(bars.slice(0, 3).map((b) => b.feature)).toEqual(expected.slice(0, 3).map((e) => e.feature));
    // The page runs the same library on the same numbers, so the values agree, not only the order.
    expect(bars.length).toBe(13);
    for (const b of bars) expect(Math.abs(b.nats - mi[features.indexOf(b.feature!)])).toBeLessThan(1e-12);
    expect(await page.locator('#ranking-caption').textContent()).toContain('mutualInfoClassif, k = 3');

    const meta = (await page.locator('#meta').textContent()) ?? '';
    expect(meta).toContain('backend wasm');
    expect(meta).toMatch(/total \d+\.\d ms/);
  });

  it('wine: the heatmap has 14 × 14 cells, and hovering one shows the pair and its MI as in Node', async () => {
    expect(await page.locator('#heatmap-error').count()).toBe(0);
    expect(await page.locator('svg.heatmap rect.cell').count()).toBe(14 * 14);
    expect(await page.locator('svg.heatmap rect.cell.diag').count()).toBe(14);

    const { features, X, y } = wine();
    const flav = features.indexOf('flavanoids');
    await page.hover(`svg.heatmap rect.cell[data-i="${flav}"][data-j="13"]`);
    const tip = (await page.locator('#tooltip').textContent()) ?? '';
    const bits = mutinfo.mutualInformation(X.map((r) => r[flav]), y, { estimator: 'auto', base: 2 });
    expect(tip).toContain('flavanoids × class');
    expect(tip).toContain(`${bits.toFixed(3)} bits`);

    mkdirSync(artifacts, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${artifacts}/demo.png`, fullPage: true });
  });

  it('the units toggle shows the same ranking in nats: bits × ln 2', async () => {
    expect(await page.locator('svg.bars').count()).toBe(1);
    const bits = Number(await page.locator('svg.bars .bar .value').first().textContent());
    await page.click('text=nats');
    const nats = Number(await page.locator('svg.bars .bar .value').first().textContent());
    expect(nats).toBeCloseTo(bits * Math.LN2, 2);
    expect(await page.locator('#ranking-caption').textContent()).toContain('in nats');
    await page.click('text=bits');
  });

  it("wine: the select view lists selectFeatures' picks in order, with relevance and redundancy as in Node", async () => {
    const { features, X, y } = wine();
    const picks = async () => {
      await page.locator('#status', { hasText: 'features selected' }).waitFor({ timeout: 60_000 });
      return page.$$eval('#select-table tr.pick', (rows) =>
        rows.map((r) => ({ feature: r.getAttribute('data-feature'), score: Number(r.getAttribute('data-score')), relevance: Number(r.getAttribute('data-relevance')) })),
      );
    };
    const opts = { nNeighbors: 3, randomState: 0, discreteFeatures: false };
    const jmi = mutinfo.selectFeatures(X, y, { method: 'jmi', k: 5, ...opts });
    const shown = await picks();
    expect(shown.map((p) => p.feature)).toEqual(jmi.selected.map((j) => features[j]));
    shown.forEach((p, i) => {
      expect(Math.abs(p.score - jmi.scores[i])).toBeLessThan(1e-12);
      expect(Math.abs(p.relevance - jmi.relevance[i])).toBeLessThan(1e-12);
    });
    // The second pick's redundancy is its MI with the first, as mutualInformation gives it.
    const [a, b] = jmi.selected;
    const red = mutinfo.mutualInformation(X.map((r) => r[b]), X.map((r) => r[a]), { estimator: 'auto', base: 2 });
    const cell = (await page.locator('#select-table tr.pick').nth(1).locator('td').nth(4).textContent()) ?? '';
    expect(cell).toContain(features[a]);
    expect(Number(cell.split(' ')[0])).toBeCloseTo(red, 2);

    await page.fill('#select-k', '3');
    await page.selectOption('#select-method', 'mrmr');
    await page.locator('#select-caption', { hasText: "method: 'mrmr', k: 3" }).waitFor({ timeout: 60_000 });
    const mrmr = mutinfo.selectFeatures(X, y, { method: 'mrmr', k: 3, ...opts });
    expect((await picks()).map((p) => p.feature)).toEqual(mrmr.selected.map((j) => features[j]));
    await page.selectOption('#select-method', 'jmi');
    await page.locator('#select-caption', { hasText: "method: 'jmi', k: 3" }).waitFor({ timeout: 60_000 });
  });

  it('a CSV with text columns: text target, text feature as discrete, ranked as mutualInfoClassif in Node', async () => {
    const [head, ...rows] = readFileSync(new URL('../data/iris.csv', import.meta.url), 'utf8').trim().split('\n');
    const names = ['setosa', 'versicolor', 'virginica'];
    const cells = rows.map((r) => r.split(',').map(Number));
    const size = cells.map((r) => (r[2] > 4 ? 'long' : 'short'));
    const species = cells.map((r) => names[r[4]]);
    const csv = [`${head.split(',').slice(0, 4).join(',')},petal,species`]
      .concat(cells.map((r, i) => `${r.slice(0, 4).join(',')},${size[i]},${species[i]}`))
      .join('\n');
    await upload(page, 'iris-text.csv', csv);
    // The previous run's charts are still on the page until this one ends: wait for its status.
    await page.locator('#status', { hasText: 'Done: iris-text.csv' }).waitFor({ timeout: 60_000 });
    await charts(page);
    expect(await page.locator('#target').inputValue()).toBe('species');
    expect(await page.locator('#ranking-caption').textContent()).toContain('1 text feature as discrete');

    const X = cells.map((r, i) => [...r.slice(0, 4), size[i] === 'long' ? 0 : 1]);
    const mi = mutinfo.mutualInfoClassif(X, species, { nNeighbors: 3, randomState: 0, discreteFeatures: [4] });
    const features = [...head.split(',').slice(0, 4), 'petal'];
    const bars = await page.$$eval('svg.bars .bar', (gs) => gs.map((g) => [g.getAttribute('data-feature'), Number(g.getAttribute('data-nats'))]));
    expect(bars.length).toBe(5);
    for (const [feature, nats] of bars) expect(Math.abs((nats as number) - mi[features.indexOf(feature as string)])).toBeLessThan(1e-12);
    expect(await page.locator('svg.heatmap rect.cell').count()).toBe(6 * 6);
  });

  it('progress is determinate, and Cancel stops a long run; the next run still works', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { seen: number[] };
      w.seen = [];
      const bar = document.getElementById('progress') as HTMLProgressElement;
      new MutationObserver(() => w.seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    await upload(page, 'big.csv', bigCsv(20_000, 16));
    // Three steps into the run (of 15 columns and 120 pairs), or the run ended: it must not have.
    await page.waitForFunction(
      () =>
        (window as unknown as { seen: number[] }).seen.filter((v) => v > 0 && v < 1).length >= 3 ||
        !document.getElementById('error')!.hidden ||
        document.getElementById('status')!.textContent!.startsWith('Done: big.csv'),
      null,
      { timeout: 60_000 },
    );
    expect(await page.locator('#error').isVisible()).toBe(false);
    expect(await page.locator('svg.bars').count()).toBe(0);
    await page.click('#cancel');
    const seen: number[] = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen.every((v, i) => v >= 0 && v <= 1 && (i === 0 || v >= seen[i - 1] || v === 0))).toBe(true);
    expect(new Set(seen.filter((v) => v > 0 && v < 1)).size).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#status').textContent()).toContain('Cancelled');
    expect(await page.locator('#cancel').isDisabled()).toBe(true);
    // Nothing from the cancelled run turns up later.
    await page.waitForTimeout(1000);
    expect(await page.locator('svg.bars').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toContain('Cancelled');

    await page.selectOption('#dataset', 'wine');
    await charts(page);
    expect(await page.locator('svg.bars .bar').count()).toBe(13);
  });

  it('a malformed CSV dropped on the page shows a readable message, and no charts', async () => {
    await drop(page, 'broken.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    expect(await errorText(page)).toBe(
      'Line 3 has 2 fields, but the header has 3: the CSV is malformed (a missing delimiter or an unbalanced quote?)',
    );
    expect(await page.locator('svg.bars').count()).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(await page.locator('#error-title').textContent()).toBe('Cannot analyse broken.csv');
  });

  it('a single-column CSV, an empty target and a binary file each show a readable message', async () => {
    await upload(page, 'one.csv', 'height\n1\n2\n3\n');
    expect(await errorText(page)).toContain('The CSV has a single column ("height")');
    await upload(page, 'empty-target.csv', 'a,b,y\n1,2,\n3,4,\n5,6,\n');
    expect(await errorText(page)).toBe('The target column "y" is empty: pick a column that has values');
    await upload(page, 'photo.csv', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    expect(await errorText(page)).toBe('This is not a text CSV file (it contains binary data)');
  });

  it('a stray token in a numeric column: the CLI\'s note, and the CLI\'s MI for the pair', async () => {
    const r = rng(7);
    const rows = Array.from({ length: 60 }, (_, i) => {
      const x = r() * 4;
      return [i === 50 ? 'oops' : x.toFixed(4), (x + r()).toFixed(4), String(i % 3)];
    });
    const text = `x,y,g\n${rows.map((row) => row.join(',')).join('\n')}\n`;
    await upload(page, 'stray.csv', text);
    await page.waitForFunction(() => !(document.getElementById('target') as HTMLSelectElement).disabled);
    await page.selectOption('#target', 'g');
    await charts(page);
    expect(await page.locator('#notes').textContent()).toBe('column "x" is numeric except line 52: "oops"; read as missing.');
    await page.hover('svg.heatmap rect.cell[data-i="0"][data-j="1"]');
    const tip = (await page.locator('#tooltip').textContent()) ?? '';
    expect(tip).toContain('1 row with a missing cell dropped');
    const x = rows.filter((_, i) => i !== 50).map((row) => Number(row[0]));
    const y = rows.filter((_, i) => i !== 50).map((row) => Number(row[1]));
    const bits = mutinfo.mutualInformation(Float64Array.from(x), Float64Array.from(y), { estimator: 'auto', base: 2 });
    expect(tip).toContain(`${bits.toFixed(3)} bits`);
    await page.mouse.move(0, 0);
  });

  it('the page made no requests off 127.0.0.1 and threw no errors', () => {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
