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
  /** Decimal separator of numbers: '.', ',' or 'auto' (a dot, or commas in a column with no dot). */
  decimal: '.' | ',' | 'auto';
  /** False with --no-header: the first row is data. */
  header: boolean;
  quiet: boolean;
  debug: boolean;
}

/** Options of the big-data paths (DuckDB counting, counts from another engine). */
export interface EngineOptions {
  engine?: 'memory' | 'duckdb';
  table?: string;
  query?: string;
  binning?: 'equal-width' | 'equal-frequency';
}

export interface RankOptions extends CommonOptions, EngineOptions {
  target: string;
  task?: Task;
  columns?: string[];
  counts?: string;
  /** Score on uniform subsamples of this many rows, with an interval over --replicates of them. */
  sample?: number;
  replicates?: number;
  /** Permutations per feature for p and q columns (absent: no test). */
  permutations?: number;
}
/** Options of `mutinfo sql`. */
export interface SqlOptions {
  dialect: string;
  source: string;
  /** The target column; absent: every pair of --columns (for matrix --counts). */
  target?: string;
  columns: string[];
  continuous: string[];
  bins?: number | string;
}
export interface PairOptions extends CommonOptions {
  given?: string;
}
export interface MatrixOptions extends CommonOptions, EngineOptions {
  columns?: string[];
  counts?: string;
}
export interface TeOptions extends CommonOptions {
  source: string;
  target: string;
  history?: number;
  historyTau?: number;
  sourceHistory?: number;
  sourceTau?: number;
  delay?: number;
  theiler?: number;
  permutations?: number;
}
export interface LaggedOptions extends CommonOptions {
  maxLag?: number;
}

export interface SelectOptions extends CommonOptions, EngineOptions {
  target: string;
  method?: string;
  /** How many columns to select (-k). */
  number?: number;
  beta?: number;
  gamma?: number;
  columns?: string[];
}

/** What the program calls once the command line is parsed. */
export interface Handlers {
  rank(file: string | undefined, o: RankOptions): Promise<void>;
  pair(file: string, a: string, b: string, o: PairOptions): Promise<void>;
  matrix(file: string | undefined, o: MatrixOptions): Promise<void>;
  entropy(file: string, column: string, o: CommonOptions): Promise<void>;
  te(file: string, o: TeOptions): Promise<void>;
  lagged(file: string, a: string, b: string, o: LaggedOptions): Promise<void>;
  sql(o: SqlOptions): Promise<void>;
  select(file: string, o: SelectOptions): Promise<void>;
}

function integer(min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < min) throw new InvalidArgumentError(`It must be an integer ≥ ${min}.`);
    return n;
  };
}

function real(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('It must be a finite number.');
  return n;
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
    .addOption(new Option('--decimal <sep>', 'decimal separator of numbers: . or , (default: a dot, or commas in a column that has no dot)').choices(['.', ',', 'auto']).default('auto'))
    .option('--no-header', 'the first row is data; columns are named column1, column2, …')
    .option('-q, --quiet', 'no progress bar and no notes on stderr', false)
    .option('--debug', 'show stack traces of errors', false);
}

/** The options of the DuckDB engine, on rank and matrix. */
function engine(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <name>', 'memory, or duckdb to count with DuckDB out of core (default: duckdb for .parquet, .duckdb, --table, --query and CSV larger than memory)').choices(['memory', 'duckdb']))
    .addOption(new Option('--table <name>', 'with --engine duckdb: a table of the DuckDB database file'))
    .addOption(new Option('--query <sql>', 'with --engine duckdb: a SQL query whose result is the data (file: a DuckDB database or :memory:)'))
    .addOption(new Option('--binning <method>', 'with --engine duckdb: how float columns are binned in SQL').choices(['equal-width', 'equal-frequency']));
}

/** Turns the raw option bag of commander into CommonOptions (base as a number). */
function normalize<T extends CommonOptions>(raw: Record<string, unknown>): T {
  return { ...raw, base: BASES[raw.base as string] } as T;
}

