// The fuzz suite's contract checks (issue 10), shared by the short run in `npm test` and
// the long run of `npm run fuzz`: a call either returns finite numbers (the same on both
// backends to 1e-12 relative) or throws a TypeError/RangeError whose message starts with
// the function's name and names an argument, within a time limit.
import fc from 'fast-check';

/** One public function under fuzz: how to call it and what to call it with. */
export interface FuzzEntry {
  /** The exported name; error messages must start with `${name}: `. */
  name: string;
  /** Draws one argument list (the options, when any, at `optionsAt`). */
  args: fc.Arbitrary<unknown[]>;
  /** Calls the function; may return a promise (the Async forms). */
  call: (...args: any[]) => unknown;
  /** Index of the options argument, into which `backend: 'js' | 'wasm'` is put; omit for functions without a backend. */
  optionsAt?: number;
  /** Words an error message may name: the arguments and option keys. */
  names: readonly string[];
  /** An extra check on an accepted result (e.g. discretize's edges). Return a problem, or undefined. */
  check?: (result: unknown, args: unknown[]) => string | undefined;
  /** An error that is documented as is (e.g. an AbortSignal's reason), exempt from the naming rule. */
  expectedError?: (e: unknown) => boolean;
  /** A result that is allowed to hold NaN or ±Infinity (documented); none so far. */
  nonFiniteOk?: (args: unknown[]) => boolean;
}

/** Settings of a run: FUZZ_RUNS and FUZZ_SEED from the environment (scripts/fuzz.mjs sets them). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
export const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
/** A call (both backends) over this many ms is a failure: inputs stay below a few hundred samples. */
export const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 3000);

/**
 * How long an Async call's promise may stay unsettled before the case fails as a hang. The
 * time limit above only judges calls that end; a promise that never settles would stall
 * the whole run instead (as a wedged worker pool once did), so it is cut off here.
 */
export const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 5 * TIME_LIMIT_MS);

/** Thrown in place of the result of a promise that did not settle within HANG_MS. */
export class Hang {
  constructor(readonly ms: number) {}
}

type Outcome = { ok: true; value: unknown; ms: number } | { ok: false; error: unknown; ms: number };

/** The value of a call, or (for a promise) its settled value, or a rejection with a Hang after `ms`. */
export function settleWithin(value: unknown, ms: number): Promise<unknown> {
  if (value === null || typeof (value as { then?: unknown })?.then !== 'function') return Promise.resolve(value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Hang(ms)), ms);
  });
  return Promise.race([value as Promise<unknown>, hang]).finally(() => clearTimeout(timer));
}

async function run(entry: FuzzEntry, args: unknown[]): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const value = await settleWithin(entry.call(...args), HANG_MS);
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - t0 };
  }
}

/** The problem with a thrown error, or undefined if it meets the contract. */
export function errorProblem(entry: FuzzEntry, e: unknown): string | undefined {
  if (entry.expectedError?.(e)) return undefined;
  if (!(e instanceof TypeError) && !(e instanceof RangeError)) {
    return `threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}, not a TypeError or RangeError`;
  }
  const msg = e.message;
  const prefix = `${entry.name}: `;
  if (!msg.startsWith(prefix)) return `message does not start with "${prefix}": ${msg}`;
  if (msg.endsWith('.')) return `message ends with a period: ${msg}`;
  const body = msg.slice(prefix.length);
  const named = entry.names.some((w) => new RegExp(`(^|[^A-Za-z0-9_])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`).test(body));
  if (!named) return `message names none of ${entry.names.join(', ')}: ${msg}`;
  return undefined;
}

/** Where a result holds a number that is not finite, or undefined. */
export function nonFinite(v: unknown, path = 'result'): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${path} = ${v}`;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return `${path}[${i}] = ${a[i]}`;
    return undefined;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = nonFinite(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = nonFinite(x, `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

/** Relative tolerance between the backends, with an absolute floor of the same size near 0 (nats). */
export const BACKEND_TOL = 1e-12;

