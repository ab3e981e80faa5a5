// Renders a command's result as an aligned table (for people), CSV, or JSON (for pipes).
import { printable } from './cells.js';

export type Format = 'table' | 'csv' | 'json';

export type Cell = string | number | null;

export interface Field {
  key: string;
  /** Header in table and CSV output. */
  label: string;
  /** Decimals of numbers in the table (CSV and JSON keep full precision). */
  digits?: number;
  /**
   * The column holds raw MI estimates: a negative one is printed with a `*` (never as
   * "-0.0000") and a note says what it means. CSV and JSON keep the raw value.
   */
  mi?: boolean;
}

/** The note under a table that marked a negative raw MI. */
export const NEGATIVE_NOTE =
  '* a raw k-NN estimate below 0: no dependence detectable at this sample size (sklearn clips such values to 0)';

/** What every command hands to the formatter. */
export interface Result {
  /** A line printed above the table (table format only). */
  title?: string;
  fields: Field[];
  rows: Record<string, Cell>[];
  /** Lines printed below the table (table format only). */
  notes?: string[];
  /** The whole result for `--format json`. */
  json: unknown;
}

/**
 * The text written to stdout, ending in a newline. A table wider than `width` characters (the
 * terminal's) is cut into blocks of columns that fit, each repeating the first column, as
 * pandas and R print wide frames: a 30-column matrix stays readable.
 */
export function render(r: Result, format: Format, width = Infinity): string {
  if (format === 'json') return `${compactArrays(JSON.stringify(r.json, null, 2))}\n`;
  if (format === 'csv') return csv(r);
  return wrapped(r, width);
}

function wrapped(r: Result, width: number): string {
  const full = table(r);
  const lines = full.split('\n');
  if (r.fields.length < 3 || !lines.some((l) => displayWidth(l) > width)) return full;
  const cell = (f: Field) => Math.max(displayWidth(printable(f.label)), ...[0].concat(r.rows.slice(0, 1000).map((row) => displayWidth(printable(tableCell(row[f.key], f))))));
  const [first, ...rest] = r.fields;
  const groups: Field[][] = [];
  let used = cell(first);
  for (const f of rest) {
    const w = cell(f) + 2;
    if (groups.length === 0 || used + w > width) {
      groups.push([]);
      used = cell(first);
    }
    groups[groups.length - 1].push(f);
    used += w;
  }
  const blocks = groups.map((g, i) =>
    table({ ...r, title: i === 0 ? r.title : undefined, notes: i === groups.length - 1 ? r.notes : undefined, fields: [first, ...g] }).trimEnd(),
  );
  return `${blocks.join('\n\n')}\n`;
}

/** Puts arrays of numbers and strings on one line each, so a matrix reads as one. */
function compactArrays(json: string): string {
  // Raw newlines occur in JSON text only between tokens, never inside strings.
  return json.replace(/\[[^[\]{}]*\]/g, (m) => m.replace(/\n\s*/g, (_, i) => (i === 1 ? '' : ' ')).replace(/ \]$/, ']'));
}

function csv(r: Result): string {
  const lines = [r.fields.map((f) => csvCell(f.label)).join(',')];
  for (const row of r.rows) lines.push(r.fields.map((f) => csvCell(row[f.key])).join(','));
  return `${lines.join('\n')}\n`;
}

function csvCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(r: Result): string {
  // Loops rather than Math.max(...cells): a spread of 160,000 arguments overflows the stack.
  const text = r.rows.map((row) => r.fields.map((f) => printable(tableCell(row[f.key], f))));
  const labels = r.fields.map((f) => printable(f.label));
  const numeric = r.fields.map((f) => r.rows.length > 0 && r.rows.every((row) => typeof row[f.key] !== 'string'));
  const widths = labels.map(displayWidth);
  for (const t of text) for (let j = 0; j < t.length; j++) widths[j] = Math.max(widths[j], displayWidth(t[j]));
  const pad = (s: string, j: number) => {
    const fill = ' '.repeat(Math.max(0, widths[j] - displayWidth(s)));
    return numeric[j] ? fill + s : s + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const out: string[] = [];
  if (r.title !== undefined) out.push(printable(r.title), '');
  out.push(line(labels));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const t of text) out.push(line(t));
  const notes = [...(r.notes ?? [])];
  if (text.some((t) => t.some((c) => c.endsWith('*')))) notes.push(NEGATIVE_NOTE);
  if (notes.length > 0) out.push('', ...notes.map(printable));
  return `${out.join('\n')}\n`;
}

/**
 * Columns a string takes on a terminal: 2 for East Asian wide and fullwidth characters (CJK,
 * Hangul, fullwidth forms, most emoji), 0 for combining marks, 1 otherwise.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfe0f) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd)
  );
}

function tableCell(v: Cell | undefined, f: Field): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number' && f.mi === true && v < 0) {
    const shown = v.toFixed(f.digits ?? 4);
    return `${/^-0\.0*$/.test(shown) ? shown.slice(1) : shown}*`;
  }
  if (typeof v === 'number' && f.digits !== undefined) return v.toFixed(f.digits);
  return String(v);
}

/** The name of the unit for a logarithm base. */
export function unitName(base: number | undefined): string {
  if (base === 2) return 'bits';
  if (base === 10) return 'hartleys';
  return 'nats';
}

/** "1 row", "2 rows". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
