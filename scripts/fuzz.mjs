#!/usr/bin/env node
// The long fuzz run (issue 10): the suite of test/fuzz/ with many cases per exported function.
//   npm run fuzz -- --runs 20000 --seed 42 [--only mutualInformation]
// The Async forms get an onProgress that throws among their cases (FUZZ_THROWING_PROGRESS=0 leaves it out).
// FUZZ_RUNS and FUZZ_SEED work as well. The default seed is the time, printed so a failure
// can be replayed; fast-check prints the counterexample and the seed/path of a failure.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const arg = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? process.env.FUZZ_RUNS ?? 20000);
const seed = Number(arg('seed') ?? process.env.FUZZ_SEED ?? (Date.now() % 2 ** 31));
if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`fuzz: --runs must be a positive integer, got ${arg('runs')}`);
if (!Number.isInteger(seed)) throw new RangeError(`fuzz: --seed must be an integer, got ${arg('seed')}`);
const only = arg('only');
console.log(`fuzz: ${runs} cases per exported function, seed ${seed}${only ? `, only ${only}` : ''}`);
const root = fileURLToPath(new URL('..', import.meta.url));
const vitestArgs = ['vitest', 'run', 'test/fuzz/', '--reporter=verbose', ...(only ? ['-t', only] : [])];
const r = spawnSync('npx', vitestArgs, {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: String(runs),
    FUZZ_SEED: String(seed),
    FUZZ_REPORT: '1',
  },
});
process.exit(r.status ?? 1);
