import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The audit's four calls, each in a fresh Node process on the built package (dist/, made by
// `npm test`'s pretest build): a fresh process is where each first grew memory with scratch
// views live. Each prints the wasm and the js backend's value; the js one is the truth.
const DIST = new URL('../dist/index.mjs', import.meta.url).href;
const CALLS = {
  nmi: `const t = Array.from({ length: 6936 }, (_, i) => i % 4);
        const p = Int32Array.from(t, (v, i) => (i % 17 ? v : -1));
        out = [m.normalizedMutualInfoScore(p, t), m.normalizedMutualInfoScore(p, t, { backend: 'js' })];`,
  mi: `const a = Int32Array.from({ length: 6936 }, (_, i) => i % 5);
       out = [m.mutualInfoScore(a, Int32Array.from(a)), m.mutualInfoScore(a, Int32Array.from(a), { backend: 'js' })];`,
  entropyHigh: `const x = Int32Array.from({ length: 13872 }, (_, i) => 100000 + (i % 5));
                out = [m.entropy(x), m.entropy(x, { backend: 'js' })];`,
  entropyNegative: `const x = Int32Array.from({ length: 13872 }, (_, i) => -8190 + (i % 1255));
                    out = [m.entropy(x), m.entropy(x, { backend: 'js' })];
                    const u = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i * 1.7) + i / 3000);
                    const v = u.map((e, i) => e + Math.cos(i * 2.3));
                    out.push(m.mutualInformation(u, v, { estimator: 'ksg' }), m.mutualInformation(u, v, { estimator: 'ksg', backend: 'js' }));`,
};

function run(body: string): number[] {
  const script = `const m = await import(${JSON.stringify(DIST)}); let out; ${body} console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('the audit calls, each in a fresh process', () => {
  it.each(Object.entries(CALLS))('%s: wasm equals js', (_, body) => {
    const out = run(body);
    for (let i = 0; i < out.length; i += 2) {
      expect(out[i]).toBeGreaterThan(0);
      expect(Math.abs(out[i] - out[i + 1])).toBeLessThan(1e-12);
    }
  });
});
