// `mutinfo rank` as a subprocess on the bundled datasets: its JSON equals the library's
// mutualInfoClassif / mutualInfoRegression on the same columns, and its ranking agrees with
// sklearn 1.2.1 (test/fixtures/sklearn_mi_datasets.json, from ../shared/datasets/sklearn_mi.json).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mutualInfoClassif, mutualInfoRegression } from '../src/index.js';
import { BIN, ROOT, mutinfo, mutinfoJson, scratch } from './support/cli.js';
import { readDataset } from './support/csv.js';
import { fixture } from './support/helpers.js';

const sklearn = fixture('sklearn_mi_datasets.json').datasets as Record<string, any>;
const TARGET: Record<string, string> = { wine: 'class', breast_cancer: 'target', diabetes: 'progression', iris: 'species' };

interface Ranked {
  target: string;
  task: string;
  unit: string;
  rows: number;
  features: { rank: number; feature: string; mi: number; estimator: string; reason: string; rows: number; dropped: number }[];
}

/** The CLI's scores in the dataset's column order. */
function byColumn(out: Ranked, names: string[]): number[] {
  return names.map((n) => out.features.find((f) => f.feature === n)!.mi);
}

describe.each(['wine', 'breast_cancer', 'diabetes', 'iris'])('mutinfo rank data/%s.csv', (name) => {
  const d = readDataset(name);
  const out = mutinfoJson<Ranked>(['rank', `data/${name}.csv`, '--target', TARGET[name]]);
  const ref = sklearn[name];

  it('detects the task as sklearn_mi.json does and scores every feature', () => {
    expect(out.task).toBe(ref.fn);
    expect(out.unit).toBe('nats');
    expect(out.features.map((f) => f.feature).sort()).toEqual([...d.features].sort());
    expect(out.features.map((f) => f.rank)).toEqual(d.features.map((_, i) => i + 1));
  });

  it('JSON values equal the library API (randomState 0) bit for bit', () => {
    const lib = ref.fn === 'classif'
      ? mutualInfoClassif(d.X, d.target, { randomState: 0 })
      : mutualInfoRegression(d.X, d.target.map(Number), { randomState: 0 });
    expect(byColumn(out, d.features)).toEqual(Array.from(lib));
  });

  it('values lie within sklearn’s seed spread + 0.02 of its mean, and the top 3 agree', () => {
    const mine = byColumn(out, d.features);
    mine.forEach((v, j) => {
      expect(Math.abs(v - ref.mi_mean_over_seeds_0_9[j])).toBeLessThanOrEqual(ref.mi_spread_over_seeds_0_9[j] + 0.02);
    });
    const top = (v: number[]) => v.map((x, j) => [x, j]).sort((a, b) => b[0] - a[0]).slice(0, 3).map((p) => d.features[p[1]]);
    expect(out.features.slice(0, 3).map((f) => f.feature)).toEqual(top(ref.mi_random_state_0));
  });

  it('sorts by MI and names the estimator by kinds (mixed for classes, ksg for a continuous target)', () => {
    for (let i = 1; i < out.features.length; i++) expect(out.features[i - 1].mi).toBeGreaterThanOrEqual(out.features[i].mi);
    for (const f of out.features) expect(f.estimator).toBe(ref.fn === 'classif' ? 'mixed' : 'ksg');
  });
});

describe('mutinfo rank data/wine.csv --target class (npm start)', () => {
  it('puts flavanoids, proline and color_intensity in the top 4, as sklearn does', () => {
    const top4 = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class']).features.slice(0, 4).map((f) => f.feature);
    const ref = sklearn.wine;
    const sk4 = ref.features
      .map((f: string, j: number) => [ref.mi_random_state_0[j], f] as [number, string])
      .sort((a: [number, string], b: [number, string]) => b[0] - a[0])
      .slice(0, 4)
      .map((p: [number, string]) => p[1]);
    for (const f of ['flavanoids', 'proline', 'color_intensity']) {
      expect(top4).toContain(f);
      expect(sk4).toContain(f);
    }
  });

  it('npm start’s table names the estimator, the reason and the unit', () => {
    const r = mutinfo(['rank', 'data/wine.csv', '--target', 'class']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Features ranked by mutual information with "class" (classification: 3 distinct integers), 178 rows of data/wine.csv, in nats',
    );
    expect(lines[2]).toMatch(/^rank\s+feature\s+MI \(nats\)\s+estimator\s+why$/);
    expect(lines[4]).toMatch(/^\s+1\s+flavanoids\s+0\.6664\s+mixed\s+continuous feature, discrete target: k-NN \(Ross 2014\)$/);
  });
});

