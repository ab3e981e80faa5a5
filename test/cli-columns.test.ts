// The CLI's column storage and typing, in process: growth, the switch from numbers to text,
// missing-cell tokens, delimiter detection and the label rule.
import { describe, expect, it } from 'vitest';
import { ColumnBuilder, type BuildOptions } from '../src/cli/column.js';
import { detectDelimiter } from '../src/cli/input.js';
import { completeRows, gather } from '../src/cli/missing.js';
import { detectTask, fewIntegers, kindOf, MAX_CLASSES } from '../src/cli/typing.js';

const none = { discrete: [], continuous: [] };

function column(cells: string[], name = 'c', options: BuildOptions = {}) {
  const b = new ColumnBuilder(name, undefined, false, options);
  cells.forEach((cell, i) => b.push(cell, i + 2));
  return b.finish().column;
}

describe('ColumnBuilder', () => {
  it('keeps 5000 numbers exactly across buffer growth', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => String(i / 7));
    const col = column(cells);
    expect(col.type).toBe('numeric');
    expect(col.length).toBe(5000);
    if (col.type === 'numeric') expect(Array.from(col.values)).toEqual(cells.map(Number));
  });

  it('turns into a text column past 100 text cells, after 3000 numbers, keeping every cell', () => {
    const words = Array.from({ length: 101 }, (_, i) => `w${i}`);
    const cells = [...Array.from({ length: 3000 }, (_, i) => String(i % 3)), ...words, '', '2.0'];
    const col = column(cells);
    expect(col.type).toBe('text');
    if (col.type !== 'text') return;
    expect(col.levels).toEqual(['0', '1', '2', ...words]);
    expect(Array.from(col.codes.subarray(0, 4))).toEqual([0, 1, 2, 0]);
    expect(Array.from(col.codes.subarray(3000, 3002))).toEqual([3, 4]);
    expect(Array.from(col.codes.subarray(3101))).toEqual([-1, 2]);
    expect(col.missing).toBe(1);
    expect(col.firstMissingLine).toBe(3103);
  });

  it('a numeric column with 1 stray token in 60 cells stays numeric, the stray missing, named with its line', () => {
    const cells = Array.from({ length: 60 }, (_, i) => (i === 50 ? 'oops' : String(i / 4)));
    const b = new ColumnBuilder('x', undefined, false);
    cells.forEach((cell, i) => b.push(cell, i + 2));
    const { column: col, strays } = b.finish();
    expect(col.type).toBe('numeric');
    expect(col.missing).toBe(1);
    expect(col.firstMissingLine).toBe(52);
    expect(strays).toBe('column "x" is numeric except line 52: "oops"');
    if (col.type === 'numeric') expect(Number.isNaN(col.values[50])).toBe(true);
  });

  it('text cells past 5% of a column make it text, strays included as labels', () => {
    const cells = Array.from({ length: 60 }, (_, i) => (i % 10 === 0 ? '-' : String(i)));
    const col = column(cells);
    expect(col.type).toBe('text');
    if (col.type === 'text') expect(col.levels[col.codes[0]]).toBe('-');
  });

  it('--discrete columns keep a stray token as a label', () => {
    const cells = Array.from({ length: 60 }, (_, i) => (i === 50 ? 'oops' : String(i % 3)));
    const col = column(cells, 'c', { labels: true });
    expect(col.type).toBe('text');
    if (col.type === 'text') expect(col.levels).toContain('oops');
  });

  it('decimal commas in a column with no dot are decimal points; with dots elsewhere they are strays', () => {
    const b = new ColumnBuilder('x', undefined, false);
    ['0,1234', '-2,5', '3', '1e3'].forEach((c, i) => b.push(c, i + 2));
    const built = b.finish();
    expect(built.decimalComma).toEqual({ line: 2, cell: '0,1234' });
    if (built.column.type === 'numeric') expect(Array.from(built.column.values)).toEqual([0.1234, -2.5, 3, 1000]);
    const mixed = column([...Array.from({ length: 40 }, (_, i) => `${i}.5`), '1,5']);
    expect(mixed.type).toBe('numeric');
    expect(mixed.missing).toBe(1);
    expect(column(['1,5', '2,5'], 'c', { decimal: '.' }).type).toBe('text');
    const comma = column(['1,5', '2'], 'c', { decimal: ',' });
    if (comma.type === 'numeric') expect(Array.from(comma.values)).toEqual([1.5, 2]);
  });

  it.each(['', 'NA', 'NaN', 'nan', 'N/A', 'null', 'NULL', 'None', '<NA>', '#N/A'])('reads %j as missing (pandas na_values)', (cell) => {
    const col = column(['1', cell, '3']);
    expect(col.type).toBe('numeric');
    expect(col.missing).toBe(1);
    if (col.type === 'numeric') expect(Number.isNaN(col.values[1])).toBe(true);
  });

  it.each(['0x10', 'Infinity', '-inf', '1,5', '1e', '.', '1.5.2', '--1'])('reads %j as text, not a number (with --decimal .)', (cell) => {
    expect(column(['1', cell], 'c', { decimal: '.' }).type).toBe('text');
  });

  it.each(['-1.5', '+2', '.5', '5.', '1e-3', '2E+10'])('reads %j as a number', (cell) => {
    expect(column([cell]).type).toBe('numeric');
  });
});

