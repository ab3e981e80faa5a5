// Entry of the `mutinfo` command (bundled to dist/cli.mjs, started by bin/mutinfo.mjs).
// Every failure becomes one line on stderr and an exit code; --debug adds the stack.
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { buildProgram, type CommonOptions, type Handlers, type RankOptions } from './args.js';
import { entropy } from './commands/entropy.js';
import { duckdbReason, matrixCounts, matrixDuckDB, rankCounts, selectDuckDB, rankDuckDB, sampleToCsv, sqlText } from './commands/bigdata.js';
import { matrix } from './commands/matrix.js';
import { pair } from './commands/pair.js';
import { rank } from './commands/rank.js';
import { printable } from './cells.js';
import { lagged, te } from './commands/te.js';
import { CliError, EXIT, usage } from './errors.js';
import { select } from './commands/select.js';
import { render, type Result } from './format.js';

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function emit(result: Result, o: CommonOptions): void {
  process.stdout.write(render(result, o.format, process.stdout.isTTY ? process.stdout.columns || 100 : Infinity));
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const handlers: Handlers = {
    rank: async (file, o) => emit(await rankAny(file, o), o),
    pair: async (file, a, b, o) => emit(await pair(file, a, b, o), o),
    matrix: async (file, o) => {
      if (o.counts !== undefined) {
        if (file !== undefined) throw usage('give either a data file or --counts, not both');
        return emit(await matrixCounts(o), o);
      }
      const why = duckdbReason(file, o);
      if (why === null && file === undefined) throw usage('missing the data file (or --counts FILE)');
      emit(why === null ? await matrix(file!, o) : await matrixDuckDB(file, o, why), o);
    },
    sql: async (o) => void process.stdout.write(sqlText(o)),
    entropy: async (file, col, o) => emit(await entropy(file, col, o), o),
    te: async (file, o) => emit(await te(file, o), o),
    lagged: async (file, a, b, o) => emit(await lagged(file, a, b, o), o),
    select: async (file, o) => {
      const why = duckdbReason(file, o);
      emit(why === null ? await select(file, o) : await selectDuckDB(file, o, why), o);
    },
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

/** rank from counts, counted by DuckDB, or in memory. */
async function rankAny(file: string | undefined, o: RankOptions): Promise<Result> {
  if (o.counts !== undefined) {
    if (file !== undefined) throw usage('give either a data file or --counts, not both');
    return rankCounts(o);
  }
  const why = duckdbReason(file, o);
  if (why !== null && o.sample !== undefined) {
    // k-NN on a reservoir sample that DuckDB draws out of core
    const s = await sampleToCsv(file, o);
    try {
      const r = await rank(s.path, { ...o, table: undefined, query: undefined, engine: 'memory' });
      r.title = r.title?.replace(s.path, `a reservoir sample drawn by DuckDB from ${file ?? 'the query'}`);
      return r;
    } finally {
      s.cleanup();
    }
  }
  if (why !== null) return rankDuckDB(file, o, why);
  if (file === undefined) throw usage("missing the data file (or --counts FILE)");
  return rank(file, o);
}

function fail(e: unknown, debug: boolean): number {
  // Commander has printed its own one-line message already (or the help, or the version).
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(debug && err.stack !== undefined ? `${err.stack}\n` : `mutinfo: ${printable(oneLine(err.message))}\n`);
  return err instanceof CliError ? err.exitCode : EXIT.data;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
