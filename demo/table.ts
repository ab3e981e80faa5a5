// From a parsed table to the inputs the estimators take. Cells are read by the CLI's own
// code (src/cli/column.ts and cells.ts: numbers, pandas' missing tokens, a few stray tokens
// read as missing, decimal commas), columns typed by its rule (src/cli/typing.ts), and
// missing cells dropped per pair as the CLI does (src/cli/missing.ts): the page and the
// `mutinfo` command read a file the same way and give the same numbers.
import { printable } from '../src/cli/cells.js';
import { ColumnBuilder, type Column as Cells } from '../src/cli/column.js';
import { completeRows, gather, type Rows } from '../src/cli/missing.js';
import { detectTask, distinctCount } from '../src/cli/typing.js';
import { InputError, type Table } from './csv.js';
import type { ColumnSummary } from './protocol.js';

/** One column, ready for the estimators. Missing cells are NaN (numeric) or code -1 (text). */
export interface Column {
  name: string;
  kind: 'numeric' | 'categorical';
  cells: Cells;
  distinct: number;
}

/** Everything an analysis needs, checked. */
export interface Prepared {
  columns: Column[];
  target: number;
  features: number[];
  task: 'classification' | 'regression';
  rows: number;
  /** How the file was read where it may not be what the user meant, one sentence each. */
  notes: string[];
}

const NO_OVERRIDES = { discrete: [], continuous: [] };

/** Reads every column with the CLI's cell rules, and the notes the CLI would print. */
export function readColumns(table: Table): { columns: Column[]; notes: string[] } {
  const notes: string[] = [];
  const commas: string[] = [];
  let firstComma: { line: number; cell: string } | undefined;
  const columns = table.names.map((name, j): Column => {
    const b = new ColumnBuilder(name, undefined, false);
    const cells = table.columns[j];
    for (let i = 0; i < cells.length; i++) b.push(cells[i], table.lines[i]);
    const built = b.finish();
    if (built.strays !== undefined) notes.push(`${printable(built.strays)}; read as missing.`);
    if (built.decimalComma !== undefined) {
      commas.push(JSON.stringify(name));
      firstComma ??= built.decimalComma;
    }
    const c = built.column;
    return { name, kind: c.type === 'numeric' ? 'numeric' : 'categorical', cells: c, distinct: distinctCount(c) };
  });
  if (firstComma !== undefined) {
    notes.push(
      printable(`Decimal commas read as decimal points in ${commas.length === 1 ? 'column' : 'columns'} ${commas.join(', ')} ` +
        `(line ${firstComma.line}: ${JSON.stringify(firstComma.cell)}).`),
    );
  }
  return { columns, notes };
}

/** Whether a column, as a target, gives a classification (labels) or a regression: the CLI's rule. */
function taskOf(c: Column): Prepared['task'] {
  return detectTask(c.cells, NO_OVERRIDES, undefined).task === 'classif' ? 'classification' : 'regression';
}

/**
 * Types every column and checks the chosen target.
 * @throws InputError if the target is unknown or has no values
 */
export function prepare(table: Table, targetName: string): Prepared {
  const target = table.names.indexOf(targetName);
  if (target < 0) throw new InputError(`There is no column named ${JSON.stringify(targetName)}`);
  const { columns, notes } = readColumns(table);
  if (columns[target].distinct === 0) {
    throw new InputError(`The target column ${JSON.stringify(targetName)} is empty: pick a column that has values`);
  }
  const features = columns.map((_, j) => j).filter((j) => j !== target);
  return { columns, target, features, task: taskOf(columns[target]), rows: table.lines.length, notes };
}

/** The rows where every one of these columns has a value (the CLI's per-pair rule). */
export function rowsOf(cols: Column[]): Rows {
  return completeRows(cols.map((c) => c.cells));
}

/** A column's values at some rows, as the library takes them: numbers, or text labels. */
export function valuesAt(c: Column, rows: Rows): Float64Array | string[] {
  const v = gather(c.cells, rows);
  if (c.cells.type === 'numeric') return v as Float64Array;
  const levels = c.cells.levels;
  return Array.from(v as Int32Array, (code) => levels[code]);
}

/** Each column's name, the task it would give as the target, and its number of distinct values. */
export function summarize(table: Table): { columns: ColumnSummary[]; notes: string[] } {
  const { columns, notes } = readColumns(table);
  return { columns: columns.map((c) => ({ name: c.name, task: taskOf(c), distinct: c.distinct })), notes };
}
