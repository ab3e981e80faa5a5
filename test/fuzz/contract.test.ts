// The fuzz contract over every exported function (issue 10): TypeError/RangeError naming
// the function and the argument, finite results, js = wasm to 1e-12, a time limit.
// `npm test` runs FUZZ_RUNS (default 40) cases per function with a fixed seed;
// `npm run fuzz -- --runs 20000 --seed 42` runs the long form.
import { afterAll, describe, expect, it } from 'vitest';
import { Hang, RUNS, SEED, fuzzEntry, settleWithin, tallies } from './harness.js';
import { ENTRIES, EXPORTED_FUNCTIONS } from './table.js';

describe('fuzz contract', () => {
  it('covers every exported function of src/index.ts (add an entry to test/fuzz/table.ts for a new one)', () => {
    expect(ENTRIES.map((e) => e.name).sort()).toEqual(EXPORTED_FUNCTIONS);
  });

  it('cuts off a promise that never settles as a hang, and passes values and settled promises through', async () => {
    const err = await settleWithin(new Promise(() => {}), 30).catch((e) => e);
    expect(err).toBeInstanceOf(Hang);
    expect(err.ms).toBe(30);
    await expect(settleWithin(7, 30)).resolves.toBe(7);
    await expect(settleWithin(Promise.resolve(8), 30)).resolves.toBe(8);
    await expect(settleWithin(Promise.reject(new RangeError('r')), 30)).rejects.toThrow(RangeError);
  });

  it.each(ENTRIES.map((e) => [e.name, e] as const))(
    `%s(fuzzed arguments): only named TypeError/RangeError, finite results, js = wasm (${RUNS} cases, seed ${SEED})`,
    async (_, entry) => {
      await fuzzEntry(entry);
    },
    Math.max(60_000, RUNS * 100),
  );

  afterAll(() => {
    if (!process.env.FUZZ_REPORT) return;
    const rows = [...tallies].map(([name, t]) => ({ name, ...t, slowestMs: Math.round(t.slowestMs) }));
    console.log(JSON.stringify({ runs: RUNS, seed: SEED, functions: rows }, null, 1));
  });
});
