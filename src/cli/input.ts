// Opens a CSV/TSV source (a path, or `-` for stdin), peeks at its first line to pick the
// delimiter, and hands back a byte stream that still starts at the beginning.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { CliError } from './errors.js';

export interface Source {
  /** How messages name the source: the path, or "stdin". */
  name: string;
  /** The delimiter found in the header line. */
  delimiter: string;
  /** Size in bytes when known (files), else 0. */
  size: number;
  /** The whole input, first line included. */
  stream: Readable;
}

/** Candidate delimiters, in order of preference on a tie. */
const DELIMITERS = [',', '\t', ';', '|'];

/** Stops looking for the end of the header line after this many bytes. */
const PEEK_LIMIT = 1 << 20;

/** Opens the source and detects its delimiter; onBytes sees the running byte count. */
export async function openSource(path: string, onBytes?: (bytes: number) => void): Promise<Source> {
  const name = path === '-' ? 'stdin' : path;
  let size = 0;
  let raw: Readable;
  if (path === '-') {
    raw = process.stdin;
  } else {
    try {
      const st = statSync(path);
      if (st.isDirectory()) throw new CliError(`cannot read ${JSON.stringify(path)}: it is a directory`);
      size = st.size;
    } catch (e) {
      if (e instanceof CliError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
      throw new CliError(`cannot read ${JSON.stringify(path)}: ${why}`);
    }
    raw = createReadStream(path);
  }
  const it = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let peeked = 0;
  let done = false;
  while (true) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    peeked += r.value.length;
    if (r.value.includes(10) || peeked >= PEEK_LIMIT) break;
  }
  const first = Buffer.concat(head);
  // Text files (UTF-8, Latin-1, with or without a BOM) hold no NUL byte; binary formats
  // (xlsx, parquet, gzip, UTF-16) have them within their first bytes.
  if (first.includes(0)) {
    raw.destroy();
    throw new CliError(`${name} is not a text CSV file (it holds binary data; UTF-16 text must be converted to UTF-8)`);
  }
  let bytes = 0;
  async function* all(): AsyncGenerator<Buffer> {
    for (const chunk of head) yield count(chunk);
    while (!done) {
      const r = await it.next();
      if (r.done) break;
      yield count(r.value);
    }
  }
  function count(chunk: Buffer): Buffer {
    bytes += chunk.length;
    onBytes?.(bytes);
    return chunk;
  }
  return { name, delimiter: detectDelimiter(headerLine(first)), size, stream: Readable.from(all(), { objectMode: false }) };
}

/**
 * The first non-blank record of the input: up to the first line break outside double quotes,
 * so a quoted header name may hold a line break.
 */
export function headerLine(buf: Buffer | string): string {
  const text = typeof buf === 'string' ? buf : buf.toString('utf8');
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      const line = text.slice(start, i);
      if (line.trim().length > 0) return line;
      start = i + 1;
    }
  }
  return text.slice(start);
}

/** The candidate that occurs most often outside double quotes in the header line. */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    if (counts.get(d)! > most) {
      best = d;
      most = counts.get(d)!;
    }
  }
  return best;
}
