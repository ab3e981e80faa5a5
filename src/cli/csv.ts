// Streams a CSV/TSV file through csv-parse into per-column typed storage. Each record is
// consumed inside the parser's on_record hook and dropped, so no rows pile up in memory.
import { parse, CsvError } from 'csv-parse';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isDecimalNumber, printable, type Decimal } from './cells.js';
import { ColumnBuilder, type Column } from './column.js';
import { CliError } from './errors.js';
import { openSource } from './input.js';

/** The columns read from one file. */
export interface Table {
  /** How messages name the input. */
  source: string;
  /** Every column name of the header, in file order. */
  header: string[];
  /** The columns that were kept, by name. */
  columns: Map<string, Column>;
  /** Number of data rows. */
  rows: number;
  /** How the file was read where it may not be what the user meant: one line each, for stderr. */
  notes: string[];
}

export interface ReadOptions {
  /** Given the header, the names of the columns to keep; throws on unknown names. */
  select(header: string[]): string[];
  /** Columns that must hold numbers, with the reason to give when they do not. */
  forcedNumeric: Map<string, string>;
  /** Stop at the first missing cell of a kept column instead of recording it. */
  missingIsError: boolean;
  /** Columns forced to labels (their text cells are never strays). */
  labels?: ReadonlySet<string>;
  /** The decimal separator of numbers (default `'auto'`). */
  decimal?: Decimal;
  /** Whether the first record is a header (default true); without one, columns are column1, column2, … */
  header?: boolean;
  /** Progress of the read: bytes so far, and the total when known (0 for stdin). */
  onBytes?(bytes: number, total: number): void;
}

/** Reads the kept columns of a CSV or TSV file (or stdin for `-`). */
export async function readTable(path: string, opts: ReadOptions): Promise<Table> {
  let total = 0;
  const src = await openSource(path, (b) => opts.onBytes?.(b, total));
  total = src.size;
  let header: string[] | null = null;
  let kept: { index: number; builder: ColumnBuilder }[] = [];
  let rows = 0;
  const notes: string[] = [];
  const hasHeader = opts.header ?? true;
  const parser = parse({
    delimiter: src.delimiter,
    bom: true,
    skip_empty_lines: true,
    on_record: (record: string[], info: { lines: number }) => {
      if (header === null) {
        header = hasHeader ? headerNames(src.name, record) : record.map((_, j) => `column${j + 1}`);
        if (hasHeader && looksLikeData(record)) notes.push(dataLikeHeader(src.name, record));
        const names = opts.select(header);
        const index = new Map(header.map((h, j) => [h, j]));
        kept = names.map((name) => ({
          index: index.get(name)!,
          builder: new ColumnBuilder(name, opts.forcedNumeric.get(name), opts.missingIsError, {
            decimal: opts.decimal,
            labels: opts.labels?.has(name),
          }),
        }));
        if (hasHeader) return null;
      }
      for (const { index, builder } of kept) builder.push(record[index], info.lines);
      rows++;
      return null;
    },
  });
  const sink = new Writable({ objectMode: true, write: (_chunk, _enc, done) => done() });
  try {
    await pipeline(src.stream, parser, sink);
  } catch (e) {
    throw translate(src.name, e);
  }
  if (header === null) throw new CliError(`${src.name} is empty`);
  if (rows === 0) throw new CliError(`${src.name} has a header but no data rows`);
  const columns = new Map<string, Column>();
  const commas: string[] = [];
  let firstComma: { line: number; cell: string } | undefined;
  for (const { builder } of kept) {
    const built = builder.finish();
    columns.set(builder.name, built.column);
    if (built.strays !== undefined) notes.push(`${built.strays}; read as missing (--missing error stops instead)`);
    if (built.decimalComma !== undefined && opts.decimal !== ',') {
      commas.push(JSON.stringify(builder.name));
      firstComma ??= built.decimalComma;
    }
  }
  if (firstComma !== undefined) {
    const cols = commas.length > 3 ? `${commas.slice(0, 3).join(', ')} and ${commas.length - 3} more` : commas.join(', ');
    notes.push(
      `decimal commas read as decimal points in column${commas.length === 1 ? '' : 's'} ${cols} ` +
        `(line ${firstComma.line}: ${JSON.stringify(firstComma.cell)}); --decimal , says so and silences this, --decimal . reads them as text`,
    );
  }
  return { source: src.name, header, columns, rows, notes: notes.map(printable) };
}

/** Whether every field of the header row reads as a number: then it is probably data. */
function looksLikeData(record: string[]): boolean {
  return record.every((f) => {
    const t = f.trim();
    return isDecimalNumber(t, '.') || isDecimalNumber(t, ',');
  });
}

function dataLikeHeader(source: string, record: string[]): string {
  const shown = record.slice(0, 3).map((f) => f.trim()).join(', ');
  return `the header row of ${source} looks like data (${shown}${record.length > 3 ? ', …' : ''}); --no-header reads it as data, naming the columns column1, column2, …`;
}

function headerNames(source: string, record: string[]): string[] {
  const names = record.map((raw, j) => raw.trim() || `column${j + 1}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new CliError(`${source}: the header names column ${JSON.stringify(name)} twice`);
    seen.add(name);
  }
  return names;
}

/** Turns csv-parse's errors into one-line messages that name the line. */
function translate(source: string, e: unknown): unknown {
  if (e instanceof CliError || !(e instanceof CsvError)) return e;
  const err = e as CsvError & { lines?: number; record?: unknown[] };
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const got = err.record?.length ?? 0;
    const want = (err.message.match(/expect (\d+)/) ?? [])[1];
    return new CliError(`${source}: line ${err.lines} has ${got} field${got === 1 ? '' : 's'}, but the header has ${want}`);
  }
  return new CliError(`${source}: malformed CSV: ${err.message.replace(/\.$/, '')}`);
}
