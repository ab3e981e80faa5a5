// Shared checks for the public edge. Every message starts with the public
// function's name and names the argument, with no trailing period.

/** A short, safe rendering of a bad value for an error message. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (v !== null && typeof v === 'object') return Object.prototype.toString.call(v).slice(8, -1);
  return String(v);
}

/**
 * Checks that opts is an object whose keys are all known, and returns a copy that holds
 * every allowed key as an own property (undefined when absent), on a null prototype.
 * Options are thus read as own properties only: `Object.prototype.base = 2`, or an options
 * object made by Object.create({ base: 2 }), changes nothing, even after a spread copy.
 */
export function checkOptions(
  fn: string,
  opts: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of allowed) out[key] = undefined;
  if (opts === undefined) return out;
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new TypeError(`${fn}: options must be an object, got ${show(opts)}`);
  }
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}: unknown option ${JSON.stringify(key)} (known: ${allowed.join(', ')})`);
    }
    out[key] = (opts as Record<string, unknown>)[key];
  }
  return out;
}

/** A string option restricted to a set of values. */
export function oneOf<T extends string>(fn: string, name: string, v: unknown, choices: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw new RangeError(`${fn}: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${show(v)}`);
  }
  return v as T;
}

/** The divisor that turns nats into the requested unit: ln(base), or 1 for nats. */
export function logBase(fn: string, base: unknown): number {
  if (base === undefined) return 1;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0 || base === 1) {
    throw new RangeError(`${fn}: base must be a finite number > 0 and not 1, got ${show(base)}`);
  }
  return Math.log(base);
}

/** An integer option within [lo, hi]. */
export function intIn(fn: string, name: string, v: unknown, lo: number, hi: number, range: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw new RangeError(`${fn}: ${name} must be an integer in ${range}, got ${show(v)}`);
  }
  return v;
}

/** Checks that a value is an array or typed array, non-empty, and returns its length. */
export function checkSequence(fn: string, name: string, x: unknown): number {
  const ok = Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
  if (!ok) throw new TypeError(`${fn}: ${name} must be an array or a typed array, got ${show(x)}`);
  const n = (x as ArrayLike<unknown>).length;
  if (n === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
  return n;
}

/** Checks that two sequences have the same length. */
export function sameLength(fn: string, nameA: string, nA: number, nameB: string, nB: number): void {
  if (nA !== nB) {
    throw new RangeError(`${fn}: ${nameA} and ${nameB} must have the same length, got ${nA} and ${nB}`);
  }
}
