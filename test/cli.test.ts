// The `mutinfo` command as a subprocess: help, input parsing, missing cells, output formats,
// progress, and the one-line errors of issue 6 §5. Values are checked against the library API.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conditionalMutualInformation, differentialEntropy, entropy, mutualInformation } from '../src/index.js';
import { BIN, ROOT, mutinfo, mutinfoJson, scratch } from './support/cli.js';

const wine = readFileSync(join(ROOT, 'data/wine.csv'), 'utf8');

/** The cells of one column of data/wine.csv, as strings. */
function wineColumn(name: string): string[] {
  const [head, ...rows] = wine.trim().split(/\r?\n/);
  const j = head.split(',').indexOf(name);
  return rows.map((r) => r.split(',')[j]);
}

/** A numeric column of data/wine.csv as the CLI hands it to the library. */
function wineNumbers(name: string): Float64Array {
  return Float64Array.from(wineColumn(name), Number);
}

describe('mutinfo with no arguments', () => {
  it('mutinfo prints help with a working example and exits 0', () => {
    const r = mutinfo([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: mutinfo/);
    expect(r.stdout).toContain('$ mutinfo rank data/wine.csv --target class');
    for (const cmd of ['rank', 'pair', 'matrix', 'entropy']) expect(r.stdout).toContain(`  ${cmd} `);
  });

  it('every example in the help runs from the repository and exits 0', () => {
    const examples = mutinfo([]).stdout.split('\n').filter((l) => l.startsWith('  $ ')).map((l) => l.slice(4));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const ex of examples) {
      const piped = /^cat (\S+) \| mutinfo (.*)$/.exec(ex);
      const words = (piped ? piped[2] : ex.replace(/^mutinfo /, '')).split(' ');
      const input = piped ? readFileSync(join(ROOT, piped[1]), 'utf8') : undefined;
      const r = mutinfo(words, { input });
      expect(r.stderr, ex).toBe('');
      expect(r.code, ex).toBe(0);
      expect(r.stdout.length, ex).toBeGreaterThan(0);
    }
  });

  it('mutinfo --version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(mutinfo(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('mutinfo rank --help lists the shared options', () => {
    const r = mutinfo(['rank', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--estimator', '--k', '--bins', '--base', '--seed', '--format', '--workers', '--task', '--missing', '--quiet']) {
      expect(r.stdout).toContain(opt);
    }
  });
});

describe('mutinfo entropy and pair on label columns agree with the library', () => {
  it('mutinfo entropy data/wine.csv class --base 2 equals entropy(labels, {base: 2})', () => {
    const out = mutinfoJson(['entropy', 'data/wine.csv', 'class', '--base', '2']);
    expect(out).toMatchObject({ column: 'class', unit: 'bits', estimator: 'plugin', rows: 178, dropped: 0 });
    expect(out.entropy).toBe(entropy(wineNumbers('class'), { base: 2 }));
  });

  it('mutinfo pair with --discrete columns equals mutualInformation(a, b, {estimator: "discrete"})', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'magnesium', 'class', '--discrete', 'magnesium']);
    expect(out).toMatchObject({ a: 'magnesium', b: 'class', estimator: 'discrete', unit: 'nats', rows: 178 });
    expect(out.mi).toBe(mutualInformation(wineNumbers('magnesium'), wineNumbers('class'), { estimator: 'discrete' }));
  });

  it('mutinfo matrix is symmetric with an empty diagonal and the pair values off it', () => {
    const out = mutinfoJson(['matrix', 'data/wine.csv', '--columns', 'class,magnesium,ash', '--discrete', 'magnesium,ash']);
    expect(out.columns).toEqual(['class', 'magnesium', 'ash']);
    const cls = wineNumbers('class');
    expect(out.mi[0][1]).toBe(mutualInformation(cls, wineNumbers('magnesium'), { estimator: 'discrete' }));
    expect(out.mi[0][2]).toBe(mutualInformation(cls, wineNumbers('ash'), { estimator: 'discrete' }));
    for (let i = 0; i < 3; i++) {
      expect(out.mi[i][i]).toBeNull();
      for (let j = 0; j < 3; j++) expect(out.mi[i][j]).toBe(out.mi[j][i]);
    }
  });
});

