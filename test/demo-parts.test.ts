// The demo's pure parts in Node: CSV parsing and its messages, column typing,
// the colour scale and the SVG the charts are made of.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../demo/csv.js';
import { prepare, summarize } from '../demo/table.js';
import { viridis } from '../demo/viridis.js';
import { ticks, UNITS } from '../demo/svg.js';
import { barChart } from '../demo/bars.js';
import { cellTip, heatmap } from '../demo/heatmap.js';
import type { Analysis } from '../demo/protocol.js';

const data = (name: string) => readFileSync(new URL(`../data/${name}.csv`, import.meta.url), 'utf8');

describe('parseCsv(text)', () => {
  it('parseCsv(text) follows RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const t = parseCsv('name,note\r\n"Smith, J","said ""hi"""\r\n"two\nlines",x\r\n');
    expect(t.names).toEqual(['name', 'note']);
    expect(t.columns).toEqual([['Smith, J', 'two\nlines'], ['said "hi"', 'x']]);
    // The third record starts on line 3; its quoted line break moves the count on.
    expect(t.lines).toEqual([2, 3]);
  });

  it('parseCsv(text) finds semicolon and tab delimiters from the header, and skips a BOM and blank lines', () => {
    expect(parseCsv('\ufeffa;b\n1;2\n\n3;4\n').columns).toEqual([['1', '3'], ['2', '4']]);
    expect(parseCsv('a\tb\n1\t2').names).toEqual(['a', 'b']);
  });

  it('parseCsv(text) names empty and repeated headers so every column can be picked', () => {
    expect(parseCsv('x,,x\n1,2,3').names).toEqual(['x', 'column 2', 'x (2)']);
  });

  it('parseCsv(text) reads the bundled wine.csv as 178 rows × 14 columns, class last', () => {
    const t = parseCsv(data('wine'));
    expect(t.names.length).toBe(14);
    expect(t.names[13]).toBe('class');
    expect(t.columns[13].length).toBe(178);
  });

  it('parseCsv(text) rejects malformed input with a message naming the line', () => {
    expect(() => parseCsv('a,b,c\n1,2,3\n4,5\n')).toThrow('Line 3 has 2 fields, but the header has 3: the CSV is malformed');
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow('Line 2: a quoted field is opened but never closed');
    expect(() => parseCsv('just_one\n1\n2\n')).toThrow('The CSV has a single column ("just_one")');
    expect(() => parseCsv('a,b\n')).toThrow('The CSV has a header row but no data rows');
    expect(() => parseCsv(' \n\n')).toThrow('The file is empty');
    expect(() => parseCsv('PK\u0003\u0004\u0000\u0000')).toThrow('This is not a text CSV file');
  });
});

describe('prepare(table, target)', () => {
  it("prepare(wine, 'class') is a classification with 13 numeric features", () => {
    const p = prepare(parseCsv(data('wine')), 'class');
    expect(p.task).toBe('classification');
    expect(p.features.length).toBe(13);
    expect(p.columns.every((c) => c.kind === 'numeric')).toBe(true);
  });

  it("prepare(diabetes, 'progression') is a regression (214 distinct values)", () => {
    expect(prepare(parseCsv(data('diabetes')), 'progression').task).toBe('regression');
  });

  it('prepare(table, target) reads text columns as labels', () => {
    const p = prepare(parseCsv('x,colour\n1.5,red\n2,blue\n3,red\n'), 'colour');
    expect(p.task).toBe('classification');
    expect(p.columns[1]).toMatchObject({ kind: 'categorical', distinct: 2 });
  });

  it('prepare(table, target) rejects an empty target, and empty cells, naming their lines', () => {
    const t = parseCsv('a,b,y\n1,2,\n3,4,\n');
    expect(() => prepare(t, 'y')).toThrow('The target column "y" is empty: pick a column that has values');
    expect(() => prepare(parseCsv('a,y\n1,0\n2,NA\n3,1\n'), 'y')).toThrow(
      'The target column "y" has 1 empty cell (line 3)',
    );
    expect(() => prepare(parseCsv('a,y\n,0\n2,1\n'), 'y')).toThrow('Column "a" has 1 empty cell (line 2)');
    expect(() => prepare(t, 'z')).toThrow('There is no column named "z"');
  });

  it('summarize(table) says what each column gives as a target', () => {
    expect(summarize(parseCsv(data('wine'))).at(-1)).toEqual({ name: 'class', task: 'classification', distinct: 3 });
    expect(summarize(parseCsv(data('diabetes'))).at(-1)).toMatchObject({ name: 'progression', task: 'regression' });
  });
});

