// The CLI on files that a naive reader misreads (stray tokens, decimal commas, a data row
// as header, binary files) and on hostile ones (huge cells and headers, __proto__, escape
// sequences). Each number is checked against the same data read cleanly.
import { describe, expect, it } from 'vitest';
import { isDecimalNumber, printable, readCell } from '../src/cli/cells.js';
import { displayWidth, render } from '../src/cli/format.js';
import { detectDelimiter, headerLine } from '../src/cli/input.js';
import { checkNames } from '../src/cli/typing.js';
import { mutinfo, mutinfoJson, scratch } from './support/cli.js';

/** 60 rows of x and y = x + noise, with 4 decimals, from a fixed LCG. */
function rows(): [string, string][] {
  let s = 12345;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  return Array.from({ length: 60 }, () => {
    const x = u() * 4;
    return [x.toFixed(4), (x + u()).toFixed(4)];
  });
}

const clean = rows();
const cleanCsv = `x,y\n${clean.map((r) => r.join(',')).join('\n')}\n`;

describe('numeric columns with a stray token', () => {
  it.each(['oops', '-', '?'])('pair x y with %j on line 52: one note naming the column and line, and the MI of the rows without it', (tok) => {
    const cells = clean.map((r, i) => (i === 50 ? [tok, r[1]] : r));
    const file = scratch(`stray-${tok === '?' ? 'q' : tok}.csv`, `x,y\n${cells.map((r) => r.join(',')).join('\n')}\n`);
    const without = scratch('without.csv', `x,y\n${clean.filter((_, i) => i !== 50).map((r) => r.join(',')).join('\n')}\n`);
    const r = mutinfo(['pair', file, 'x', 'y', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`mutinfo: column "x" is numeric except line 52: ${JSON.stringify(tok)}; read as missing (--missing error stops instead)\n`);
    const got = JSON.parse(r.stdout);
    const want = mutinfoJson(['pair', without, 'x', 'y']);
    expect(got.estimator).toBe('ksg');
    expect(got.dropped).toBe(1);
    expect(got.mi).toBe(want.mi);
  });

  it('--missing error stops at the stray token with exit 1', () => {
    const cells = clean.map((r, i) => (i === 50 ? ['oops', r[1]] : r));
    const file = scratch('stray-err.csv', `x,y\n${cells.map((r) => r.join(',')).join('\n')}\n`);
    const r = mutinfo(['pair', file, 'x', 'y', '--missing', 'error']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('column "x" is numeric except line 52: "oops"');
  });

  it('matrix x y with a stray token no longer reads x as 60 labels (ln 60 of nonsense)', () => {
    const cells = clean.map((r, i) => (i === 7 ? ['n/a?', r[1]] : r));
    const file = scratch('stray-matrix.csv', `x,y\n${cells.map((r) => r.join(',')).join('\n')}\n`);
    const out = mutinfoJson(['matrix', file, '--quiet']);
    expect(out.estimator[0][1]).toBe('ksg');
    expect(out.mi[0][1]).toBeLessThan(Math.log(60) / 2);
  });
});

describe('decimal commas', () => {
  const semi = `x;y\n${clean.map((r) => r.map((c) => c.replace('.', ',')).join(';')).join('\n')}\n`;

  it('a ;-separated file with decimal commas gives the numbers of the same file with dots, and one note', () => {
    const file = scratch('comma.csv', semi);
    const r = mutinfo(['pair', file, 'x', 'y', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^mutinfo: decimal commas read as decimal points in columns "x", "y" \(line 2: "[\d,]+"\); --decimal , says so/);
    expect(JSON.parse(r.stdout).mi).toBe(mutinfoJson(['pair', scratch('dots.csv', cleanCsv), 'x', 'y']).mi);
  });

  it('--decimal , reads them silently, --decimal . reads them as text', () => {
    const file = scratch('comma2.csv', semi);
    const quiet = mutinfo(['pair', file, 'x', 'y', '--decimal', ',', '--format', 'json']);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).estimator).toBe('ksg');
    expect(mutinfoJson(['pair', file, 'x', 'y', '--decimal', '.']).estimator).toBe('discrete');
  });
});

describe('headers', () => {
  it('a header row that looks like data gets a note, and --no-header reads it as data', () => {
    const file = scratch('noheader.csv', clean.map((r) => r.join(',')).join('\n'));
    const r = mutinfo(['entropy', file, clean[0][0], '--format', 'json']);
    expect(r.stderr).toContain(`mutinfo: the header row of ${file} looks like data (${clean[0][0]}, ${clean[0][1]}); --no-header`);
    const all = mutinfoJson(['entropy', file, 'column1', '--no-header']);
    expect(all.rows).toBe(60);
  });

  it('a column named __proto__ prints its values, not [object Object]', () => {
    const file = scratch('proto.csv', `__proto__,constructor\n${clean.map((r) => r.join(',')).join('\n')}\n`);
    const r = mutinfo(['matrix', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('object');
    const row = r.stdout.split('\n').find((l) => l.startsWith('__proto__'))!;
    expect(row).toMatch(/^__proto__ +- +\d\.\d{4}$/);
  });

  it('a quoted newline in a ;-separated header is read, not rejected', () => {
    const file = scratch('nl.csv', `"x\nfirst";y\n${clean.map((r) => r.join(';')).join('\n')}\n`);
    const out = mutinfoJson(['pair', file, 'x\nfirst', 'y']);
    expect(out.mi).toBe(mutinfoJson(['pair', scratch('dots2.csv', cleanCsv), 'x', 'y']).mi);
    expect(headerLine('"a\nb";c;d\n1;2;3')).toBe('"a\nb";c;d');
    expect(detectDelimiter(headerLine('"a\nb";c;d\n1;2;3'))).toBe(';');
  });

  it('escape sequences in header names never reach the terminal raw', () => {
    const evil = '\u001b]0;pwned\u0007x\u009b31m';
    const file = scratch('esc.csv', `"${evil}",y\n${clean.map((r) => r.join(',')).join('\n')}\n`);
    const table = mutinfo(['matrix', file]);
    expect(table.code).toBe(0);
    const err = mutinfo(['pair', file, 'nope', 'y']);
    expect(err.code).toBe(2);
    for (const out of [table.stdout, table.stderr, err.stderr]) {
      expect(out).not.toMatch(/[\u001b\u0007\u009b]/);
    }
    expect(table.stdout).toContain('\\x1b]0;pwned\\x07x\\x9b31m');
  });
});

describe('binary files', () => {
  it('a gzip file is "not a text CSV file", exit 1', () => {
    const file = scratch('data.csv.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x0a]));
    const r = mutinfo(['entropy', file, 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mutinfo: .*data\.csv\.gz is not a text CSV file/);
  });
});

describe('hostile sizes, in linear time', () => {
  it('isDecimalNumber on a 200,000-digit cell followed by x: rejected in linear time', () => {
    const cell = `${'1'.repeat(200_000)}x`;
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) expect(isDecimalNumber(cell, '.')).toBe(false);
    // 4 million characters scanned: a quadratic scan would take minutes.
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(readCell('1'.repeat(400), '.').kind).toBe('number');
  });

  it('checkNames with a 160,000-column header', () => {
    const header = Array.from({ length: 160_000 }, (_, j) => `c${j}`);
    const t0 = performance.now();
    checkNames('f', header, header.slice(80_000));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(() => checkNames('f', header, ['C7'])).toThrow(/unknown column "C7" in f \(did you mean "c7"\?\); available: c0, c1, .*, … \(160000 in all\)$/);
  });

  it('mutinfo entropy on a file with a 160,000-column header answers within seconds', () => {
    const m = 160_000;
    const header = Array.from({ length: m }, (_, j) => `c${j}`).join(',');
    const row = (r: number) => Array.from({ length: m }, (_, j) => (j === m - 1 ? 'ab'[r % 2] : '0')).join(',');
    const file = scratch('wide.csv', `${header}\n${[0, 1, 2, 3].map(row).join('\n')}\n`);
    const t0 = performance.now();
    const out = mutinfoJson(['entropy', file, `c${m - 1}`]);
    expect(out.entropy).toBeCloseTo(Math.log(2), 14);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('render(table) of 160,000 rows does not overflow the stack', () => {
    const rowsOut = Array.from({ length: 160_000 }, (_, i) => ({ rank: i + 1, feature: `f${i}`, mi: 1 / (i + 1) }));
    const fields = [{ key: 'rank', label: 'rank' }, { key: 'feature', label: 'feature' }, { key: 'mi', label: 'MI', digits: 4 }];
    const out = render({ fields, rows: rowsOut, json: null }, 'table');
    expect(out.split('\n').length).toBe(160_003);
    expect(out.split('\n')[2]).toBe('     1  f0       1.0000');
  });
});

describe('terminal text', () => {
  it('printable escapes C0, C1 and bidi controls, and keeps other text', () => {
    expect(printable('a\u001b[2Jb\u009bc\u202ed\ne')).toBe('a\\x1b[2Jb\\x9bc\\u202ed\\x0ae');
    expect(printable('ünïcödé 漢字')).toBe('ünïcödé 漢字');
  });

  it('displayWidth counts CJK as 2 columns, so tables align', () => {
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
    const out = render({ fields: [{ key: 'a', label: 'name' }, { key: 'b', label: 'v' }], rows: [{ a: '漢字', b: 'x' }, { a: 'abcdef', b: 'y' }], json: null }, 'table');
    const [, , r1, r2] = out.split('\n');
    expect(displayWidth(r1)).toBe(displayWidth(r2));
  });
});

describe('CLI polish', () => {
  it('--estimator nonsense exits 2 with a CLI message listing what the command accepts', () => {
    const r = mutinfo(['pair', 'data/wine.csv', 'alcohol', 'class', '--estimator', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mutinfo: unknown --estimator "nonsense" for this command; it accepts discrete, ksg, ksg2, mixed, .*\n$/);
    const e = mutinfo(['entropy', 'data/wine.csv', 'alcohol', '--estimator', 'nonsense']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('plugin, miller-madow');
    expect(e.stderr).toContain('vasicek');
  });

  it('subcommand help lists its options without the long footer', () => {
    const r = mutinfo(['pair', '--help']);
    expect(r.stdout).toContain('--given');
    expect(r.stdout).not.toContain('Exit codes');
    expect(r.stdout.trimEnd().endsWith('Examples, input rules and exit codes: mutinfo --help')).toBe(true);
  });

  it('a negative raw MI shows with a star and a note, never as -0.0000; CSV keeps the raw value', () => {
    const fields = [{ key: 'f', label: 'feature' }, { key: 'mi', label: 'MI (nats)', digits: 4, mi: true }];
    const rowsIn = [{ f: 'a', mi: 0.25 }, { f: 'b', mi: -0.00001 }, { f: 'c', mi: -0.0123 }];
    const out = render({ fields, rows: rowsIn, json: null }, 'table');
    expect(out).not.toContain('-0.0000');
    expect(out).toContain(' 0.0000*');
    expect(out).toContain('-0.0123*');
    expect(out).toContain('* a raw k-NN estimate below 0');
    expect(render({ fields, rows: rowsIn, json: null }, 'csv')).toContain('b,-0.00001');
  });

  it('a table wider than the terminal is cut into blocks of columns that fit, each with the row names', () => {
    const names = Array.from({ length: 30 }, (_, j) => `column_${j}`);
    const fields = [{ key: 'name', label: 'column' }, ...names.map((n, j) => ({ key: `c${j}`, label: n, digits: 4 }))];
    const rowsIn = names.map((n, i) => Object.fromEntries([['name', n], ...names.map((_, j) => [`c${j}`, i === j ? null : 0.1])]));
    const out = render({ title: 'T', fields, rows: rowsIn, json: null }, 'table', 100);
    const lines = out.split('\n');
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(100);
    const headers = lines.filter((l) => l.startsWith('column '));
    expect(headers.length).toBeGreaterThan(1);
    expect(headers.join(' ').match(/column_\d+/g)!.length).toBe(30);
    expect(out.startsWith('T\n')).toBe(true);
  });
});
