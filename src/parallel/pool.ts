// A pool of workers that run named tasks (src/parallel/tasks.ts) on their own WASM
// instances, sharing the compiled module. Node uses worker_threads, browsers Web
// Workers; both run the same inlined worker bundle, so no file is loaded.
import { WORKER_SOURCE } from './worker-source.generated.js';
import { compiledModule } from '../backend/wasm.js';
import type { TaskName, TaskReply, TaskRequest } from './protocol.js';

/** One task for the pool: a task name and its payload (structured-cloneable). */
export interface TaskSpec {
  name: TaskName;
  payload: unknown;
}

interface Slot {
  post(msg: unknown): void;
  /** Node only: the port the worker answers on, read synchronously in runSync. */
  port?: import('node:worker_threads').MessagePort;
  listen(fn: (r: TaskReply) => void): () => void;
}

type WorkerThreads = typeof import('node:worker_threads');

function workerThreads(): WorkerThreads | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.('node:worker_threads') as WorkerThreads | undefined;
}

const slots: Slot[] = [];
let wake: Int32Array | undefined;

function spawn(): Slot {
  const wt = workerThreads();
  const module = compiledModule();
  if (wt) {
    wake ??= new Int32Array(new SharedArrayBuffer(4));
    const w = new wt.Worker(WORKER_SOURCE, { eval: true });
    w.unref();
    const { port1, port2 } = new wt.MessageChannel();
    port1.unref();
    w.postMessage({ type: 'init', module, port: port2, wake }, [port2]);
    return {
      post: (m) => w.postMessage(m),
      port: port1,
      listen(fn) {
        const h = (r: TaskReply) => fn(r);
        port1.on('message', h);
        return () => {
          port1.off('message', h);
          port1.unref();
        };
      },
    };
  }
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined') {
    throw new Error('workers: neither worker_threads nor Web Workers are available here');
  }
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.postMessage({ type: 'init', module });
  return {
    post: (m) => w.postMessage(m),
    listen(fn) {
      const h = (e: MessageEvent<TaskReply>) => fn(e.data);
      w.addEventListener('message', h);
      return () => w.removeEventListener('message', h);
    },
  };
}

function pool(size: number): Slot[] {
  while (slots.length < size) slots.push(spawn());
  return slots.slice(0, size);
}

function failure(r: TaskReply): Error {
  const E = r.kind === 'RangeError' ? RangeError : r.kind === 'TypeError' ? TypeError : Error;
  return new E(r.error);
}

/**
 * Runs the tasks on `size` workers, handing each idle worker the next task, and
 * resolves with the results in task order. onProgress(done, total) follows each
 * result; an aborted signal stops handing out tasks and rejects with its reason.
 */
export function runAsync(
  tasks: TaskSpec[],
  size: number,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<number[]> {
  const results = new Array<number>(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  const workers = pool(Math.min(size, tasks.length));
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let finished = false;
    const stops: (() => void)[] = [];
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      stops.forEach((s) => s());
      signal?.removeEventListener('abort', onAbort);
      if (err !== undefined) reject(err);
      else resolve(results);
    };
    const onAbort = () => finish(signal!.reason ?? new Error('aborted'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    const give = (slot: Slot) => {
      if (next < tasks.length && !finished) {
        const id = next++;
        slot.post({ type: 'task', id, name: tasks[id].name, payload: tasks[id].payload } satisfies TaskRequest);
      }
    };
    for (const slot of workers) {
      stops.push(
        slot.listen((r) => {
          if (finished) return;
          if (r.error !== undefined) return finish(failure(r));
          results[r.id] = r.value!;
          done++;
          onProgress?.(done, tasks.length);
          if (done === tasks.length) finish();
          else give(slot);
        }),
      );
      give(slot);
    }
  });
}

/**
 * Runs the tasks on `size` worker threads and blocks until all are done (Node
 * only: the main thread sleeps in Atomics.wait and reads replies synchronously).
 */
export function runSync(tasks: TaskSpec[], size: number): number[] {
  const wt = workerThreads();
  if (!wt) throw new Error('workers: a synchronous call can use workers only in Node; use the Async form');
  const results = new Array<number>(tasks.length);
  if (tasks.length === 0) return results;
  const workers = pool(Math.min(size, tasks.length));
  let next = 0;
  let done = 0;
  const give = (slot: Slot) => {
    if (next < tasks.length) {
      const id = next++;
      slot.post({ type: 'task', id, name: tasks[id].name, payload: tasks[id].payload } satisfies TaskRequest);
    }
  };
  workers.forEach(give);
  let error: Error | undefined;
  while (done < tasks.length) {
    const seen = Atomics.load(wake!, 0);
    let got = false;
    for (const slot of workers) {
      let m;
      while ((m = wt.receiveMessageOnPort(slot.port!)) !== undefined) {
        got = true;
        const r = m.message as TaskReply;
        done++;
        if (r.error !== undefined) error ??= failure(r);
        else results[r.id] = r.value!;
        if (!error) give(slot);
        else next = tasks.length;
      }
    }
    if (error && done >= next) break;
    if (!got) Atomics.wait(wake!, 0, seen, 1000);
  }
  if (error) throw error;
  return results;
}

/** Number of logical cores, for `workers: 'auto'`. */
export function coreCount(): number {
  const os = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
    'node:os',
  ) as typeof import('node:os') | undefined;
  if (os) return os.availableParallelism?.() ?? os.cpus().length;
  return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
}
