// Per-column storage filled while the CSV streams in. A column holds numbers in a growing
// Float64Array until enough cells prove it is text (a few stray tokens do not); from then on
// it holds label codes in a growing Int32Array. No row objects are ever kept, so memory is
// 8 bytes per numeric cell. Which cell is a number, missing or text is decided in cells.ts,
// which the demo page shares.
import { describeStrays, fewStrays, STRAY_LIMIT, readCell, trimCell, type Decimal, type Stray } from './cells.js';
import { CliError } from './errors.js';

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

/** How a column is read, beyond its name. */
export interface BuildOptions {
  /** The decimal separator (default `'auto'`: a dot, or commas in a column without dots). */
  decimal?: Decimal;
  /** The column is forced to labels (--discrete): text cells are labels, never strays. */
  labels?: boolean;
}

/** A finished column and the notes about how it was read (for stderr). */
export interface Built {
  column: Column;
  /** Stray text read as missing, in one line; undefined when there was none. */
  strays?: string;
  /** The first cell whose comma was read as a decimal point; undefined when none was. */
  decimalComma?: Stray;
}

/**
 * Builds one column, cell by cell. A column holds numbers in a growing Float64Array; text
 * cells are kept aside as strays while they are few (see fewStrays), and once they are not,
 * the column turns into label codes in a growing Int32Array. At the end a column with few
 * strays stays numeric and its strays become missing cells, named in a note.
 */
export class ColumnBuilder {
  private num: Float64Array | null = new Float64Array(1024);
  private codes: Int32Array | null = null;
  private dict: Map<string, number> | null = null;
  private levels: string[] = [];
  private n = 0;
  private missing = 0;
  private firstMissingLine = 0;
  private numbers = 0;
  private dotFractions = 0;
  /** Rows whose comma was read as a decimal point, and the first such cell. */
  private commaRows: number[] = [];
  private commaLines: number[] = [];
  private firstComma: Stray | undefined;
  private strayRows: number[] = [];
  private strays: Stray[] = [];
  private readonly decimal: Decimal;
  private readonly labels: boolean;

  constructor(
    readonly name: string,
    private readonly forcedNumeric: ForcedNumeric,
    private readonly missingIsError: boolean,
    options: BuildOptions = {},
  ) {
    this.decimal = options.decimal ?? 'auto';
    this.labels = options.labels ?? false;
  }

  push(raw: string, line: number): void {
    const i = this.n++;
    const cell = trimCell(raw);
    const { kind, value } = readCell(cell, this.decimal);
    if (kind === 'missing') {
      this.onMissing(line);
      if (this.num !== null) this.num = put64(this.num, i, NaN);
      else this.codes = put32(this.codes!, i, -1);
      return;
    }
    if (this.num !== null) {
      if (kind === 'number' || kind === 'comma') {
        this.num = put64(this.num, i, value);
        this.numbers++;
        if (kind === 'comma') {
          this.commaRows.push(i);
          this.commaLines.push(line);
          this.firstComma ??= { line, cell };
        } else if (this.decimal !== ',' && cell.includes('.')) {
          this.dotFractions++;
        }
        return;
      }
      if (this.forcedNumeric !== undefined) throw this.notANumber(line, cell);
      if (!this.labels && this.strays.length < STRAYS_KEPT) {
        this.num = put64(this.num, i, NaN);
        this.strayRows.push(i);
        this.strays.push({ line, cell });
        return;
      }
      this.toText(i);
    }
    // Numbers in a text column are labels keyed by their value, so "1.50" and "1.5" agree.
    this.codes = put32(this.codes!, i, this.code(kind === 'text' ? cell : String(value)));
  }

  finish(): Built {
    let decimalComma: Stray | undefined;
    if (this.num !== null && this.commaRows.length > 0) {
      // Commas are decimal points only in a column that writes no fraction with a dot.
      if (this.decimal === ',' || this.dotFractions === 0) {
        decimalComma = this.firstComma;
      } else {
        for (let r = 0; r < this.commaRows.length; r++) {
          const row = this.commaRows[r];
          const cell = String(this.num[row]).replace('.', ',');
          if (this.forcedNumeric !== undefined) throw this.notANumber(this.commaLines[r], cell);
          this.num[row] = NaN;
          this.strayRows.push(row);
          this.strays.push({ line: this.commaLines[r], cell });
        }
        this.numbers -= this.commaRows.length;
      }
    }
    let strays: string | undefined;
    if (this.num !== null && this.strays.length > 0) {
      if (fewStrays(this.strays.length, this.numbers)) {
        strays = `column ${JSON.stringify(this.name)} is numeric except ${describeStrays(this.strays, this.strays.length)}`;
        if (this.missingIsError) throw new CliError(`${strays} (--missing drop reads such cells as missing)`);
        for (const s of this.strays) this.onMissing(s.line);
      } else {
        this.toText(this.n);
      }
    }
    const base = { name: this.name, length: this.n, missing: this.missing, firstMissingLine: this.firstMissingLine };
    const column: Column = this.num !== null
      ? { ...base, type: 'numeric', values: this.num.subarray(0, this.n) }
      : { ...base, type: 'text', codes: this.codes!.subarray(0, this.n), levels: this.levels };
    return { column, strays, decimalComma };
  }

  private notANumber(line: number, cell: string): CliError {
    return new CliError(
      `column ${JSON.stringify(this.name)} is ${this.forcedNumeric}, but line ${line} holds ${JSON.stringify(cell)}, not a number`,
    );
  }

  private onMissing(line: number): void {
    if (this.missing++ === 0 || line < this.firstMissingLine) this.firstMissingLine = line;
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

  /** Converts the first i cells to label codes, strays included: the column turned out to be text. */
  private toText(i: number): void {
    const num = this.num!;
    this.dict = new Map();
    const codes = new Int32Array(num.length);
    const stray = new Map<number, string>();
    this.strayRows.forEach((r, s) => stray.set(r, this.strays[s].cell));
    for (let r = 0; r < i; r++) {
      const text = stray.get(r);
      codes[r] = text !== undefined ? this.code(text) : Number.isNaN(num[r]) ? -1 : this.code(String(num[r]));
    }
    this.codes = codes;
    this.num = null;
    this.strayRows = [];
    this.strays = [];
    this.commaRows = [];
    this.commaLines = [];
  }
}

/** Stray cells kept aside before a column is taken for text (fewStrays never allows more). */
const STRAYS_KEPT = STRAY_LIMIT + 1;

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
