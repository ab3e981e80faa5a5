// Prints the gzipped size of the browser bundle (WASM included), the figure the README quotes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = new URL('../dist/mutinfo.browser.mjs', import.meta.url);
const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 });
console.log(`size: dist/mutinfo.browser.mjs ${(raw.length / 1024).toFixed(1)} KB, ${(gz.length / 1024).toFixed(1)} KB gzipped (WASM inlined)`);
