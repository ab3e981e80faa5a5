// The code each pool worker runs (bundled to one script and inlined as a string).
// It takes the compiled WASM module from the pool, then answers task requests.
import { adoptModule } from '../backend/wasm.js';

type CompiledModule = Parameters<typeof adoptModule>[0];
import { TASKS } from './tasks.js';
import type { TaskReply, TaskRequest } from './protocol.js';

interface Port {
  postMessage(m: unknown, transfer?: any[]): void; // eslint-disable-line @typescript-eslint/no-explicit-any -- DOM and Node Transferable differ
}

type WorkerThreads = typeof import('node:worker_threads');
const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; on?: (e: string, f: () => void) => void } })
  .process;
const wt = proc?.getBuiltinModule?.('node:worker_threads') as WorkerThreads | undefined;

let out: Port;
let wake: Int32Array | undefined;

function notify(): void {
  if (wake) {
    Atomics.add(wake, 0, 1);
    Atomics.notify(wake, 0);
  }
}

/** The buffers of typed-array results (not shared ones), moved rather than copied. */
function transferables(v: unknown): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  const add = (a: unknown) => {
    if (ArrayBuffer.isView(a) && a.buffer instanceof ArrayBuffer && !list.includes(a.buffer)) list.push(a.buffer);
  };
  if (Array.isArray(v)) v.forEach(add);
  else add(v);
  return list;
}

type Init = { type: 'init'; module?: CompiledModule; port?: Port; wake?: Int32Array; exited?: Int32Array };

function handle(msg: Init | TaskRequest): void {
  if (msg.type === 'init') {
    if (msg.module) adoptModule(msg.module);
    if (msg.port) out = msg.port;
    wake = msg.wake;
    const exited = msg.exited;
    // A blocked runSync cannot see this thread's exit event; a flag it polls can.
    if (exited) {
      proc?.on?.('exit', () => {
        Atomics.store(exited, 0, 1);
        notify();
      });
    }
    return;
  }
  let reply: TaskReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const value = (TASKS[msg.name] as (p: unknown) => unknown)(msg.payload);
    reply = { id: msg.id, value };
    transfer = transferables(value);
  } catch (e) {
    const err = e as Error;
    reply = { id: msg.id, error: String(err?.message ?? e), kind: err?.name };
  }
  out.postMessage(reply, transfer);
  notify();
}

if (wt?.parentPort) {
  out = wt.parentPort;
  wt.parentPort.on('message', handle);
} else {
  const scope = globalThis as unknown as Port & { onmessage: (e: MessageEvent) => void };
  out = scope;
  scope.onmessage = (e) => handle(e.data);
}