describe('mutinfo on continuous columns agrees with the library', () => {
  const fl = wineNumbers('flavanoids');
  const pr = wineNumbers('proline');
  const cls = wineNumbers('class');

  it('mutinfo pair of two continuous columns equals mutualInformation(x, y, {estimator: "ksg"})', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'flavanoids', 'proline']);
    expect(out).toMatchObject({ estimator: 'ksg', reason: 'both continuous: KSG k-NN (Kraskov 2004)' });
    expect(out.mi).toBe(mutualInformation(fl, pr, { estimator: 'ksg' }));
  });

  it('mutinfo pair --k 5 --seed 2 passes k and seed to KSG', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'flavanoids', 'proline', '--k', '5', '--seed', '2']);
    expect(out.mi).toBe(mutualInformation(fl, pr, { estimator: 'ksg', k: 5, seed: 2 }));
  });

  it('mutinfo pair of a continuous and a label column uses the mixed estimator, labels on the right side', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'flavanoids', 'class']);
    expect(out).toMatchObject({ estimator: 'mixed', reason: 'continuous and discrete: k-NN (Ross 2014)' });
    expect(out.mi).toBe(mutualInformation(fl, cls, { estimator: 'mixed', discrete: 'y' }));
    const swapped = mutinfoJson(['pair', 'data/wine.csv', 'class', 'flavanoids']);
    expect(swapped.mi).toBe(mutualInformation(cls, fl, { estimator: 'mixed', discrete: 'x' }));
  });

  it('mutinfo pair A B --given C on continuous columns equals the Frenzel-Pompe conditionalMutualInformation', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'flavanoids', 'proline', '--given', 'alcohol']);
    expect(out).toMatchObject({ estimator: 'ksg', reason: 'all continuous: Frenzel-Pompe k-NN (2007)' });
    expect(out.mi).toBe(conditionalMutualInformation(fl, pr, wineNumbers('alcohol'), { estimator: 'ksg' }));
  });

  it('mutinfo matrix mixes ksg, mixed and discrete pairs; --k reaches only the k-NN ones', () => {
    const out = mutinfoJson(['matrix', 'data/wine.csv', '--columns', 'flavanoids,proline,class,magnesium', '--discrete', 'magnesium', '--k', '4']);
    const mg = wineNumbers('magnesium');
    expect(out.estimator[0]).toEqual([null, 'ksg', 'mixed', 'mixed']);
    expect(out.estimator[2][3]).toBe('discrete');
    expect(out.mi[0][1]).toBe(mutualInformation(fl, pr, { estimator: 'ksg', k: 4 }));
    expect(out.mi[0][2]).toBe(mutualInformation(fl, cls, { estimator: 'mixed', discrete: 'y', k: 4 }));
    expect(out.mi[3][0]).toBe(mutualInformation(fl, mg, { estimator: 'mixed', discrete: 'y', k: 4 }));
    expect(out.mi[2][3]).toBe(mutualInformation(cls, mg, { estimator: 'discrete' }));
  });

  it('mutinfo entropy of a continuous column is the m-spacing estimate, as scipy.stats.differential_entropy', () => {
    const out = mutinfoJson(['entropy', 'data/wine.csv', 'proline', '--base', '2']);
    expect(out).toMatchObject({ estimator: 'spacing', unit: 'bits' });
    expect(out.entropy).toBe(differentialEntropy(pr, { base: 2 }));
    const vasicek = mutinfoJson(['entropy', 'data/wine.csv', 'proline', '--estimator', 'vasicek']);
    expect(vasicek.entropy).toBe(differentialEntropy(pr, { method: 'vasicek' }));
  });

  it('mutinfo entropy --estimator kl on rounded data explains the -Infinity in one line (exit 1)', () => {
    const r = mutinfo(['entropy', 'data/wine.csv', 'flavanoids', '--estimator', 'kl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'mutinfo: column "flavanoids" has 4 or more equal values, so its k-NN (Kozachenko-Leonenko) entropy is -Infinity; try --estimator binned, or --discrete flavanoids to count its values\n',
    );
  });

  it('mutinfo entropy --estimator kl equals entropy(x, {estimator: "kl"}) on tie-free data', () => {
    const xs = Array.from({ length: 50 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const out = mutinfoJson(['entropy', scratch('kl.csv', `x\n${xs.join('\n')}\n`), 'x', '--estimator', 'kl', '--k', '2']);
    expect(out.entropy).toBe(entropy(Float64Array.from(xs), { estimator: 'kl', k: 2 }));
  });
});

describe('mutinfo with a named --estimator, or --given, agrees with the library', () => {
  it('mutinfo pair A B --given C on z = x XOR y gives 1 bit = conditionalMutualInformation', () => {
    const path = scratch('xor.csv', 'x,y,z\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    const out = mutinfoJson(['pair', path, 'x', 'y', '--given', 'z', '--base', '2']);
    expect(out).toMatchObject({ given: 'z', estimator: 'discrete', reason: 'all discrete: plug-in counts', unit: 'bits' });
    expect(out.mi).toBe(conditionalMutualInformation([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], { base: 2 }));
    expect(out.mi).toBe(1);
  });

  it('mutinfo pair --estimator binned --bins 8 equals mutualInformation(x, y, {estimator: "binned", bins: 8})', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'flavanoids', 'class', '--estimator', 'binned', '--bins', '8']);
    expect(out).toMatchObject({ estimator: 'binned', reason: 'chosen with --estimator' });
    expect(out.mi).toBe(mutualInformation(wineNumbers('flavanoids'), wineNumbers('class'), { estimator: 'binned', bins: 8 }));
  });

  it('mutinfo pair --bins sqrt passes a bin rule through', () => {
    const out = mutinfoJson(['pair', 'data/wine.csv', 'flavanoids', 'class', '--estimator', 'binned', '--bins', 'sqrt']);
    expect(out.mi).toBe(mutualInformation(wineNumbers('flavanoids'), wineNumbers('class'), { estimator: 'binned', bins: 'sqrt' }));
  });

  it('mutinfo entropy --estimator miller-madow equals entropy(x, {estimator: "miller-madow"})', () => {
    const out = mutinfoJson(['entropy', 'data/wine.csv', 'class', '--estimator', 'miller-madow']);
    expect(out.entropy).toBe(entropy(wineNumbers('class'), { estimator: 'miller-madow' }));
  });

  it('--given with columns of mixed kinds is a usage error (exit 2)', () => {
    const r = mutinfo(['pair', 'data/wine.csv', 'flavanoids', 'proline', '--given', 'class']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'mutinfo: conditional MI needs the three columns all discrete or all continuous; make them alike with --discrete or --continuous, or name an --estimator\n',
    );
  });
});