export const EXAMPLES = `
Examples, run from the package folder (node_modules/mutinfo after an install) or a clone
of the repository, where the datasets in data/ are:
  $ mutinfo rank data/wine.csv --target class
  $ mutinfo rank data/diabetes.csv --target progression --base 2 --format json
  $ mutinfo rank data/wine.csv --target class --permutations 999 --workers auto
  $ mutinfo pair data/wine.csv flavanoids class
  $ mutinfo matrix data/wine.csv --columns alcohol,flavanoids,proline,class --format csv
  $ mutinfo entropy data/wine.csv class --base 2
  $ mutinfo select data/wine.csv --target class --method mrmr -k 5
  $ cat data/wine.csv | mutinfo rank - --target class
  $ mutinfo te data/coupled.csv --source x --target y --permutations 99
  $ mutinfo lagged data/coupled.csv x y --max-lag 5

Input: CSV or TSV with a header row (the delimiter is detected); "-" reads stdin.
Numeric columns are continuous and text columns are labels; so are integer columns with at
most 20 distinct values, except as rank features, which follow sklearn (every numeric feature
continuous). --discrete and --continuous override all that. Missing cells (empty, NA, NaN and
pandas' other na_values) drop their row from each pair they are in; --missing error stops.
A few stray words in a numeric column (at most 5% of it) are read as missing, with a note;
decimal commas are read as numbers in a column that has no dot (--decimal decides). A
header row that looks like data gets a note (--no-header reads it as data).

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
    .argument('[file]', 'CSV or TSV file, - for stdin, a Parquet file, or a DuckDB database')
    .requiredOption('--target <col>', 'the target column')
    .option('--counts <file>', 'rank from counts (feature, x, y, n) made by another engine, e.g. from mutinfo sql: CSV, JSON or Parquet')
    .addOption(new Option('--sample <n>', 'score uniform subsamples of n rows (for k-NN on data too large for it), with a 95% interval over the subsamples').argParser(integer(2)))
    .addOption(new Option('--replicates <n>', 'with --sample: how many subsamples (default 10)').argParser(integer(2)))
    .addOption(new Option('--task <task>', 'classification or regression (default: detected from the target)').choices(['classif', 'regression']))
    .addOption(new Option('--columns <cols>', 'score only these feature columns (comma-separated)').argParser(list))
    .addOption(new Option('--permutations <n>', 'add a permutation p-value per feature and its Benjamini-Hochberg q-value').argParser(integer(1)))
    .action((file: string | undefined, raw: Record<string, unknown>) => h.rank(file, normalize<RankOptions>(raw)));
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
    .argument('[file]', 'CSV or TSV file, - for stdin, a Parquet file, or a DuckDB database')
    .addOption(new Option('--columns <cols>', 'only these columns (comma-separated; default: all)').argParser(list))
    .option('--counts <file>', 'the matrix from counts (feature, target, x, y, n) made by another engine, e.g. from mutinfo sql without --target: CSV, JSON or Parquet')
    .action((file: string | undefined, raw: Record<string, unknown>) => h.matrix(file, normalize<MatrixOptions>(raw)));
  program
    .command('entropy')
    .description('entropy of one column (plug-in counts for labels; m-spacings, as scipy, for numbers)')
    .argument('<file>', 'CSV or TSV file, or - for stdin')
    .argument('<col>', 'the column')
    .action((file: string, col: string, raw: Record<string, unknown>) => h.entropy(file, col, normalize<CommonOptions>(raw)));
  program
    .command('te')
    .description('transfer entropy between two time-series columns, both ways (JIDT\'s TE; KSG for numbers, counts for labels)')
    .argument('<file>', 'CSV or TSV file, or - for stdin; one row per time step')
    .requiredOption('--source <col>', 'the source column')
    .requiredOption('--target <col>', 'the target column')
    .addOption(new Option('--history <k>', 'target history length (default 1)').argParser(integer(1)))
    .addOption(new Option('--history-tau <t>', 'spacing of the target history (default 1)').argParser(integer(1)))
    .addOption(new Option('--source-history <l>', 'source embedding length (default 1)').argParser(integer(1)))
    .addOption(new Option('--source-tau <t>', 'spacing of the source embedding (default 1)').argParser(integer(1)))
    .addOption(new Option('--delay <d>', 'source-target delay (default 1)').argParser(integer(0)))
    .addOption(new Option('--theiler <w>', 'dynamic-correlation exclusion window for the k-NN estimators (default 0)').argParser(integer(0)))
    .addOption(new Option('--permutations <n>', 'add p-values from n source-shuffled surrogates').argParser(integer(1)))
    .action((file: string, raw: Record<string, unknown>) => h.te(file, normalize<TeOptions>(raw)));
  program
    .command('lagged')
    .description('lagged mutual information I(A_t; B_t+lag) for lags 0..max-lag')
    .argument('<file>', 'CSV or TSV file, or - for stdin; one row per time step')
    .argument('<a>', 'first column')
    .argument('<b>', 'second column (shifted by the lag)')
    .addOption(new Option('--max-lag <n>', 'largest lag (default 10)').argParser(integer(0)))
    .action((file: string, a: string, b: string, raw: Record<string, unknown>) => h.lagged(file, a, b, normalize<LaggedOptions>(raw)));
  program
    .command('select')
    .description("greedy feature selection by FEAST's criteria (mRMR, JMI, CMIM, …): the columns chosen in order, with their scores")
    .argument('<file>', 'CSV or TSV file, - for stdin, a Parquet file, a DuckDB database, or :memory: with --query')
    .requiredOption('--target <col>', 'the target column (class labels)')
    .addOption(new Option('--method <m>', 'criterion').choices(['mim', 'mrmr', 'jmi', 'cmim', 'disr', 'icap', 'cife', 'mifs', 'betagamma']).default('jmi'))
    .addOption(new Option('-k, --number <n>', 'how many columns to select (default: 10, or all if fewer)').argParser(integer(1)))
    .addOption(new Option('--beta <b>', 'weight of redundancy for betagamma and mifs').argParser(real))
    .addOption(new Option('--gamma <g>', 'weight of conditional redundancy for betagamma').argParser(real))
    .addOption(new Option('--columns <cols>', 'select only among these columns (comma-separated)').argParser(list))
    .action((file: string, raw: Record<string, unknown>) => h.select(file, normalize<SelectOptions>(raw)));
  // Subcommand help stays short: the examples, input rules and exit codes are in `mutinfo --help`.
  for (const cmd of program.commands) common(cmd).addHelpText('after', '\nExamples, input rules and exit codes: mutinfo --help');
  for (const cmd of program.commands) if (cmd.name() === 'rank' || cmd.name() === 'matrix' || cmd.name() === 'select') engine(cmd);
  program
    .command('sql')
    .description('print the GROUP BY query that counts each feature against the target in another engine (or, without --target, every pair of --columns); run it there, save the result, then: mutinfo rank --counts FILE --target COL (or mutinfo matrix --counts FILE)')
    .addOption(new Option('--dialect <name>', 'SQL dialect').choices(['duckdb', 'postgres', 'spark', 'bigquery']).default('duckdb'))
    .requiredOption('--source <from>', 'the table (or any FROM item) holding the data')
    .option('--target <col>', 'the target column (without it: every pair of --columns, for matrix --counts)')
    .addOption(new Option('--columns <cols>', 'the feature columns (comma-separated)').argParser(list).default([]))
    .addOption(new Option('--continuous <cols>', 'columns to bin in SQL into --bins equal-width bins over their min/max (numpy\'s edges)').argParser(list).default([]))
    .addOption(new Option('--bins <n>', 'bins of the continuous columns (default 10)').argParser(integer(1)))
    .action((raw: Record<string, unknown>) => h.sql(raw as unknown as SqlOptions));
  return program;
}
