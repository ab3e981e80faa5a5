// From a parsed table to the inputs the estimators take: numeric columns as
// Float64Array, text columns as labels, and the task the target implies.
import { InputError, type Table } from './csv.js';
import type { ColumnSummary } from './protocol.js';

/** Cells read as missing. '?' is how the UCI repository marks them. */
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?']);

/**
 * A numeric target with at most this many distinct integer values is read as
 * class labels (wine's `class`, breast_cancer's 0/1); otherwise it is regressed on.
 */
const MAX_CLASSES = 20;

/** One column, ready for the estimators. */
export type Column =
  | { name: string; kind: 'numeric'; values: Float64Array; integer: boolean; distinct: number }
  | { name: string; kind: 'categorical'; values: string[]; distinct: number };

/** Everything an analysis needs, checked. */
export interface Prepared {
  columns: Column[];
  target: number;
  features: number[];
  task: 'classification' | 'regression';
  rows: number;
}

function column(name: string, cells: string[]): Column {
  const values = new Float64Array(cells.length);
  let integer = true;
  for (let i = 0; i < cells.length; i++) {
    const v = Number(cells[i]);
    if (!Number.isFinite(v)) {
      return { name, kind: 'categorical', values: cells, distinct: new Set(cells).size };
    }
    values[i] = v;
    if (!Number.isInteger(v)) integer = false;
  }
  return { name, kind: 'numeric', values, integer, distinct: new Set(values).size };
}

function lineList(lines: number[], rows: number[]): string {
  const shown = rows.slice(0, 5).map((r) => lines[r]);
  return `line${shown.length > 1 ? 's' : ''} ${shown.join(', ')}${rows.length > 5 ? ', …' : ''}`;
}

/**
 * Checks the chosen target and the features, and types every column.
 * @throws InputError if the target is unknown or has empty cells, or a feature has empty cells
 */
export function prepare(table: Table, targetName: string): Prepared {
  const target = table.names.indexOf(targetName);
  if (target < 0) throw new InputError(`There is no column named ${JSON.stringify(targetName)}`);
  const rows = table.lines.length;
  const columns: Column[] = [];
  for (let j = 0; j < table.names.length; j++) {
    const name = table.names[j];
    const cells = table.columns[j];
    const empty = cells.flatMap((c, i) => (MISSING.has(c) ? [i] : []));
    if (j === target && empty.length === rows) {
      throw new InputError(`The target column ${JSON.stringify(name)} is empty: pick a column that has values`);
    }
    if (empty.length > 0) {
      const what = j === target ? 'The target column' : 'Column';
      throw new InputError(
        `${what} ${JSON.stringify(name)} has ${empty.length} empty cell${empty.length > 1 ? 's' : ''} ` +
          `(${lineList(table.lines, empty)}). The estimators need complete data: fill or remove ` +
          `${empty.length > 1 ? 'those rows' : 'that row'}, or drop the column`,
      );
    }
    columns.push(column(name, cells));
  }
  const features = columns.map((_, j) => j).filter((j) => j !== target);
  return { columns, target, features, task: taskOf(columns[target]), rows };
}

/** Whether a column, as a target, gives a classification (labels) or a regression. */
function taskOf(c: Column): Prepared['task'] {
  return c.kind === 'categorical' || (c.integer && c.distinct <= MAX_CLASSES) ? 'classification' : 'regression';
}

/** Each column's name, the task it would give as the target, and its number of distinct values. */
export function summarize(table: Table): ColumnSummary[] {
  return table.names.map((name, j) => {
    const c = column(name, table.columns[j].filter((v) => !MISSING.has(v)));
    return { name, task: taskOf(c), distinct: c.distinct };
  });
}
