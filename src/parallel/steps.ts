// Drivers for preparation written as generators that yield between chunks of work: the
// synchronous form runs them straight through, the asynchronous one gives the event
// loop a turn every few milliseconds, so an AbortSignal takes effect while a large
// input is still being checked and noised, not only once the workers start.

/** Runs a step generator to its end. */
export function drain<T>(g: Generator<void, T>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** Milliseconds of work between two turns of the event loop. */
const SLICE_MS = 8;

type Scope = { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };

/** A macrotask turn (setImmediate in Node; a MessageChannel elsewhere, which setTimeout's 4 ms clamp does not slow). */
export function turn(): Promise<void> {
  const g = globalThis as Scope;
  if (g.setImmediate) return new Promise((r) => g.setImmediate!(r));
  if (g.MessageChannel) {
    return new Promise((r) => {
      const ch = new g.MessageChannel!();
      ch.port1.onmessage = () => {
        ch.port1.close();
        r();
      };
      ch.port2.postMessage(0);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}

/** Throws the signal's reason if it is aborted. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/**
 * Runs a step generator, yielding to the event loop every ~8 ms and counting each turn
 * in `stats.turns` (tests read it), and throws the signal's reason as soon as it is aborted.
 */
export async function drainAsync<T>(g: Generator<void, T>, signal?: AbortSignal, stats?: { turns: number }): Promise<T> {
  let last = performance.now();
  for (;;) {
    checkAborted(signal);
    const r = g.next();
    if (r.done) return r.value;
    if (performance.now() - last >= SLICE_MS) {
      await turn();
      if (stats) stats.turns++;
      last = performance.now();
    }
  }
}
