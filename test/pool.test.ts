import { describe, expect, it } from 'vitest';
import { mutualInfoScore } from '../src/index.js';
import { runAsync, runSync, type TaskSpec } from '../src/parallel/pool.js';
import { randomLabels } from './support/helpers.js';

const pairs = Array.from({ length: 6 }, (_, j) => {
  const a = Int32Array.from(randomLabels(3000, 5 + j, 10 + j));
  const b = a.map((v, i) => (i % (j + 2) === 0 ? v : (v * 3 + i) % 7));
  return { a, b };
});
// Discrete feature against discrete target: the plug-in MI of the pair.
const task = (p: { a: Int32Array; b: Int32Array }) => ({
  x: Float64Array.from(p.a),
  xDiscrete: true,
  y: p.b,
  yClasses: 8,
  yDiscrete: true,
  k: 3,
});
const tasks: TaskSpec[] = pairs.map((p) => ({ name: 'featureMI', payload: task(p) }));
const direct = pairs.map((p) => mutualInfoScore(p.a, p.b));

describe('worker pool', () => {
  it('runSync(tasks, 2) returns each task result in order, bit-identical to the main thread', () => {
    expect(runSync(tasks, 2)).toEqual(direct);
  });

  it('runAsync(tasks, 2, onProgress) resolves the same values and reports progress', async () => {
    const seen: number[] = [];
    const r = await runAsync(tasks, 2, (done, total) => {
      expect(total).toBe(tasks.length);
      seen.push(done);
    });
    expect(r).toEqual(direct);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('runAsync with an aborted signal rejects with its reason', async () => {
    const c = new AbortController();
    c.abort(new Error('stop'));
    await expect(runAsync(tasks, 2, undefined, c.signal)).rejects.toThrow('stop');
  });

  it('an error inside a worker task surfaces with its class and message', async () => {
    const bad: TaskSpec[] = [{ name: 'featureMI', payload: { ...task(pairs[0]), x: Float64Array.of(1, NaN, 2) } }];
    expect(() => runSync(bad, 1)).toThrow(TypeError);
    await expect(runAsync(bad, 1)).rejects.toThrow(/must not contain null, undefined or NaN/);
  });
});