describe('mutinfo reads CSV and TSV input', () => {
  const csv = 'city,size\nParis,big\nLyon,big\nNice,small\nParis,small\n';

  it('a TSV file gives the same answer as the CSV file (delimiter detected)', () => {
    const tsv = scratch('cities.tsv', csv.replaceAll(',', '\t'));
    const fromCsv = mutinfoJson(['pair', scratch('cities.csv', csv), 'city', 'size']);
    const fromTsv = mutinfoJson(['pair', tsv, 'city', 'size']);
    expect(fromTsv.mi).toBe(fromCsv.mi);
    expect(fromCsv.mi).toBe(mutualInformation(['Paris', 'Lyon', 'Nice', 'Paris'], ['big', 'big', 'small', 'small']));
  });

  it('- reads stdin', () => {
    expect(mutinfoJson(['pair', '-', 'city', 'size'], { input: csv }).mi).toBe(
      mutinfoJson(['pair', scratch('cities2.csv', csv), 'city', 'size']).mi,
    );
  });

  it('quoted fields may hold the delimiter, a BOM and CRLF line ends are accepted', () => {
    const text = '\ufeff"name, full",grp\r\n"Smith, J",a\r\n"Doe, A",b\r\n"Smith, J",a\r\n';
    const out = mutinfoJson(['pair', scratch('quoted.csv', text), 'name, full', 'grp']);
    expect(out.mi).toBeCloseTo(mutualInformation(['S', 'D', 'S'], ['a', 'b', 'a']), 15);
  });

  it('numbers in a text column are labels keyed by value: "1.50" and "1.5" are one label', () => {
    const path = scratch('mixedtext.csv', 'x,y\n1.5,a\n1.50,a\nlow,b\n2,b\n');
    const out = mutinfoJson(['entropy', path, 'x']);
    expect(out.estimator).toBe('plugin');
    expect(out.entropy).toBeCloseTo(entropy(['1.5', '1.5', 'low', '2']), 15);
  });

  it('integer columns with few values are labels; --continuous makes them numbers', () => {
    expect(mutinfoJson(['entropy', 'data/wine.csv', 'class']).estimator).toBe('plugin');
    expect(mutinfoJson(['pair', 'data/wine.csv', 'class', 'class', '--estimator', 'discrete']).reason).toBe('chosen with --estimator');
  });
});

