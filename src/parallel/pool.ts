// A pool of workers that run named tasks (src/parallel/tasks.ts) on their own WASM
// instances, sharing the compiled module. Node uses worker_threads, browsers Web
// Workers; both run the same inlined worker bundle, so no file is loaded. Tasks carry
// pool-wide ids, so concurrent calls never see each other's results.
import { WORKER_SOURCE } from './worker-source.generated.js';
import { compiledModule } from '../backend/wasm.js';
import type { TaskName, TaskReply, TaskRequest } from './protocol.js';

/** One task for the pool: a task name and its payload (structured-cloneable). */
export interface TaskSpec {
  name: TaskName;
  payload: unknown;
}

type WorkerThreads = typeof import('node:worker_threads');

interface Slot {
  post(msg: TaskRequest): void;
  /** Node only: the port the worker answers on, read synchronously by runSync. */
  port?: import('node:worker_threads').MessagePort;
  busy: boolean;
}

/** A call's view of its tasks: each settles through done(). */
interface Run {
  tasks: TaskSpec[];
  limit: number;
  next: number;
  running: number;
  stopped: boolean;
  done(index: number, reply: TaskReply): void;
}

function workerThreads(): WorkerThreads | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.('node:worker_threads') as WorkerThreads | undefined;
}

const slots: Slot[] = [];
const runs: Run[] = [];
const owners = new Map<number, { run: Run; index: number; slot: Slot }>();
let nextId = 0;
let wake: Int32Array | undefined;

function spawn(): Slot {
  const wt = workerThreads();
  const module = compiledModule();
  if (wt) {
    wake ??= new Int32Array(new SharedArrayBuffer(4));
    const w = new wt.Worker(WORKER_SOURCE, { eval: true });
    w.unref();
    const { port1, port2 } = new wt.MessageChannel();
    port1.on('message', route);
    port1.unref();
    w.postMessage({ type: 'init', module, port: port2, wake }, [port2]);
    return { post: (m) => w.postMessage(m), port: port1, busy: false };
  }
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined') {
    throw new Error('workers: neither worker_threads nor Web Workers are available here');
  }
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.addEventListener('message', (e: MessageEvent<TaskReply>) => route(e.data));
  w.postMessage({ type: 'init', module });
  return { post: (m) => w.postMessage(m), busy: false };
}

/** Hands idle workers the next task of any run still under its worker limit. */
function pump(): void {
  for (const slot of slots) {
    if (slot.busy) continue;
    const run = runs.find((r) => !r.stopped && r.next < r.tasks.length && r.running < r.limit);
    if (!run) return;
    const index = run.next++;
    run.running++;
    const id = nextId++;
    owners.set(id, { run, index, slot });
    slot.busy = true;
    slot.port?.ref(); // keep Node alive while a reply is due
    slot.post({ type: 'task', id, name: run.tasks[index].name, payload: run.tasks[index].payload });
  }
}

function route(reply: TaskReply): void {
  const owner = owners.get(reply.id);
  if (!owner) return;
  owners.delete(reply.id);
  owner.slot.busy = false;
  owner.slot.port?.unref();
  owner.run.running--;
  owner.run.done(owner.index, reply);
  pump();
}

function newRun(tasks: TaskSpec[], limit: number, done: Run['done']): Run {
  return { tasks, limit, next: 0, running: 0, stopped: false, done };
}

function start(run: Run, size: number): void {
  while (slots.length < size) slots.push(spawn());
  runs.push(run);
  pump();
}

function stop(run: Run): void {
  run.stopped = true;
  const i = runs.indexOf(run);
  if (i >= 0) runs.splice(i, 1);
}

function failure(r: TaskReply): Error {
  const E = r.kind === 'RangeError' ? RangeError : r.kind === 'TypeError' ? TypeError : Error;
  return new E(r.error);
}

/**
 * Runs the tasks on up to `size` workers, handing each idle worker the next task, and
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
  return new Promise((resolve, reject) => {
    let finished = 0;
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      stop(run);
      signal?.removeEventListener('abort', onAbort);
      if (err !== undefined) reject(err);
      else resolve(results);
    };
    const onAbort = () => settle(signal!.reason ?? new Error('aborted'));
    const run = newRun(tasks, size, (index, reply) => {
      if (settled) return;
      if (reply.error !== undefined) return settle(failure(reply));
      results[index] = reply.value!;
      finished++;
      onProgress?.(finished, tasks.length);
      if (finished === tasks.length) settle();
    });
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    start(run, Math.min(size, tasks.length));
  });
}

/**
 * Runs the tasks on up to `size` worker threads and blocks until all are done (Node
 * only: the main thread sleeps in Atomics.wait and reads replies synchronously).
 */
export function runSync(tasks: TaskSpec[], size: number): number[] {
  const wt = workerThreads();
  if (!wt) throw new Error('workers: a synchronous call can use workers only in Node; use the Async form');
  const results = new Array<number>(tasks.length);
  if (tasks.length === 0) return results;
  let finished = 0;
  let error: Error | undefined;
  const run = newRun(tasks, size, (index, reply) => {
    finished++;
    if (reply.error !== undefined) {
      error ??= failure(reply);
      stop(run);
    } else results[index] = reply.value!;
  });
  start(run, Math.min(size, tasks.length));
  while (run.running > 0 || (!error && finished < tasks.length)) {
    const seen = Atomics.load(wake!, 0);
    let got = false;
    for (const slot of slots) {
      let m;
      while ((m = wt.receiveMessageOnPort(slot.port!)) !== undefined) {
        got = true;
        route(m.message as TaskReply);
      }
    }
    if (!got) Atomics.wait(wake!, 0, seen, 1000);
  }
  stop(run);
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
