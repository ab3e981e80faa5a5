// `npm start`: a real job on the bundled wine data. Each feature is cut at its quartiles
// into 4 bins, and the plug-in MI of the binned feature with the cultivar is ranked.
import { readFileSync } from 'node:fs';
import { backend, mutualInformation, normalizedMutualInfoScore } from '../dist/index.mjs';

const file = new URL('../data/wine.csv', import.meta.url);
const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
const names = header.split(',');
const rows = lines.map((l) => l.split(','));
const target = rows.map((r) => r[names.length - 1]);

/** Quartile bin of each value: 0..3. */
function quartileBins(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = [0.25, 0.5, 0.75].map((q) => sorted[Math.floor(q * (sorted.length - 1))]);
  return values.map((v) => cut.filter((c) => v > c).length);
}

const results = names.slice(0, -1).map((name, j) => {
  const binned = quartileBins(rows.map((r) => Number(r[j])));
  return {
    feature: name,
    bits: mutualInformation(binned, target, { estimator: 'discrete', base: 2 }),
    nmi: normalizedMutualInfoScore(binned, target),
  };
});
results.sort((a, b) => b.bits - a.bits);

console.log(`wine.csv: ${rows.length} samples; MI of each quartile-binned feature with the class (backend: ${backend()})\n`);
console.log(`${'feature'.padEnd(30)} ${'MI (bits)'.padStart(9)} ${'NMI'.padStart(6)}`);
for (const r of results) console.log(`${r.feature.padEnd(30)} ${r.bits.toFixed(4).padStart(9)} ${r.nmi.toFixed(3).padStart(6)}`);