describe('charts', () => {
  it('viridis(t) passes through the viridisLite::viridis(9) stops', () => {
    expect(viridis(0)).toBe('rgb(68,1,84)'); // #440154
    expect(viridis(0.5)).toBe('rgb(33,144,140)'); // #21908c
    expect(viridis(1)).toBe('rgb(253,231,37)'); // #fde725
    expect(viridis(-1)).toBe(viridis(0));
    expect(viridis(NaN)).toBe(viridis(0));
  });

  it('ticks(max) steps by 1, 2 or 5 times a power of ten and covers max', () => {
    expect(ticks(0.67)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(ticks(0.961)).toEqual([0, 0.5, 1]);
    expect(ticks(0)).toEqual([0]);
  });

  it('barChart(ranking, unit) draws bars in the given order, converts units and escapes names', () => {
    const svg = barChart(
      [
        { feature: 'a<b>', nats: Math.LN2, discrete: false },
        { feature: 'c', nats: 0.1, discrete: true },
      ],
      UNITS.bits,
    );
    expect([...svg.matchAll(/data-feature="([^"]*)"/g)].map((m) => m[1])).toEqual(['a&#60;b&#62;', 'c']);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('>1.000</text>'); // ln 2 nats = 1 bit
  });

  it('heatmap(analysis, unit) has n × n cells, the diagonal marked, and a tooltip per pair', () => {
    const n = 3;
    const m = Float64Array.from([NaN, NaN, 0.4, NaN, NaN, 0.1, 0.4, 0.1, NaN]);
    const refusal = 'mutualInformation: x is labels and y is continuous';
    const a = {
      names: ['p', 'q', 'r'],
      target: 'r',
      matrix: m,
      pairNote: ['', refusal, 'ksg', refusal, '', 'ksg', 'ksg', 'ksg', ''],
    } as unknown as Analysis;
    const svg = heatmap(a, UNITS.nats);
    expect(svg.match(/<rect class="cell/g)?.length).toBe(n * n);
    expect(svg.match(/class="cell diag"/g)?.length).toBe(n);
    expect(svg.match(/class="cell refused"/g)?.length).toBe(2);
    expect(cellTip(a, 0, 2, UNITS.nats)).toBe('<b>p × r</b><br>0.400 nats · ksg');
    expect(cellTip(a, 1, 0, UNITS.nats)).toBe(`<b>q × p</b><br>not estimated: ${refusal}`);
  });

  it('barChart greys and marks n.s. the features whose q exceeds alpha; heatmap greys pairs with p > alpha', () => {
    const svg = barChart(
      [
        { feature: 'strong', nats: 0.5, discrete: false, p: 0.01, q: 0.02 },
        { feature: 'noise', nats: 0.01, discrete: false, p: 0.4, q: 0.4 },
      ],
      UNITS.nats,
    );
    expect(svg.match(/class="bar ns"/g)?.length).toBe(1);
    expect(svg).toContain('data-feature="noise" data-nats="0.01" data-q="0.4"');
    expect(svg).toContain('(n.s.)</text>');
    const a = {
      names: ['p', 'q', 'r'],
      target: 'r',
      matrix: Float64Array.from([NaN, 0.3, 0.01, 0.3, NaN, 0.1, 0.01, 0.1, NaN]),
      pairP: Float64Array.from([NaN, 0.01, 0.6, 0.01, NaN, 0.03, 0.6, 0.03, NaN]),
      alpha: 0.05,
      pairNote: ['', 'ksg', 'ksg', 'ksg', '', 'ksg', 'ksg', 'ksg', ''],
    } as unknown as Analysis;
    const heat = heatmap(a, UNITS.nats);
    expect(heat.match(/class="cell ns"/g)?.length).toBe(2);
    expect(cellTip(a, 0, 2, UNITS.nats)).toContain('not significant (greyed)');
  });
});