describe('mutinfo rank options', () => {
  const wine = readDataset('wine');
  const base = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class']);
  const scores = (o: Ranked) => byColumn(o, wine.features);

  it('--base 2 gives the nats divided by ln 2', () => {
    const bits = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class', '--base', '2']);
    expect(bits.unit).toBe('bits');
    scores(bits).forEach((v, j) => expect(v).toBe(scores(base)[j] / Math.LN2));
  });

  it('--workers 2 and --workers auto give the same bits as one worker', () => {
    expect(scores(mutinfoJson(['rank', 'data/wine.csv', '--target', 'class', '--workers', '2']))).toEqual(scores(base));
    expect(scores(mutinfoJson(['rank', 'data/wine.csv', '--target', 'class', '--workers', 'auto']))).toEqual(scores(base));
  });

  it('stdin (-) gives the same scores as the file', () => {
    const csv = spawnSync('cat', ['data/wine.csv'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    expect(scores(mutinfoJson(['rank', '-', '--target', 'class'], { input: csv }))).toEqual(scores(base));
  });

  it('--seed and --k reach the library as randomState and nNeighbors', () => {
    const out = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class', '--seed', '3', '--k', '5']);
    expect(scores(out)).toEqual(Array.from(mutualInfoClassif(wine.X, wine.target, { randomState: 3, nNeighbors: 5 })));
  });

  it('--discrete marks feature columns as discrete (sklearn discreteFeatures)', () => {
    const out = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class', '--discrete', 'magnesium,proline']);
    const mask = wine.features.map((f) => f === 'magnesium' || f === 'proline');
    expect(scores(out)).toEqual(Array.from(mutualInfoClassif(wine.X, wine.target, { randomState: 0, discreteFeatures: mask })));
    const mg = out.features.find((f) => f.feature === 'magnesium')!;
    expect(mg).toMatchObject({ estimator: 'discrete', reason: 'discrete feature and target: plug-in counts' });
  });

  it('--task regression scores the class codes as a continuous target', () => {
    const out = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class', '--task', 'regression']);
    expect(out.task).toBe('regression');
    expect(scores(out)).toEqual(Array.from(mutualInfoRegression(wine.X, wine.target.map(Number), { randomState: 0 })));
  });

  it('large inputs are scored in groups of columns, each one library call (MUTINFO_MAX_BATCH_CELLS)', () => {
    const env = { MUTINFO_MAX_BATCH_CELLS: String(178 * 5) };
    const out = scores(mutinfoJson(['rank', 'data/wine.csv', '--target', 'class'], { env }));
    const expected: number[] = [];
    for (let g = 0; g < wine.features.length; g += 5) {
      const X = wine.X.map((r) => r.slice(g, g + 5));
      expected.push(...mutualInfoClassif(X, wine.target, { randomState: 0 }));
    }
    expect(out).toEqual(expected);
  });

  it('--columns restricts the features', () => {
    const out = mutinfoJson<Ranked>(['rank', 'data/wine.csv', '--target', 'class', '--columns', 'ash,flavanoids']);
    expect(out.features.map((f) => f.feature)).toEqual(['flavanoids', 'ash']);
  });

  it('a text target is classification; a text feature is discrete', () => {
    const path = scratch('text-target.csv', 'colour,size,kind\nred,1.5,a\nblue,2.5,b\nred,1.7,a\nblue,2.9,b\nred,1.1,a\ngreen,2.2,b\n');
    const out = mutinfoJson<Ranked>(['rank', path, '--target', 'kind', '--k', '2']);
    expect(out.task).toBe('classif');
    const colour = out.features.find((f) => f.feature === 'colour')!;
    expect(colour.estimator).toBe('discrete');
    const lib = mutualInfoClassif([[0, 1.5], [1, 2.5], [0, 1.7], [1, 2.9], [0, 1.1], [2, 2.2]], ['a', 'b', 'a', 'b', 'a', 'b'], {
      discreteFeatures: [true, false], nNeighbors: 2, randomState: 0,
    });
    expect([colour.mi, out.features.find((f) => f.feature === 'size')!.mi]).toEqual(Array.from(lib));
  });
});

describe('mutinfo rank with missing cells', () => {
  // Row i: x complete, w missing in rows 2 and 5, target missing in row 7.
  const n = 40;
  const rows = Array.from({ length: n }, (_, i) => {
    const y = i % 2;
    const x = y + Math.sin(i) * 0.7;
    const w = i === 2 || i === 5 ? 'NA' : (Math.cos(i * 1.3) + y).toFixed(4);
    return [x.toFixed(4), w, i === 7 ? '' : String(y)];
  });
  const path = scratch('rank-missing.csv', ['x,w,y', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  const out = mutinfoJson<Ranked>(['rank', path, '--target', 'y']);

  it('drops the rows missing the target for every feature, and a feature’s own missing rows for it alone', () => {
    const x = out.features.find((f) => f.feature === 'x')!;
    const w = out.features.find((f) => f.feature === 'w')!;
    expect(x).toMatchObject({ rows: n - 1, dropped: 1 });
    expect(w).toMatchObject({ rows: n - 3, dropped: 3 });
    const keepX = rows.filter((r) => r[2] !== '');
    const keepW = keepX.filter((r) => r[1] !== 'NA');
    // x has no missing cell where the target is present: it is scored in the batch of such columns.
    expect(x.mi).toBe(mutualInfoClassif(keepX.map((r) => [Number(r[0])]), keepX.map((r) => r[2]), { randomState: 0 })[0]);
    expect(w.mi).toBe(mutualInfoClassif(keepW.map((r) => [Number(r[1])]), keepW.map((r) => r[2]), { randomState: 0 })[0]);
  });

  it('the table shows a dropped column and a note', () => {
    const r = mutinfo(['rank', path, '--target', 'y']);
    expect(r.stdout).toMatch(/rank\s+feature\s+MI \(nats\)\s+estimator\s+why\s+dropped/);
    expect(r.stdout).toContain('dropped: rows left out of that feature');
  });
});

describe('mutinfo rank progress on a terminal', () => {
  it('shows columns done of the total with the elapsed time', () => {
    const cmd = [process.execPath, BIN, 'rank', 'data/breast_cancer.csv', '--target', 'target'].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, MUTINFO_PROGRESS_DELAY_MS: '0' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/rank \[[█░]+\] \d+\/30 columns \| \d+s/);
  });
});
