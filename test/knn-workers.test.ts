// One k-NN call across workers (issue 17, item 4): bit-identical to workers: 1 on both
// backends, through every search path (sorted line, 2-D grid, kd-tree), with ties.
import { describe, expect, it } from 'vitest';
import { conditionalMutualInformation, entropy, mutualInformation } from '../src/index.js';
import { BACKENDS, rng } from './support/helpers.js';
import { coreCount, poolThreads, terminateIdleWorkers } from '../src/parallel/pool.js';

const N = 1500;
const navigatorCores = () => coreCount();
const r = rng(17);
const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-300)) * Math.cos(2 * Math.PI * r());
const x = Array.from({ length: N }, gauss);
const y = x.map((v) => v + 0.7 * gauss());
const z = x.map((v) => 0.5 * v + gauss());
const rows = (d: number, from: number[]) => from.map((v, i) => Array.from({ length: d }, (_, c) => v + (c + 1) * 0.3 * Math.sin(i * (c + 3))));
const X2 = rows(2, x);
const Y2 = rows(2, y);
const tied = x.map((v) => Math.round(v * 4) / 4); // heavy ties, broken only by the noise

describe.each(BACKENDS)('workers on the %s backend give the bits of workers: 1', (backend) => {
  it.each([
    ["mutualInformation(x, y, { estimator: 'ksg' }) (2-D grid joint, sorted-line marginals)", { estimator: 'ksg' }, x, y],
    ["mutualInformation(x, y, { estimator: 'ksg', k: 9 }) (kd-tree joint: k above the grid's 7)", { estimator: 'ksg', k: 9 }, x, y],
    ["mutualInformation(x, y, { estimator: 'ksg2' })", { estimator: 'ksg2' }, x, y],
    ["mutualInformation(X2, Y2, { estimator: 'ksg' }) (4-D joint, 2-D marginals on kd-trees)", { estimator: 'ksg' }, X2, Y2],
    ["mutualInformation(X2, Y2, { estimator: 'ksg2', k: 4 })", { estimator: 'ksg2', k: 4 }, X2, Y2],
    ["mutualInformation(tied, y, { estimator: 'ksg' }) on rounded data", { estimator: 'ksg' }, tied, y],
  ])('%s', (_, opts, a, b) => {
    const one = mutualInformation(a, b, { ...opts, backend } as never);
    expect(mutualInformation(a, b, { ...opts, backend, workers: 2 } as never)).toBe(one);
    expect(mutualInformation(a, b, { ...opts, backend, workers: 3 } as never)).toBe(one);
    expect(Math.abs(one)).toBeGreaterThan(0);
  });

  it('the split really runs on worker threads (where Node has process.getBuiltinModule)', () => {
    terminateIdleWorkers();
    mutualInformation(x, y, { estimator: 'ksg', backend, workers: 2 });
    expect(poolThreads().alive).toBe(Math.min(2, navigatorCores()));
  });

  it("conditionalMutualInformation(x, y, z, { estimator: 'ksg', workers: 2 }) equals workers: 1", () => {
    const one = conditionalMutualInformation(x, y, z, { estimator: 'ksg', backend });
    expect(conditionalMutualInformation(x, y, z, { estimator: 'ksg', backend, workers: 2 })).toBe(one);
    expect(conditionalMutualInformation(X2, y, z, { estimator: 'ksg', backend, workers: 'auto', k: 5 })).toBe(
      conditionalMutualInformation(X2, y, z, { estimator: 'ksg', backend, k: 5 }),
    );
  });

  it("entropy(x, { estimator: 'kl', workers: 2 }) equals workers: 1 (1-D line, 2-D grid, 3-D tree)", () => {
    for (const s of [x, X2, rows(3, y)]) {
      expect(entropy(s, { estimator: 'kl', backend, workers: 2 })).toBe(entropy(s, { estimator: 'kl', backend }));
    }
  });
});

describe('the workers option of the k-NN estimators', () => {
  it.each([
    [() => mutualInformation(x, y, { estimator: 'ksg', workers: 0 }), /^mutualInformation: workers must be an integer in \[1, 1024\] or 'auto', got 0/],
    [() => entropy(x, { estimator: 'kl', workers: 'many' as never }), /^entropy: workers must be an integer in \[1, 1024\] or 'auto', got "many"/],
    [() => conditionalMutualInformation(x, y, z, { workers: 1.5 }), /^conditionalMutualInformation: workers must be an integer/],
  ])('a bad value throws a RangeError naming the function (%#)', (f, msg) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(msg);
  });

  it("does not apply to 'gaussian' or 'binned' (a TypeError), and 'auto' drops it where it picks no KSG", () => {
    expect(() => mutualInformation(x, y, { estimator: 'gaussian', workers: 2 } as never)).toThrow(/option "workers" does not apply to estimator 'gaussian'/);
    expect(mutualInformation([0, 1, 0, 1, 1], [0, 1, 0, 1, 0], { workers: 2 })).toBe(mutualInformation([0, 1, 0, 1, 1], [0, 1, 0, 1, 0]));
  });
});
