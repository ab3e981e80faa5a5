import { chromium } from 'playwright-core';
import sparticuz from '@sparticuz/chromium';
const [url, out, ds, hover] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: [...sparticuz.args.filter(a => a !== '--single-process'), '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', e => console.log('pageerror:', e));
await page.goto(url);
await page.selectOption('#dataset', ds);
await page.waitForSelector('svg.bars, #error:not([hidden])', { timeout: 60000 });
console.log(await page.locator('#status').textContent(), '|', await page.locator('#meta').textContent());
if (hover) { await page.hover(hover); await page.waitForTimeout(100); }
await page.screenshot({ path: out, fullPage: !hover });
await browser.close();
