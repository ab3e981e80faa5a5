// Runs the built `mutinfo` command as a user would: `node bin/mutinfo.mjs …` in a subprocess.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'mutinfo.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs mutinfo with these arguments from the repository root; `input` goes to stdin. */
export function mutinfo(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs mutinfo and parses its JSON output; throws with stderr if it failed. */
export function mutinfoJson<T = any>(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): T {
  const r = mutinfo([...args, '--format', 'json'], opts);
  if (r.code !== 0) throw new Error(`mutinfo ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const dir = mkdtempSync(join(tmpdir(), 'mutinfo-cli-'));

/** Writes a scratch file for one test and returns its path. */
export function scratch(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
