// The code each pool worker runs (bundled to one script and inlined as a string).
// It takes the compiled WASM module from the pool, then answers task requests.
import { adoptModule } from '../backend/wasm.js';

type CompiledModule = Parameters<typeof adoptModule>[0];
import { TASKS } from './tasks.js';
import type { TaskReply, TaskRequest } from './protocol.js';

interface Port {
  postMessage(m: unknown): void;
}

type WorkerThreads = typeof import('node:worker_threads');
const wt = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:worker_threads',
) as WorkerThreads | undefined;

let out: Port;
let wake: Int32Array | undefined;

function handle(msg: { type: 'init'; module?: CompiledModule; port?: Port; wake?: Int32Array } | TaskRequest): void {
  if (msg.type === 'init') {
    if (msg.module) adoptModule(msg.module);
    if (msg.port) out = msg.port;
    wake = msg.wake;
    return;
  }
  let reply: TaskReply;
  try {
    reply = { id: msg.id, value: (TASKS[msg.name] as (p: unknown) => number)(msg.payload) };
  } catch (e) {
    const err = e as Error;
    reply = { id: msg.id, error: String(err?.message ?? e), kind: err?.name };
  }
  out.postMessage(reply);
  if (wake) {
    Atomics.add(wake, 0, 1);
    Atomics.notify(wake, 0);
  }
}

if (wt?.parentPort) {
  out = wt.parentPort;
  wt.parentPort.on('message', handle);
} else {
  const scope = globalThis as unknown as Port & { onmessage: (e: MessageEvent) => void };
  out = scope;
  scope.onmessage = (e) => handle(e.data);
}
