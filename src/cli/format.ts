// Renders a command's result as an aligned table (for people), CSV, or JSON (for pipes).

export type Format = 'table' | 'csv' | 'json';

export type Cell = string | number | null;

export interface Field {
  key: string;
  /** Header in table and CSV output. */
  label: string;
  /** Decimals of numbers in the table (CSV and JSON keep full precision). */
  digits?: number;
}

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

/** The text written to stdout, ending in a newline. */
export function render(r: Result, format: Format): string {
  if (format === 'json') return `${compactArrays(JSON.stringify(r.json, null, 2))}\n`;
  if (format === 'csv') return csv(r);
  return table(r);
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
  const text = r.rows.map((row) => r.fields.map((f) => tableCell(row[f.key], f)));
  const numeric = r.fields.map((f) => r.rows.length > 0 && r.rows.every((row) => typeof row[f.key] !== 'string'));
  const widths = r.fields.map((f, j) => Math.max(f.label.length, ...text.map((t) => t[j].length)));
  const pad = (s: string, j: number) => (numeric[j] ? s.padStart(widths[j]) : s.padEnd(widths[j]));
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const out: string[] = [];
  if (r.title !== undefined) out.push(r.title, '');
  out.push(line(r.fields.map((f) => f.label)));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const t of text) out.push(line(t));
  if (r.notes !== undefined && r.notes.length > 0) out.push('', ...r.notes);
  return `${out.join('\n')}\n`;
}

function tableCell(v: Cell | undefined, f: Field): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number' && f.digits !== undefined) return v.toFixed(f.digits);
  return String(v);
}

/** The name of the unit for a logarithm base. */
export function unitName(base: number | undefined): string {
  if (base === 2) return 'bits';
  if (base === 10) return 'hartleys';
  return 'nats';
}
