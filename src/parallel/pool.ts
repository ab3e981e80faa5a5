// A pool of workers that run named tasks (src/parallel/tasks.ts) on their own WASM
// instances, sharing the compiled module. Node uses worker_threads, browsers Web
// Workers; both run the same worker bundle, inlined in Node's bundles and its own chunk in
// the browser bundles (workerScript.ts), so no file is named. Tasks carry pool-wide ids, so
// concurrent calls never see each other's results.
//
// Threads are capped at the core count (more gives CPU-bound work nothing and costs
// memory), idle ones are terminated after IDLE_MS, and a worker that dies mid-task
// (its `error`/`exit` event, or in a blocking call the exit flag it raises itself)
// fails that task's call with a clear error and is replaced on the next demand.
import { loadWorkerScript, workerScript } from './workerScript.js';
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
  kill(): void;
  /** Node only: the port the worker answers on, read synchronously by runSync. */
  port?: import('node:worker_threads').MessagePort;
  /** Node only: set to 1 by the worker's own exit handler, seen by a blocked runSync. */
  exited?: Int32Array;
  /** Id of the task in flight, or -1. */
  task: number;
  dead: boolean;
  idle?: ReturnType<typeof setTimeout>;
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
let idleMs = 5000;

function spawn(): Slot {
  const script = workerScript();
  if (script === undefined) {
    throw new Error('workers: the worker script is not loaded yet; in the browser bundle use the Async form');
  }
  const wt = workerThreads();
  const module = compiledModule();
  if (wt) {
    wake ??= new Int32Array(new SharedArrayBuffer(4));
    const exited = new Int32Array(new SharedArrayBuffer(4));
    const w = new wt.Worker(script, { eval: true });
    w.unref();
    const { port1, port2 } = new wt.MessageChannel();
    const slot: Slot = { post: (m) => w.postMessage(m), kill: () => void w.terminate(), port: port1, exited, task: -1, dead: false };
    port1.on('message', route);
    port1.unref();
    w.on('error', (e) => died(slot, `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`));
    w.on('exit', (code) => died(slot, `exited with code ${code}`));
    w.postMessage({ type: 'init', module, port: port2, wake, exited }, [port2]);
    return slot;
  }
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined') {
    throw new Error('workers: neither worker_threads nor Web Workers are available here');
  }
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  const w = new Worker(url);
  const slot: Slot = {
    post: (m) => w.postMessage(m),
    kill: () => {
      w.terminate(); // a Web Worker reports no exit, so say it here
      died(slot, 'was terminated');
    },
    task: -1,
    dead: false,
  };
  w.addEventListener('message', (e: MessageEvent<TaskReply>) => route(e.data));
  w.addEventListener('error', (e: ErrorEvent) => {
    e.preventDefault();
    died(slot, `threw ${e.message}`);
    w.terminate();
  });
  w.postMessage({ type: 'init', module });
  return slot;
}

/**
 * A worker is gone: drop it, and fail the task it was running (its call rejects). A
 * replacement is spawned by pump() if any call still wants workers.
 */
function died(slot: Slot, how: string): void {
  if (slot.dead) return;
  slot.dead = true;
  if (slot.idle) clearTimeout(slot.idle);
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  slot.port?.close();
  const id = slot.task;
  if (id >= 0 && owners.has(id)) {
    route({ id, error: `mutinfo worker pool: a worker ${how} while running a task; the call is abandoned and the worker replaced`, kind: 'Error' });
  } else pump();
}

/** How many worker threads (or Web Workers) are alive now, and how many are busy. */
export function poolThreads(): { alive: number; busy: number } {
  return { alive: slots.length, busy: slots.filter((s) => s.task >= 0).length };
}

/**
 * Sets how long an idle worker lives before it is terminated (ms, default 5000), and
 * returns the previous value. Idle workers cost memory (a WASM instance each) but no CPU.
 */
export function setPoolIdleTimeout(ms: number): number {
  const old = idleMs;
  idleMs = ms;
  return old;
}