/** Where two results differ beyond BACKEND_TOL, or undefined. */
export function difference(a: unknown, b: unknown, path = 'result'): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || Math.abs(a - b) <= BACKEND_TOL * Math.max(1, Math.abs(a), Math.abs(b))) return undefined;
    return `${path}: js ${a} vs wasm ${b}`;
  }
  const isArr = (v: unknown) => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  if (isArr(a) && isArr(b)) {
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    if (x.length !== y.length) return `${path}: lengths ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) {
      const p = difference(x[i], y[i], `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    if (ka.join() !== Object.keys(b).join()) return `${path}: keys differ`;
    for (const k of ka) {
      const p = difference((a as any)[k], (b as any)[k], `${path}.${k}`);
      if (p) return p;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}: js ${String(a)} vs wasm ${String(b)}`;
}

/** Tallies of one entry's run, for the long run's report. */
export interface Tally {
  cases: number;
  accepted: number;
  typeErrors: number;
  rangeErrors: number;
  /** Documented errors such as an abort reason. */
  expected?: number;
  slowestMs: number;
}

export const tallies = new Map<string, Tally>();

/** The argument lists for the two backends: the options with backend 'js' and 'wasm' (unless the fuzz set one). */
function perBackend(entry: FuzzEntry, args: unknown[]): unknown[][] {
  const at = entry.optionsAt;
  if (at === undefined) return [args];
  const o = args[at];
  if (o !== undefined && (o === null || typeof o !== 'object' || Array.isArray(o) || 'backend' in o)) return [args];
  return (['js', 'wasm'] as const).map((backend) => {
    const copy = args.slice();
    copy[at] = { ...(o as object), backend };
    return copy;
  });
}

/**
 * Checks one argument list against the contract; returns the problem, or undefined.
 * Both backends must agree on accepting or refusing, and on the value.
 */
export async function checkCase(entry: FuzzEntry, args: unknown[]): Promise<string | undefined> {
  const t = tallies.get(entry.name) ?? { cases: 0, accepted: 0, typeErrors: 0, rangeErrors: 0, slowestMs: 0 };
  tallies.set(entry.name, t);
  t.cases++;
  const outs: Outcome[] = [];
  for (const a of perBackend(entry, args)) outs.push(await run(entry, a));
  const ms = outs.reduce((s, o) => s + o.ms, 0);
  t.slowestMs = Math.max(t.slowestMs, ms);
  const hung = outs.find((o) => !o.ok && o.error instanceof Hang);
  if (hung) return `hang: the promise did not settle within ${(hung as { error: Hang }).error.ms} ms`;
  if (ms > TIME_LIMIT_MS) return `took ${ms.toFixed(0)} ms (limit ${TIME_LIMIT_MS} ms)`;
  for (const o of outs) {
    if (!o.ok) {
      const p = errorProblem(entry, o.error);
      if (p) return p;
    }
  }
  const [first, second] = outs;
  if (second && first.ok !== second.ok) {
    const which = first.ok ? 'wasm' : 'js';
    const err = (first.ok ? second : first) as { error: unknown };
    return `js and wasm disagree: only ${which} threw ${String(err.error)}`;
  }
  if (!first.ok) {
    if (entry.expectedError?.(first.error)) t.expected = (t.expected ?? 0) + 1;
    else if (first.error instanceof TypeError) t.typeErrors++;
    else t.rangeErrors++;
    return undefined;
  }
  t.accepted++;
  for (const o of outs) {
    const bad = entry.nonFiniteOk?.(args) ? undefined : nonFinite((o as { value: unknown }).value);
    if (bad) return `returned a non-finite number: ${bad}`;
    const p = entry.check?.((o as { value: unknown }).value, args);
    if (p) return p;
  }
  if (second) return difference((first as { value: unknown }).value, (second as { value: unknown }).value);
  return undefined;
}

/** fast-check parameters for a run of `runs` cases of one entry. */
export function params(runs = RUNS, seed = SEED): fc.Parameters<[unknown[]]> {
  return { numRuns: runs, seed, endOnFailure: true };
}

/** Asserts the contract over `runs` generated cases of an entry (throws with the counterexample). */
export async function fuzzEntry(entry: FuzzEntry, runs = RUNS, seed = SEED): Promise<void> {
  await fc.assert(
    fc.asyncProperty(entry.args, async (args) => {
      const p = await checkCase(entry, args);
      if (p) throw new Error(`${entry.name}: ${p}`);
    }),
    params(runs, seed),
  );
}
