// Every `@example` in the TSDoc of the exported functions runs, and every `// => value` in it
// holds: the docs cannot drift from the code. A number written with d decimals must round to
// them (0.4133 stands for 0.41329…); one written in full must be exact.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

interface Example {
  where: string;
  fn: string;
  code: string[];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'cli' ? [] : tsFiles(p);
    return f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('.generated.') ? [p] : [];
  });
}

/** The @example blocks of every exported function's TSDoc, with the function's name. */
function examples(): Example[] {
  const out: Example[] = [];
  for (const file of tsFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export (?:async )?(?:function\*?|class) (\w+)/g)) {
      const doc = m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      for (let i = 0; i < doc.length; i++) {
        if (!doc[i].startsWith('@example')) continue;
        const code: string[] = [];
        for (let j = i + 1; j < doc.length && !doc[j].startsWith('@'); j++) code.push(doc[j]);
        const line = text.slice(0, m.index).split('\n').length;
        out.push({ where: `${relative(root, file)}:${line}`, fn: m[2], code });
      }
    }
  }
  return out;
}

// ---- expected values: a small reader of JS-like literals that keeps numbers as written ----

type Lit =
  | { t: 'num'; text: string }
  | { t: 'str'; v: string }
  | { t: 'lit'; v: boolean | null | undefined }
  | { t: 'arr'; kind: string | null; items: Lit[] }
  | { t: 'obj'; entries: [string, Lit][] };

function readLiteral(s: string): { lit: Lit; rest: string } {
  let i = 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const value = (): Lit => {
    ws();
    const typed = /^(Float64Array|Float32Array|Int32Array|Uint8Array|Uint32Array) \[/.exec(s.slice(i));
    if (typed) {
      i += typed[0].length - 1;
      const a = value() as Extract<Lit, { t: 'arr' }>;
      return { ...a, kind: typed[1] };
    }
    const c = s[i];
    if (c === '[') {
      i++;
      const items: Lit[] = [];
      ws();
      while (s[i] !== ']') {
        items.push(value());
        ws();
        if (s[i] === ',') i++;
        ws();
      }
      i++;
      return { t: 'arr', kind: null, items };
    }
    if (c === '{') {
      i++;
      const entries: [string, Lit][] = [];
      ws();
      while (s[i] !== '}') {
        const key = /^['"]?([\w$]+)['"]?\s*:/.exec(s.slice(i))!;
        i += key[0].length;
        entries.push([key[1], value()]);
        ws();
        if (s[i] === ',') i++;
        ws();
      }
      i++;
      return { t: 'obj', entries };
    }
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      const v = s.slice(i + 1, end);
      i = end + 1;
      return { t: 'str', v };
    }
    const word = /^(true|false|null|undefined)\b/.exec(s.slice(i));
    if (word) {
      i += word[0].length;
      return { t: 'lit', v: word[1] === 'true' ? true : word[1] === 'false' ? false : word[1] === 'null' ? null : undefined };
    }
    const num = /^-?(?:Infinity|NaN|\d+(?:\.\d+)?(?:e[-+]?\d+)?)/.exec(s.slice(i));
    if (!num) throw new Error(`cannot read an expected value in ${JSON.stringify(s)}`);
    i += num[0].length;
    return { t: 'num', text: num[0] };
  };
  const lit = value();
  return { lit, rest: s.slice(i) };
}

/** Whether `actual` shows as the number written: rounded to its decimals, or exactly. */
function numberMatches(actual: unknown, text: string): boolean {
  if (typeof actual !== 'number') return false;
  const want = Number(text);
  if (Number.isNaN(want) || !Number.isFinite(want)) return Object.is(actual, want);
  const decimals = (text.split('.')[1] ?? '').replace(/e.*/, '').length;
  if (text.includes('e') || decimals >= 15 || (decimals === 0 && Number.isInteger(actual))) return actual === want;
  return Math.abs(actual - want) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

function matches(actual: unknown, lit: Lit): boolean {
  switch (lit.t) {
    case 'num':
      return numberMatches(actual, lit.text);
    case 'str': {
      // '…' in an expected string stands for any text.
      if (!lit.v.includes('…')) return actual === lit.v;
      const re = new RegExp(`^${lit.v.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
      return typeof actual === 'string' && re.test(actual);
    }
    case 'lit':
      return actual === lit.v;
    case 'arr': {
      if (lit.kind !== null ? actual?.constructor?.name !== lit.kind : !Array.isArray(actual)) return false;
      const a = actual as ArrayLike<unknown>;
      return a.length === lit.items.length && lit.items.every((item, k) => matches(a[k], item));
    }
    case 'obj': {
      if (typeof actual !== 'object' || actual === null) return false;
      const o = actual as Record<string, unknown>;
      return lit.entries.every(([k, v]) => matches(o[k], v));
    }
  }
}

function show(v: unknown): string {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name} [${Array.from(v as unknown as ArrayLike<number>).join(', ')}]`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${show(x)}`).join(', ')} }`;
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/**
 * Turns an example into the body of an async function: each `expr; // => value` becomes a
 * check of expr against value; a `// => value` line on its own checks the statement above.
 */
function compile(code: string[]): { body: string; checks: number } {
  const lines: string[] = [];
  let checks = 0;
  const text = code.join('\n').replace(/import\s*\{[^}]*\}\s*from\s*['"]mutinfo['"];?/g, '');
  for (const raw of text.split('\n')) {
    const m = /^(.*?)\s*\/\/ =>\s*(.*)$/.exec(raw);
    if (!m) {
      lines.push(raw);
      continue;
    }
    let expr = m[1].replace(/;\s*$/, '');
    if (expr.trim() === '') {
      expr = lines.pop()!.replace(/;\s*$/, '');
    }
    lines.push(`__check(${expr}, ${JSON.stringify(m[2])});`);
    checks++;
  }
  return { body: lines.join('\n'), checks };
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

/** The ```ts and ```js blocks of README.md that run in Node (no page, no Worker). */
function readmeExamples(): Example[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)) {
    const body = m[1];
    if (!body.includes('// =>') || /\bWorker\b|document\.|postMessage|mutinfo\.browser/.test(body)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ where: `README.md:${line}`, fn: 'README', code: body.split('\n') });
  }
  return out;
}

const all = examples();
const readme = readmeExamples();

describe('the TSDoc examples', () => {
  it('every function exported from src/index.ts has an @example with an output', () => {
    const exported = Object.entries(api).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const withOutput = new Set(all.filter((e) => e.code.some((l) => l.includes('// =>'))).map((e) => e.fn));
    expect(exported.filter((f) => !withOutput.has(f))).toEqual([]);
  });

  it('README.md has runnable examples', () => expect(readme.length).toBeGreaterThanOrEqual(3));

  it.each([...all, ...readme].map((e) => [`${e.fn} (${e.where})`, e] as const))('%s', async (_, e) => {
    const { body } = compile(e.code);
    const failures: string[] = [];
    const check = (actual: unknown, expected: string) => {
      const { lit } = readLiteral(expected);
      if (!matches(actual, lit)) failures.push(`got ${show(actual)}, the example says ${expected}`);
    };
    const names = Object.keys(api);
    const run = new AsyncFunction('__check', ...names, body);
    await run(check, ...names.map((n) => (api as Record<string, unknown>)[n]));
    expect(failures).toEqual([]);
  });
});