/** Terminates every idle worker now (busy ones finish their task first, then idle out). */
export function terminateIdleWorkers(): void {
  for (const s of slots.slice()) if (s.task < 0) retire(s);
}

/** Test hook for the fault tests: terminates one busy worker, as a crash would. Returns false if none is busy. */
export function killBusyWorker(): boolean {
  const s = slots.find((x) => x.task >= 0);
  if (!s) return false;
  s.kill();
  return true;
}

function retire(slot: Slot): void {
  if (slot.dead) return;
  slot.dead = true;
  if (slot.idle) clearTimeout(slot.idle);
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  slot.port?.close();
  slot.kill();
}

function idleLater(slot: Slot): void {
  if (slot.idle) clearTimeout(slot.idle);
  slot.idle = setTimeout(() => {
    if (slot.task < 0) retire(slot);
  }, idleMs);
  (slot.idle as { unref?: () => void }).unref?.();
}

/** Largest number of threads the pool keeps: one per core. */
export function maxPoolThreads(): number {
  return Math.max(1, coreCount());
}

/** Hands idle workers the next task of any run still under its worker limit, spawning up to the demand. */
function pump(): void {
  let want = 0;
  for (const r of runs) if (!r.stopped) want = Math.max(want, Math.min(r.limit, r.running + r.tasks.length - r.next));
  want = Math.min(want, maxPoolThreads());
  while (slots.length < want) slots.push(spawn());
  let retry = false;
  for (const slot of slots) {
    if (slot.task >= 0) continue;
    const run = runs.find((r) => !r.stopped && r.next < r.tasks.length && r.running < r.limit);
    if (!run) break;
    const index = run.next++;
    run.running++;
    const id = nextId++;
    owners.set(id, { run, index, slot });
    slot.task = id;
    if (slot.idle) clearTimeout(slot.idle);
    slot.port?.ref(); // keep Node alive while a reply is due
    try {
      slot.post({ type: 'task', id, name: run.tasks[index].name, payload: run.tasks[index].payload });
    } catch (e) {
      // The post failed before the worker saw anything (a payload structured clone refuses).
      // Hand the slot back and fail only this call: left as it was, the slot would stay busy
      // with a task no reply ever ends, and every later call would wait for it forever.
      owners.delete(id);
      slot.task = -1;
      slot.port?.unref();
      run.running--;
      run.done(index, { id, error: unsent(run.tasks[index], e), kind: 'TypeError' });
      retry = true;
    }
  }
  // the freed slot may be wanted by another run that this pass has already skipped it for
  if (retry) return pump();
  for (const slot of slots) if (slot.task < 0) idleLater(slot);
}

/**
 * The message of a task that could not be posted, named after the public function when the
 * payload says which (the edge checks options first, so this is a last resort).
 */
function unsent(task: TaskSpec, e: unknown): string {
  const p = task.payload as { fn?: unknown; spec?: { fn?: unknown } } | null;
  const fn = typeof p?.fn === 'string' ? p.fn : typeof p?.spec?.fn === 'string' ? p.spec.fn : 'mutinfo worker pool';
  const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `${fn}: options or data of a task cannot be sent to a worker thread (${why})`;
}

function route(reply: TaskReply): void {
  const owner = owners.get(reply.id);
  if (!owner) return;
  owners.delete(reply.id);
  owner.slot.task = -1;
  owner.slot.port?.unref();
  owner.run.running--;
  owner.run.done(owner.index, reply);
  pump();
}

function newRun(tasks: TaskSpec[], limit: number, done: Run['done']): Run {
  return { tasks, limit, next: 0, running: 0, stopped: false, done };
}

