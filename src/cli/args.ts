// The command line: subcommands, their shared options, and the help text (commander).
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Format } from './format.js';
import type { Task } from './typing.js';

/** Options every subcommand takes, parsed and checked. */
export interface CommonOptions {
  estimator?: string;
  k?: number;
  bins?: number | string;
  /** Logarithm base; undefined means e (nats). */
  base?: number;
  seed?: number;
  format: Format;
  workers: number | 'auto';
  discrete: string[];
  continuous: string[];
  missing: 'drop' | 'error';
  quiet: boolean;
  debug: boolean;
}

export interface RankOptions extends CommonOptions {
  target: string;
  task?: Task;
  columns?: string[];
  /** Permutations per feature for p and q columns (absent: no test). */
  permutations?: number;
}
export interface PairOptions extends CommonOptions {
  given?: string;
}
export interface MatrixOptions extends CommonOptions {
  columns?: string[];
}

/** What the program calls once the command line is parsed. */
export interface Handlers {
  rank(file: string, o: RankOptions): Promise<void>;
  pair(file: string, a: string, b: string, o: PairOptions): Promise<void>;
  matrix(file: string, o: MatrixOptions): Promise<void>;
  entropy(file: string, column: string, o: CommonOptions): Promise<void>;
}

function integer(min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < min) throw new InvalidArgumentError(`It must be an integer ≥ ${min}.`);
    return n;
  };
}

function list(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), ...v.split(',').map((s) => s.trim()).filter((s) => s.length > 0)];
}

const BASES: Record<string, number | undefined> = { '2': 2, e: undefined, '10': 10 };

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--estimator <name>', 'estimator (default: picked per column pair, see below)'))
    .addOption(new Option('--k <n>', 'neighbours for the k-NN estimators (ksg, ksg2, mixed, kl)').argParser(integer(1)))
    .addOption(new Option('--bins <n|rule>', 'bins for --estimator binned: a count or a rule (sqrt, sturges, fd, …)').argParser(
      (v) => (/^\d+$/.test(v) ? Number(v) : v),
    ))
    .addOption(new Option('--base <b>', 'logarithm base of the result: 2 (bits), e (nats) or 10 (hartleys)').choices(['2', 'e', '10']).default('e'))
    .addOption(new Option('--seed <n>', 'seed of the tie-breaking noise').argParser(integer(0)))
    .addOption(new Option('--format <fmt>', 'output format; json goes to stdout for piping').choices(['table', 'csv', 'json']).default('table'))
    .addOption(new Option('--workers <n|auto>', 'worker threads for rank (auto = one per core)').default(1).argParser(
      (v) => (v === 'auto' ? 'auto' : integer(1)(v)),
    ))
    .addOption(new Option('--discrete <cols>', 'treat these columns as labels (comma-separated)').argParser(list).default([]))
    .addOption(new Option('--continuous <cols>', 'treat these columns as numbers; text in them is an error').argParser(list).default([]))
    .addOption(new Option('--missing <how>', 'missing cells (empty, NA, NaN): drop the row for that pair, or stop').choices(['drop', 'error']).default('drop'))
    .option('-q, --quiet', 'no progress bar and no notes on stderr', false)
    .option('--debug', 'show stack traces of errors', false);
}

/** Turns the raw option bag of commander into CommonOptions (base as a number). */
function normalize<T extends CommonOptions>(raw: Record<string, unknown>): T {
  return { ...raw, base: BASES[raw.base as string] } as T;
}

