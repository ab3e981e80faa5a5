// Entry of the `mutinfo` command (bundled to dist/cli.mjs, started by bin/mutinfo.mjs).
// Every failure becomes one line on stderr and an exit code; --debug adds the stack.
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { buildProgram, type CommonOptions, type Handlers } from './args.js';
import { entropy } from './commands/entropy.js';
import { matrix } from './commands/matrix.js';
import { pair } from './commands/pair.js';
import { rank } from './commands/rank.js';
import { select } from './commands/select.js';
import { CliError, EXIT } from './errors.js';
import { render, type Result } from './format.js';

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function emit(result: Result, o: CommonOptions): void {
  process.stdout.write(render(result, o.format));
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const handlers: Handlers = {
    rank: async (file, o) => emit(await rank(file, o), o),
    pair: async (file, a, b, o) => emit(await pair(file, a, b, o), o),
    matrix: async (file, o) => emit(await matrix(file, o), o),
    entropy: async (file, col, o) => emit(await entropy(file, col, o), o),
    select: async (file, o) => emit(await select(file, o), o),
  };
  const program = buildProgram(handlers, version());
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  // A reader that quits early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return fail(e, debug);
  }
}

function fail(e: unknown, debug: boolean): number {
  // Commander has printed its own one-line message already (or the help, or the version).
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(debug && err.stack !== undefined ? `${err.stack}\n` : `mutinfo: ${oneLine(err.message)}\n`);
  return err instanceof CliError ? err.exitCode : EXIT.data;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
