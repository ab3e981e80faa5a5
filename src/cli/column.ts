// Per-column storage filled while the CSV streams in. A column holds numbers in a growing
// Float64Array until a cell proves it is text; from then on it holds label codes in a growing
// Int32Array. No row objects are ever kept, so memory is 8 bytes per numeric cell.
import { CliError } from './errors.js';

/**
 * Cells read as missing: pandas.read_csv's default `na_values`, so a file that pandas reads
 * with NaNs reads here with the same cells missing.
 */
const MISSING = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
]);

/** A decimal number as people write them in CSV files; no hex, no Infinity. */
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

interface ColumnBase {
  name: string;
  /** Number of cells, missing ones included (the number of data rows). */
  length: number;
  /** Number of missing cells. */
  missing: number;
  /** Line of the file holding the first missing cell, 0 if none. */
  firstMissingLine: number;
}

/** A column whose every present cell is a number. Missing cells are NaN. */
export interface NumericColumn extends ColumnBase {
  type: 'numeric';
  values: Float64Array;
}

/** A column with at least one text cell. Cells are codes into `levels`; missing cells are -1. */
export interface TextColumn extends ColumnBase {
  type: 'text';
  codes: Int32Array;
  levels: string[];
}

export type Column = NumericColumn | TextColumn;

/** Why a column must stay numeric, for the error message when it does not. */
export type ForcedNumeric = string | undefined;

/** Builds one column, cell by cell. */
export class ColumnBuilder {
  private num: Float64Array | null = new Float64Array(1024);
  private codes: Int32Array | null = null;
  private dict: Map<string, number> | null = null;
  private levels: string[] = [];
  private n = 0;
  private missing = 0;
  private firstMissingLine = 0;

  constructor(
    readonly name: string,
    private readonly forcedNumeric: ForcedNumeric,
    private readonly missingIsError: boolean,
  ) {}

  push(cell: string, line: number): void {
    const i = this.n++;
    const len = cell.length;
    // Trimming here rather than in the parser: most cells have no spaces to trim.
    if (len > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(len - 1) <= 32)) cell = cell.trim();
    const isNumber = cell.length > 0 && NUMBER.test(cell);
    if (!isNumber && (cell.length === 0 || MISSING.has(cell))) {
      this.onMissing(line);
      if (this.num !== null) this.num = put64(this.num, i, NaN);
      else this.codes = put32(this.codes!, i, -1);
      return;
    }
    if (this.num !== null) {
      if (isNumber) {
        this.num = put64(this.num, i, +cell);
        return;
      }
      if (this.forcedNumeric !== undefined) {
        throw new CliError(
          `column ${JSON.stringify(this.name)} is ${this.forcedNumeric}, but line ${line} holds ${JSON.stringify(cell)}, not a number`,
        );
      }
      this.toText(i);
    }
    // Numbers in a text column are labels keyed by their value, so "1.50" and "1.5" agree.
    this.codes = put32(this.codes!, i, this.code(isNumber ? String(+cell) : cell));
  }

  finish(): Column {
    const base = { name: this.name, length: this.n, missing: this.missing, firstMissingLine: this.firstMissingLine };
    if (this.num !== null) return { ...base, type: 'numeric', values: this.num.subarray(0, this.n) };
    return { ...base, type: 'text', codes: this.codes!.subarray(0, this.n), levels: this.levels };
  }

  private onMissing(line: number): void {
    if (this.missing++ === 0) this.firstMissingLine = line;
    if (this.missingIsError) {
      throw new CliError(
        `column ${JSON.stringify(this.name)} has a missing cell on line ${line} (--missing drop skips such rows)`,
      );
    }
  }

  private code(key: string): number {
    let c = this.dict!.get(key);
    if (c === undefined) {
      c = this.levels.length;
      this.dict!.set(key, c);
      this.levels.push(key);
    }
    return c;
  }

  /** Converts the first i numeric cells to label codes: the column turned out to be text. */
  private toText(i: number): void {
    const num = this.num!;
    this.dict = new Map();
    const codes = new Int32Array(num.length);
    for (let r = 0; r < i; r++) codes[r] = Number.isNaN(num[r]) ? -1 : this.code(String(num[r]));
    this.codes = codes;
    this.num = null;
  }
}

function put64(a: Float64Array, i: number, v: number): Float64Array {
  if (i === a.length) {
    const b = new Float64Array(a.length * 2);
    b.set(a);
    a = b;
  }
  a[i] = v;
  return a;
}

function put32(a: Int32Array, i: number, v: number): Int32Array {
  if (i === a.length) {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    a = b;
  }
  a[i] = v;
  return a;
}