export const EXAMPLES = `
Examples, from a clone of the repository after npm ci and npm run build (there, run
mutinfo as npx mutinfo or node bin/mutinfo.mjs):
  $ mutinfo rank data/wine.csv --target class
  $ mutinfo rank data/diabetes.csv --target progression --base 2 --format json
  $ mutinfo rank data/wine.csv --target class --permutations 999 --workers auto
  $ mutinfo pair data/wine.csv flavanoids class
  $ mutinfo matrix data/wine.csv --columns alcohol,flavanoids,proline,class --format csv
  $ mutinfo entropy data/wine.csv class --base 2
  $ cat data/wine.csv | mutinfo rank - --target class

Input: CSV or TSV with a header row (the delimiter is detected); "-" reads stdin.
Numeric columns are continuous and text columns are labels; so are integer columns with at
most 20 distinct values, except as rank features, which follow sklearn (every numeric feature
continuous). --discrete and --continuous override all that. Missing cells (empty, NA, NaN and
pandas' other na_values) drop their row from each pair they are in; --missing error stops.

Estimators picked by default: discrete (plug-in counts) for two label columns, ksg
(Kraskov et al. 2004) for two continuous ones, mixed (Ross 2014) for one of each; for
entropy, plug-in counts or m-spacings (scipy.stats.differential_entropy). rank uses sklearn's
mutual_info_classif / mutual_info_regression; rank --estimator mixed-ksg scores every feature
with Mixed-KSG (Gao et al. 2017: sklearn's scaling, no noise, the same result for any --seed).
--estimator names any other the library knows (kde, kernel, gcmi, gcmi-mixture, mixed-ksg, …).
Exit codes: 0 success, 1 bad input data or unreadable file, 2 bad command line.`;

/** The `mutinfo` program; actions call the handlers with checked options. */
export function buildProgram(h: Handlers, version: string): Command {
  const program = new Command('mutinfo')
    .description('Mutual information and entropy of the columns of a CSV or TSV file.')
    .version(version)
    .showSuggestionAfterError(true)
    .exitOverride()
    // One line per error: commander puts its "Did you mean" hint on a second line.
    .configureOutput({ outputError: (str, write) => write(`mutinfo: ${str.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}\n`) })
    .addHelpText('after', EXAMPLES);
  program
    .command('rank')
    .description('score every other column against a target column, ranked by mutual information (sklearn mutual_info_classif / mutual_info_regression)')
    .argument('<file>', 'CSV or TSV file, or - for stdin')
    .requiredOption('--target <col>', 'the target column')
    .addOption(new Option('--task <task>', 'classification or regression (default: detected from the target)').choices(['classif', 'regression']))
    .addOption(new Option('--columns <cols>', 'score only these feature columns (comma-separated)').argParser(list))
    .addOption(new Option('--permutations <n>', 'add a permutation p-value per feature and its Benjamini-Hochberg q-value').argParser(integer(1)))
    .action((file: string, raw: Record<string, unknown>) => h.rank(file, normalize<RankOptions>(raw)));
  program
    .command('pair')
    .description('mutual information I(A; B) of two columns, or I(A; B | C) with --given C')
    .argument('<file>', 'CSV or TSV file, or - for stdin')
    .argument('<a>', 'first column')
    .argument('<b>', 'second column')
    .option('--given <col>', 'condition on this column')
    .action((file: string, a: string, b: string, raw: Record<string, unknown>) => h.pair(file, a, b, normalize<PairOptions>(raw)));
  program
    .command('matrix')
    .description('pairwise mutual information of columns, as a matrix')
    .argument('<file>', 'CSV or TSV file, or - for stdin')
    .addOption(new Option('--columns <cols>', 'only these columns (comma-separated; default: all)').argParser(list))
    .action((file: string, raw: Record<string, unknown>) => h.matrix(file, normalize<MatrixOptions>(raw)));
  program
    .command('entropy')
    .description('entropy of one column (plug-in counts for labels; m-spacings, as scipy, for numbers)')
    .argument('<file>', 'CSV or TSV file, or - for stdin')
    .argument('<col>', 'the column')
    .action((file: string, col: string, raw: Record<string, unknown>) => h.entropy(file, col, normalize<CommonOptions>(raw)));
  for (const cmd of program.commands) common(cmd).addHelpText('after', EXAMPLES);
  return program;
}