describe('mutinfo drops missing cells per pair', () => {
  // Missing: an empty cell, NA and NaN, in different rows of different columns.
  const text = 'a,b,c\nx,p,u\ny,,u\nx,q,NA\ny,q,v\nx,p,NaN\ny,p,v\n';

  it('mutinfo pair drops the rows missing in either column and reports how many', () => {
    const path = scratch('missing.csv', text);
    const ab = mutinfoJson(['pair', path, 'a', 'b']);
    expect(ab).toMatchObject({ rows: 5, dropped: 1 });
    expect(ab.mi).toBe(mutualInformation(['x', 'x', 'y', 'x', 'y'], ['p', 'q', 'q', 'p', 'p']));
    const bc = mutinfoJson(['pair', path, 'b', 'c']);
    expect(bc).toMatchObject({ rows: 3, dropped: 3 });
    expect(bc.mi).toBe(mutualInformation(['p', 'q', 'p'], ['u', 'v', 'v']));
  });

  it('the table output notes the dropped rows', () => {
    const r = mutinfo(['pair', scratch('missing2.csv', text), 'b', 'c']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 rows with a missing cell in b, c dropped');
  });

  it('--missing error stops at the first missing cell, naming its line', () => {
    const r = mutinfo(['pair', scratch('missing3.csv', text), 'a', 'b', '--missing', 'error']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('mutinfo: column "b" has a missing cell on line 3 (--missing drop skips such rows)\n');
  });
});

describe('mutinfo output formats', () => {
  it('--format csv writes a header row and full-precision numbers', () => {
    const r = mutinfo(['entropy', 'data/wine.csv', 'class', '--format', 'csv']);
    const [head, row] = r.stdout.trim().split('\n');
    expect(head).toBe('column,H (nats),estimator,why,rows,dropped');
    expect(Number(row.split(',')[1])).toBe(entropy(wineNumbers('class')));
  });

  it('--format table prints a title with the unit, an aligned table, and rounds to 4 decimals', () => {
    const r = mutinfo(['entropy', 'data/wine.csv', 'class', '--base', '2']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('H(class) in bits, 178 rows of data/wine.csv');
    expect(lines[2]).toMatch(/^column\s+H \(bits\)\s+estimator/);
    expect(lines[4]).toContain(entropy(wineNumbers('class'), { base: 2 }).toFixed(4));
  });

  it('--format json of a matrix parses as JSON with one array per row', () => {
    const r = mutinfo(['matrix', 'data/wine.csv', '--columns', 'class,magnesium', '--discrete', 'magnesium', '--format', 'json']);
    expect(r.stdout).toMatch(/"mi": \[\n\s+\[null, [\d.]+\],\n/);
    expect(JSON.parse(r.stdout).columns).toEqual(['class', 'magnesium']);
  });
});

describe('mutinfo errors are one line on stderr with a non-zero exit code', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['a missing file', () => ['entropy', 'no/such/file.csv', 'x'], 1, /^mutinfo: cannot read "no\/such\/file.csv": no such file$/],
    [
      'an unknown column, listing the available ones',
      () => ['rank', 'data/wine.csv', '--target', 'Class'],
      2,
      /^mutinfo: unknown column "Class" in data\/wine.csv \(did you mean "class"\?\); available: alcohol, malic_acid, .*, proline, class$/,
    ],
    [
      'a target with one value',
      () => ['rank', scratch('const.csv', 't,x\n1,2\n1,3\n1,5\n'), '--target', 't'],
      1,
      /^mutinfo: target column "t" has a single value \(1\): there is nothing to rank$/,
    ],
    [
      'a ragged CSV, naming the line',
      () => ['entropy', scratch('ragged.csv', 'a,b\n1,2\n3,4\n5\n6,7\n'), 'a'],
      1,
      /^mutinfo: .*ragged.csv: line 4 has 1 field, but the header has 2$/,
    ],
    [
      'text in a column forced continuous',
      () => ['entropy', scratch('text.csv', 'a,b\n1,2\n3,oops\n'), 'b', '--continuous', 'b'],
      1,
      /^mutinfo: column "b" is forced continuous by --continuous, but line 3 holds "oops", not a number$/,
    ],
    [
      'text in a --task regression target',
      () => ['rank', scratch('textreg.csv', 'y,x\n1.5,2\nhigh,3\n'), '--target', 'y', '--task', 'regression'],
      1,
      /^mutinfo: column "y" is the target of --task regression, but line 3 holds "high", not a number$/,
    ],
    ['an empty file', () => ['entropy', scratch('empty.csv', ''), 'a'], 1, /^mutinfo: .*empty.csv is empty$/],
    ['a file with only blank lines', () => ['entropy', scratch('blank.csv', '\n\n'), 'a'], 1, /^mutinfo: .*blank.csv is empty$/],
    ['a header without rows', () => ['entropy', scratch('header.csv', 'a,b\n'), 'a'], 1, /^mutinfo: .*header.csv has a header but no data rows$/],
    ['an unknown option', () => ['entropy', 'data/wine.csv', 'class', '--formt', 'json'], 2, /^mutinfo: unknown option '--formt' \(Did you mean --format\?\)$/],
    ['a bad option value', () => ['entropy', 'data/wine.csv', 'class', '--base', '3'], 2, /^mutinfo: option '--base <b>' argument '3' is invalid\./],
    ['a bad --k', () => ['entropy', 'data/wine.csv', 'class', '--k', '0'], 2, /^mutinfo: option '--k <n>' argument '0' is invalid\. It must be an integer ≥ 1\.$/],
    ['an unknown command', () => ['rnak', 'data/wine.csv'], 2, /^mutinfo: unknown command 'rnak' \(Did you mean rank\?\)$/],
    ['a column both --discrete and --continuous', () => ['entropy', 'data/wine.csv', 'ash', '--discrete', 'ash', '--continuous', 'ash'], 2, /^mutinfo: column "ash" cannot be both --discrete and --continuous$/],
    ['an estimator the library rejects', () => ['entropy', 'data/wine.csv', 'class', '--estimator', 'nope'], 2, /^mutinfo: unknown --estimator "nope" for this command; it accepts plugin, .*, vasicek, van es, ebrahimi, correa$/],
  ];

  it.each(cases)('%s', (_name, args, code, message) => {
    const r = mutinfo(args());
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--debug shows the stack trace', () => {
    const r = mutinfo(['entropy', 'no/such/file.csv', 'x', '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^CliError: cannot read "no\/such\/file.csv": no such file\n\s+at /);
  });
});

describe('mutinfo progress bar', () => {
  const args = ['matrix', 'data/wine.csv', '--columns', 'class,magnesium,ash', '--discrete', 'magnesium,ash'];

  it('no bar (and nothing else) on stderr when stderr is not a terminal', () => {
    const r = mutinfo(args, { env: { MUTINFO_PROGRESS_DELAY_MS: '0' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  // `script` runs the command on a pseudo-terminal, as a user's shell would.
  function onTerminal(extra: string[]): string {
    const cmd = [process.execPath, BIN, ...args, ...extra].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MUTINFO_PROGRESS_DELAY_MS: '0' },
    });
    expect(r.status).toBe(0);
    return r.stdout;
  }

  it('on a terminal, a bar counts pairs done of the total with the elapsed time', () => {
    expect(onTerminal([])).toMatch(/matrix \[[█░]+\] \d\/3 pairs \| \d+s/);
  });

  it('--quiet hides the bar on a terminal', () => {
    const out = onTerminal(['--quiet']);
    expect(out).not.toContain('pairs |');
    expect(out).toContain('Pairwise mutual information');
  });
});