describe('detectDelimiter(headerLine)', () => {
  it.each([
    ['a,b,c', ','],
    ['a\tb\tc', '\t'],
    ['a\tb,x\tc', '\t'],
    ['"a;b",c', ','],
    ['"a,b";c;d', ';'],
    ['single', ','],
  ])('%j → %j', (line, d) => expect(detectDelimiter(line)).toBe(d));
});

describe('column typing', () => {
  it(`integers with at most ${MAX_CLASSES} values are labels, except under the sklearn rule`, () => {
    const few = column(Array.from({ length: 100 }, (_, i) => String(i % MAX_CLASSES)));
    const many = column(Array.from({ length: 100 }, (_, i) => String(i % (MAX_CLASSES + 1))));
    expect(kindOf(few, none, 'labels')).toBe('discrete');
    expect(kindOf(few, none, 'sklearn')).toBe('continuous');
    expect(kindOf(many, none, 'labels')).toBe('continuous');
    expect(kindOf(column(['1.5', '2']), none, 'labels')).toBe('continuous');
    expect(kindOf(column(['a', 'b']), none, 'sklearn')).toBe('discrete');
    expect(kindOf(many, { discrete: ['c'], continuous: [] }, 'labels')).toBe('discrete');
  });

  it('detectTask: text and few integers are classification, other numbers regression, --task wins', () => {
    expect(detectTask(column(['a', 'b']), none, undefined).task).toBe('classif');
    expect(detectTask(column(['0', '1', '1']), none, undefined)).toEqual({ task: 'classif', reason: '2 distinct integers' });
    expect(detectTask(column(['0.5', '1']), none, undefined).task).toBe('regression');
    expect(detectTask(column(['0', '1']), none, 'regression').task).toBe('regression');
    const col = column(['0', '1']);
    if (col.type === 'numeric') expect(fewIntegers(col).few).toBe(true);
  });
});

describe('completeRows and gather', () => {
  it('keep the rows where every column is present, and count the others', () => {
    const a = column(['1', '', '3', '4']);
    const b = column(['x', 'y', 'NA', 'x']);
    const rows = completeRows([a, b]);
    expect(rows.n).toBe(2);
    expect(rows.dropped).toBe(2);
    expect(Array.from(gather(a, rows))).toEqual([1, 4]);
    expect(Array.from(gather(b, rows))).toEqual([0, 0]);
  });

  it('hand back the stored array itself when nothing is missing', () => {
    const a = column(['1', '2']);
    const rows = completeRows([a]);
    expect(rows.keep).toBeNull();
    if (a.type === 'numeric') expect(gather(a, rows)).toBe(a.values);
  });
});
