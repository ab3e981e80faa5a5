// CSV text to columns of strings, with messages a person can act on. Runs in the
// demo's worker, so a large file never blocks the page.

/** A problem with the user's file, worded for the page (not for a console). */
export class InputError extends Error {
  override name = 'InputError';
}

/** A parsed CSV: header names, and the cells of each column as trimmed strings. */
export interface Table {
  names: string[];
  columns: string[][];
  /** The 1-based line of the file where each data row starts, for messages. */
  lines: number[];
}

const DELIMITERS = [',', ';', '\t'];

/** The delimiter that splits the header line most often, outside quotes; comma by default. */
function sniffDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Splits the text into records of fields (RFC 4180 quoting; LF, CRLF or CR line ends). */
function records(text: string, delim: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === delim) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ fields, line: start });
      fields = [];
      field = '';
      start = ++line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new InputError(`Line ${quoteLine}: a quoted field is opened but never closed`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ fields, line: start });
  }
  // A blank line is a single empty field: it carries no row.
  return out.filter((r) => r.fields.length > 1 || r.fields[0].trim() !== '');
}

/** Header names made usable: trimmed, never empty, never repeated. */
function headerNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((r, j) => {
    const base = r.trim() || `column ${j + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * Parses CSV text with a header row into columns of trimmed strings.
 * @throws InputError for an empty or binary file, an unclosed quote, a row whose
 *   field count differs from the header's, a single column, or no data rows
 */
export function parseCsv(text: string): Table {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError('The file is empty');
  if (text.includes('\u0000')) throw new InputError('This is not a text CSV file (it contains binary data)');
  const delim = sniffDelimiter(text);
  const recs = records(text, delim);
  const names = headerNames(recs[0].fields);
  if (names.length < 2) {
    throw new InputError(
      `The CSV has a single column (${JSON.stringify(names[0])}). Mutual information needs a target and at ` +
        'least one feature: check that columns are separated by commas, semicolons or tabs',
    );
  }
  if (recs.length < 2) throw new InputError('The CSV has a header row but no data rows');
  const columns: string[][] = names.map(() => []);
  const lines: number[] = [];
  for (let r = 1; r < recs.length; r++) {
    const { fields, line } = recs[r];
    if (fields.length !== names.length) {
      throw new InputError(
        `Line ${line} has ${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ` +
          `${names.length}: the CSV is malformed (a missing delimiter or an unbalanced quote?)`,
      );
    }
    for (let j = 0; j < names.length; j++) columns[j].push(fields[j].trim());
    lines.push(line);
  }
  return { names, columns, lines };
}
