// The pool's edge checks, faults, thread cap, idle timeout and abort latency (issue 10, item 4).
import { afterEach, describe, expect, it } from 'vitest';
import {
  mutualInfoClassifAsync, mutualInfoRegression, mutualInfoRegressionAsync,
  mutualInformationTest, mutualInformationTestAsync,
} from '../src/index.js';
import { coreCount, killBusyWorker, poolThreads, runAsync, setPoolIdleTimeout, terminateIdleWorkers, type TaskSpec } from '../src/parallel/pool.js';
import { prepTurns, sharing } from '../src/estimators/sklearnFeatures.js';
import { checkCloneable } from '../src/parallel/options.js';
import { rng } from './support/helpers.js';

function wide(rows: number, cols: number, seed: number) {
  const r = rng(seed);
  const data = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = r();
    for (let j = 0; j < cols; j++) data[i * cols + j] = j % 3 === 0 ? y[i] + 0.5 * r() : j % 3 === 1 ? Math.round(4 * r()) : r();
  }
  return { X: { data, rows, cols }, y };
}

afterEach(() => terminateIdleWorkers());

describe('Async options are checked at the edge', () => {
  const { X, y } = wide(40, 3, 1);
  it.each([
    ['a plain object as signal', { signal: {} }, TypeError, /^mutualInfoRegressionAsync: signal must be an AbortSignal, got/],
    ['null as signal', { signal: null }, TypeError, /signal must be an AbortSignal, got null/],
    ['a string as onProgress', { onProgress: 'log' }, TypeError, /^mutualInfoRegressionAsync: onProgress must be a function, got/],
    ['workers: 1025', { workers: 1025 }, RangeError, /workers must be an integer in \[1, 1024\] or 'auto', got 1025/],
    ['workers: 2.5', { workers: 2.5 }, RangeError, /workers must be an integer in \[1, 1024\] or 'auto', got 2.5/],
    ["workers: 'all'", { workers: 'all' }, RangeError, /workers must be an integer in \[1, 1024\] or 'auto', got "all"/],
  ])('mutualInfoRegressionAsync(X, y, %s) rejects with a named error', async (_, opts, E, msg) => {
    const p = mutualInfoRegressionAsync(X, y, opts as never);
    await expect(p).rejects.toThrow(E as ErrorConstructor);
    await expect(mutualInfoRegressionAsync(X, y, opts as never)).rejects.toThrow(msg as RegExp);
  });

  it('an AbortSignal-like object (aborted, addEventListener, removeEventListener) is accepted', async () => {
    const like = { aborted: false, reason: undefined, addEventListener() {}, removeEventListener() {} };
    const got = await mutualInfoRegressionAsync(X, y, { signal: like as unknown as AbortSignal });
    expect(Array.from(got)).toEqual(Array.from(mutualInfoRegression(X, y)));
  });
});