function start(run: Run): void {
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
 * Runs the tasks on up to `size` workers (at most one per core), handing each idle worker
 * the next task, and resolves with the results in task order. onProgress(done, total,
 * index) follows each result (index: the task just finished); if it throws, the promise rejects with that error. An aborted
 * signal stops handing out tasks and rejects with its reason; so does a worker that dies.
 */
export function runAsync<T = number>(
  tasks: TaskSpec[],
  size: number,
  onProgress?: (done: number, total: number, index: number) => void,
  signal?: AbortSignal,
): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
  if (tasks.length === 0) return Promise.resolve(results);
  // Node's bundles have the worker script at once, so the run starts now; the browser
  // bundles fetch its chunk first.
  if (workerScript() !== undefined) return runLoaded(tasks, size, results, onProgress, signal);
  return loadWorkerScript().then(() => runLoaded(tasks, size, results, onProgress, signal));
}

/** runAsync once the worker script is at hand. */
function runLoaded<T>(
  tasks: TaskSpec[],
  size: number,
  results: T[],
  onProgress?: (done: number, total: number, index: number) => void,
  signal?: AbortSignal,
): Promise<T[]> {
  if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
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
    const run = newRun(tasks, Math.max(1, size), (index, reply) => {
      if (settled) return;
      if (reply.error !== undefined) return settle(failure(reply));
      results[index] = reply.value as T;
      finished++;
      try {
        onProgress?.(finished, tasks.length, index);
      } catch (e) {
        return settle(e ?? new Error('onProgress threw'));
      }
      if (finished === tasks.length) settle();
    });
    signal?.addEventListener('abort', onAbort);
    start(run);
  });
}

/** True where the pool can start workers at all (worker_threads, or Web Workers with Blob URLs). */
export function poolAvailable(): boolean {
  return workerThreads() !== undefined || (typeof Worker !== 'undefined' && typeof Blob !== 'undefined');
}

/** True where a synchronous call can block on worker threads (Node ≥ 20.16 with process.getBuiltinModule). */
export function canRunSync(): boolean {
  return workerThreads() !== undefined;
}

/**
 * Runs the tasks on up to `size` worker threads (at most one per core) and blocks until
 * all are done (Node only: the main thread sleeps in Atomics.wait and reads replies
 * synchronously). A worker that exits mid-task raises a shared flag before it goes, so
 * the call throws instead of waiting forever.
 */
export function runSync<T = number>(tasks: TaskSpec[], size: number): T[] {
  return startSync<T>(tasks, size).wait();
}

/**
 * Starts the tasks now and returns `wait()`, which blocks until they are done (as
 * runSync), so the caller can work meanwhile. Node only. A run nobody waits for still
 * finishes and leaves the pool.
 */
export function startSync<T = number>(tasks: TaskSpec[], size: number): { wait(): T[] } {
  const wt = workerThreads();
  if (!wt) throw new Error('workers: a synchronous call can use workers only in Node; use the Async form');
  const results = new Array<T>(tasks.length);
  if (tasks.length === 0) return { wait: () => results };
  let finished = 0;
  let error: Error | undefined;
  const run = newRun(tasks, Math.max(1, size), (index, reply) => {
    finished++;
    if (reply.error !== undefined) {
      error ??= failure(reply);
      stop(run);
    } else results[index] = reply.value as T;
    if (finished === tasks.length) stop(run);
  });
  start(run);
  return {
    wait() {
      while (run.running > 0 || (!error && finished < tasks.length)) {
        const seen = Atomics.load(wake!, 0);
        let got = false;
        for (const slot of slots.slice()) {
          let m;
          while (!slot.dead && (m = wt.receiveMessageOnPort(slot.port!)) !== undefined) {
            got = true;
            route(m.message as TaskReply);
          }
          if (!slot.dead && Atomics.load(slot.exited!, 0) !== 0) {
            got = true;
            died(slot, 'exited');
          }
        }
        if (!got) Atomics.wait(wake!, 0, seen, 1000);
      }
      stop(run);
      if (error) throw error;
      return results;
    },
  };
}

/** Number of logical cores, for `workers: 'auto'`. */
export function coreCount(): number {
  const os = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
    'node:os',
  ) as typeof import('node:os') | undefined;
  if (os) return os.availableParallelism?.() ?? os.cpus().length;
  return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
}
