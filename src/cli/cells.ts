// How one CSV cell reads: a number, a missing cell, or text. Shared by the CLI (column.ts)
// and the demo page (demo/table.ts), so that both read a file the same way. No Node APIs here.

export { MISSING_CELLS } from '../core/missingCells.js';
import { MISSING_CELLS } from '../core/missingCells.js';

/** The decimal separator: `'.'`, `','`, or `'auto'` (a dot, or commas when a column has no dot). */
export type Decimal = '.' | ',' | 'auto';

const ZERO = 48;
const NINE = 57;

function digitsFrom(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    i++;
  }
  return i;
}

/**
 * Whether `s` is a decimal number as people write them in CSV files, with `sep` as the
 * decimal separator: optional sign, digits with at most one separator (at least one digit),
 * optional exponent. No hex, no Infinity, no thousands separators. One pass over the
 * characters, so a 200,000-digit cell costs what its length does (a regex with nested
 * quantifiers backtracks quadratically on such a cell followed by a letter).
 */
export function isDecimalNumber(s: string, sep: '.' | ','): boolean {
  let i = 0;
  const n = s.length;
  if (i < n && (s[i] === '+' || s[i] === '-')) i++;
  const intStart = i;
  i = digitsFrom(s, i);
  let digits = i - intStart;
  if (i < n && s[i] === sep) {
    const fracStart = ++i;
    i = digitsFrom(s, i);
    digits += i - fracStart;
  }
  if (digits === 0) return false;
  if (i < n && (s[i] === 'e' || s[i] === 'E')) {
    i++;
    if (i < n && (s[i] === '+' || s[i] === '-')) i++;
    const expStart = i;
    i = digitsFrom(s, i);
    if (i === expStart) return false;
  }
  return i === n;
}

/** How a cell reads under a decimal setting. */
export type CellKind = 'missing' | 'number' | 'comma' | 'text';

/**
 * Reads one trimmed cell. `'number'`: a number with a dot (or, under `decimal: ','`, with a
 * comma); `'comma'` (only under `'auto'`): a number once its comma is read as a decimal
 * point; `'missing'`: empty or a pandas na_value; otherwise `'text'`. `value` is the number,
 * NaN for the others.
 */
export function readCell(cell: string, decimal: Decimal): { kind: CellKind; value: number } {
  if (decimal === ',') {
    if (isDecimalNumber(cell, ',')) return { kind: 'number', value: +cell.replace(',', '.') };
  } else if (isDecimalNumber(cell, '.')) {
    return { kind: 'number', value: +cell };
  } else if (decimal === 'auto' && cell.includes(',') && isDecimalNumber(cell, ',')) {
    return { kind: 'comma', value: +cell.replace(',', '.') };
  }
  return { kind: MISSING_CELLS.has(cell) ? 'missing' : 'text', value: NaN };
}

/** Trims a cell only when it needs it: most cells have no spaces. */
export function trimCell(cell: string): string {
  const len = cell.length;
  return len > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(len - 1) <= 32) ? cell.trim() : cell;
}

/**
 * Most stray text cells a numeric column may hold and still be read as numbers (the strays
 * as missing): at most 5% of its present cells, at most STRAY_LIMIT, and at least
 * MIN_NUMBERS numbers. More than that, and the column is text (labels). A stray token such
 * as `oops`, `-` or `?` in a column of measurements must not turn it into labels, which
 * makes its MI ln N of nonsense; a column of names with a few numbers in it stays text.
 */
export const STRAY_LIMIT = 100;
export const MIN_NUMBERS = 10;

/** Whether `strays` text cells among `numbers` numbers are few enough to be read as missing. */
export function fewStrays(strays: number, numbers: number): boolean {
  if (strays === 0) return true;
  if (numbers < MIN_NUMBERS || strays > STRAY_LIMIT) return false;
  return strays <= Math.max(1, Math.floor(0.05 * (numbers + strays)));
}

/** A stray cell, for messages. */
export interface Stray {
  line: number;
  cell: string;
}

/** "line 52: \"oops\"" or "lines 52, 60 and 71: \"oops\", \"-\", \"?\"" (at most 3 shown). */
export function describeStrays(strays: readonly Stray[], total: number): string {
  const shown = strays.slice(0, 3);
  const more = total > shown.length ? ` and ${total - shown.length} more` : '';
  const lines = shown.map((s) => s.line);
  const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  return `${where}${more}: ${shown.map((s) => printable(JSON.stringify(s.cell))).join(', ')}`;
}

/**
 * Makes text safe to print on a terminal: control characters (C0, DEL and C1, which include
 * ESC and CSI and so every escape sequence; line breaks; bidirectional overrides) become
 * `\xNN` (or `\uNNNN`), so a header name cannot move the
 * cursor, recolour the screen or set the window title.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 256 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