describe('a throwing onProgress', () => {
  it('rejects the promise with its own error (the process lives on)', async () => {
    const { X, y } = wide(200, 6, 2);
    const boom = new Error('progress bar broke');
    await expect(
      mutualInfoRegressionAsync(X, y, {
        workers: 2,
        onProgress: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
    // the pool still serves the next call
    const again = await mutualInfoRegressionAsync(X, y, { workers: 2 });
    expect(Array.from(again)).toEqual(Array.from(mutualInfoRegression(X, y)));
  });
});

describe('threads: capped at the core count, idle ones terminated', () => {
  it('workers: 1024 with 200 columns runs on at most one thread per core, and they go when idle', async () => {
    const old = setPoolIdleTimeout(100);
    try {
      const { X, y } = wide(60, 200, 3);
      let most = 0;
      const got = await mutualInfoRegressionAsync(X, y, { workers: 1024, onProgress: () => (most = Math.max(most, poolThreads().alive)) });
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(coreCount());
      expect(poolThreads().alive).toBeLessThanOrEqual(coreCount());
      expect(Array.from(got)).toEqual(Array.from(mutualInfoRegression(X, y)));
      const t0 = Date.now();
      while (poolThreads().alive > 0 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
      expect(poolThreads().alive).toBe(0);
    } finally {
      setPoolIdleTimeout(old);
    }
  });
});

describe('a worker that dies mid-call', () => {
  // a discrete-discrete column on 4e5 labels: long enough to be in flight when killed
  const n = 400_000;
  const a = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 97);
  const task: TaskSpec = { name: 'featureMI', payload: { x: Float64Array.from(a), xDiscrete: true, y: a, yClasses: 97, yDiscrete: true, k: 3 } };

  it('makes that call reject with a clear error, and is replaced for the next call', async () => {
    const call = runAsync([task, task], 1);
    expect(killBusyWorker()).toBe(true);
    await expect(call).rejects.toThrow(/mutinfo worker pool: a worker exited with code \d+ while running a task; the call is abandoned and the worker replaced/);
    const small: TaskSpec = { name: 'featureMI', payload: { x: Float64Array.of(0, 1, 0, 1), xDiscrete: true, y: Int32Array.of(0, 1, 0, 1), yClasses: 2, yDiscrete: true, k: 1 } };
    expect(await runAsync([small, small], 2)).toEqual([Math.LN2, Math.LN2]);
  });
});

describe('abort during the preparation of a large call', () => {
  // The issue asks for an abort to take effect within 50 ms. On a loaded CI machine no wall
  // time can be promised, so this asserts the mechanism instead: the preparation gives the
  // event loop a turn every ~8 ms of work (and waits for the noise, drawn in a worker, without
  // blocking), and an abort is acted on at the next turn, before any more preparation runs.
  // The wall-clock latency is checked only against a generous bound.
  it('rejects at the first event-loop turn after abort(), long before the preparation would end', async () => {
    const { X, y } = wide(150_000, 12, 4); // 1.8e6 values to check and transpose, 1.2e6 normals to draw
    const ctl = new AbortController();
    const before = prepTurns.turns;
    let abortedAtTurn = -1;
    let abortedAt = 0;
    const call = mutualInfoClassifAsync(X, Array.from(y, (v) => (v < 0.5 ? 'lo' : 'hi')), { signal: ctl.signal, workers: 2 });
    // abort from a macrotask once the preparation has yielded once
    const timer = setInterval(() => {
      if (prepTurns.turns > before && abortedAtTurn < 0) {
        abortedAtTurn = prepTurns.turns;
        abortedAt = performance.now();
        ctl.abort(new Error('user pressed stop'));
      }
    }, 0);
    try {
      await expect(call).rejects.toThrow('user pressed stop');
    } finally {
      clearInterval(timer);
    }
    const latency = performance.now() - abortedAt;
    expect(abortedAtTurn).toBeGreaterThan(before);
    expect(prepTurns.turns - abortedAtTurn).toBeLessThanOrEqual(1);
    expect(latency).toBeLessThan(1000);
    // the noise task already running in a worker finishes; nothing else is handed out
    const t0 = Date.now();
    while (poolThreads().busy > 0 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(poolThreads().busy).toBe(0);
  });
});

describe('without SharedArrayBuffer (pages that are not cross-origin isolated)', () => {
  it('each batch carries its own copy of its columns and normals: the same bits', async () => {
    const { X, y } = wide(300, 9, 5);
    const want = Array.from(mutualInfoRegression(X, y, { discreteFeatures: [1, 4] }));
    sharing.enabled = false;
    try {
      expect(Array.from(mutualInfoRegression(X, y, { discreteFeatures: [1, 4], workers: 2 }))).toEqual(want);
      expect(Array.from(await mutualInfoRegressionAsync(X, y, { discreteFeatures: [1, 4], workers: 2 }))).toEqual(want);
    } finally {
      sharing.enabled = true;
    }
    expect(Array.from(mutualInfoRegression(X, y, { discreteFeatures: [1, 4], workers: 2 }))).toEqual(want);
  });
});

describe('without process.getBuiltinModule (Node < 20.16)', () => {
  it('workers falls back to the calling thread, sync and Async, with the same bits', async () => {
    const { X, y } = wide(200, 5, 6);
    const want = Array.from(mutualInfoRegression(X, y));
    const p = process as { getBuiltinModule?: unknown };
    const saved = p.getBuiltinModule;
    terminateIdleWorkers();
    p.getBuiltinModule = undefined;
    try {
      expect(Array.from(mutualInfoRegression(X, y, { workers: 2 }))).toEqual(want);
      const seen: number[] = [];
      expect(Array.from(await mutualInfoRegressionAsync(X, y, { workers: 2, onProgress: (d) => seen.push(d) }))).toEqual(want);
      expect(seen.at(-1)).toBe(5);
      expect(poolThreads().alive).toBe(0);
    } finally {
      p.getBuiltinModule = saved;
    }
  });
});

describe('a bad value found while the noise is drawn in a worker', () => {
  it('throws the same named error as one worker, and the pool serves the next call', () => {
    const { X, y } = wide(300, 4, 7);
    const bad = { ...X, data: X.data.slice() };
    bad.data[123 * 4 + 2] = NaN;
    const msg = /^mutualInfoRegression: X must not contain NaN or ±Infinity, got NaN at row 123, column 2$/;
    expect(() => mutualInfoRegression(bad, y)).toThrow(msg);
    expect(() => mutualInfoRegression(bad, y, { workers: 2 })).toThrow(msg);
    expect(Array.from(mutualInfoRegression(X, y, { workers: 2 }))).toEqual(Array.from(mutualInfoRegression(X, y)));
  });
});

describe('options that structured clone refuses (fuzz, seed 42)', () => {
  const a = [0, 1, 0, 1, 1, 0, 1, 0];
  const b = [0, 1, 1, 1, 0, 0, 1, 0];
  const fnK = (() => 1) as unknown as number;

  it("an ignored k (labels under 'auto') is left out of what the bootstrap posts: Async gives the sync numbers", async () => {
    const o = { k: fnK, method: 'g-test' as const, confidence: 0.9, bootstrap: 4 };
    const sync = mutualInformationTest(a, b, o);
    expect(await mutualInformationTestAsync(a, b, o)).toEqual(sync);
    expect(mutualInformationTest(a, b, { ...o, workers: 2 })).toEqual(sync);
  });

  it('checkCloneable names the first option structured clone refuses (the tests call it on what they post)', () => {
    expect(() => checkCloneable('someFunction', { k: 3, discrete: [true, false], base: undefined })).not.toThrow();
    expect(() => checkCloneable('someFunction', { k: 3, width: fnK })).toThrow(
      new TypeError('someFunction: width cannot be sent to a worker thread (got a function); pass numbers, strings, booleans or arrays of them'),
    );
    expect(() => checkCloneable('someFunction', { tag: Symbol.for('s') })).toThrow(/^someFunction: tag cannot be sent to a worker thread \(got Symbol\(s\)\)/);
  });

  it('a task the pool cannot post fails its own call with a named TypeError, and the next call is served (it used to wait forever)', async () => {
    const fn = () => 0;
    const tasks: TaskSpec[] = [{ name: 'bootstrapReplicates', payload: { fn: 'someFunction', x: [fn], y: [1], options: {}, seed: 0, from: 0, to: 1 } }];
    const err = await runAsync(tasks, 1).catch((e) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(String(err.message)).toMatch(/^someFunction: options or data of a task cannot be sent to a worker thread \(DataCloneError/);
    expect(poolThreads().busy).toBe(0);
    const r = await mutualInformationTestAsync(a, b, { permutations: 5 });
    expect(r).toEqual(mutualInformationTest(a, b, { permutations: 5 }));
  }, 20_000);
});
