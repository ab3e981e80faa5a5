// From validated mutualInformation options to a StatisticSpec: the work that permuting y
// leaves unchanged (codes, bins, scaled and noised points) done once.
import { kernelsFor } from '../backend/select.js';
import { binningOption, binsOption } from '../core/binOptions.js';
import { correctionOption } from '../core/estimatorOptions.js';
import { encodeCompact } from '../core/jointCodes.js';
import { knnSettings } from '../core/knnOptions.js';
import { encodeLabels } from '../core/labels.js';
import { readColumns } from '../core/numericSamples.js';
import { prepare, toPoints } from '../core/points.js';
import { binnedCodes } from '../estimators/binned.js';
import { readSide, selectEstimator } from '../estimators/selectEstimator.js';
import type { StatisticSpec } from './statistic.js';

/** The estimator that mutualInformation(x, y, o) runs: o.estimator, or what 'auto' picks. */
export function resolveEstimator(x: unknown, y: unknown, o: Record<string, unknown>): string {
  const est = o.estimator === undefined ? 'auto' : String(o.estimator);
  return est === 'auto' ? selectEstimator(x, y).estimator : est;
}

/**
 * The spec of mutualInformation(x, y, o) for already-validated input (call the estimator
 * first: it throws on anything bad). Estimators this module does not know are 'generic'.
 */
export function statisticSpec(fn: string, x: unknown, y: unknown, o: Record<string, unknown>): StatisticSpec {
  const K = kernelsFor(fn, o.backend);
  const backend = K.name;
  const est = resolveEstimator(x, y, o);
  switch (est) {
    case 'discrete': {
      const a = encodeCompact(fn, 'x', x as ArrayLike<unknown>).codes;
      const b = encodeCompact(fn, 'y', y as ArrayLike<unknown>).codes;
      return { kind: 'codes', n: a.length, a, b, correction: correctionOption(fn, o.correction), backend };
    }
    case 'binned': {
      const bins = binsOption(fn, o.bins);
      const method = binningOption(fn, 'binning', o.binning);
      const a = binnedCodes(fn, K, 'x', x, bins, method);
      const b = binnedCodes(fn, K, 'y', y, bins, method);
      return { kind: 'codes', n: a.length, a, b, correction: correctionOption(fn, o.correction), backend };
    }
    case 'ksg':
    case 'ksg2': {
      const px = toPoints(fn, 'x', x);
      const py = toPoints(fn, 'y', y);
      const s = knnSettings(fn, o, px.n, { normalize: true, noise: 1e-10 });
      prepare([px, py], s.normalize, s.noise, s.seed);
      return { kind: 'ksg', n: px.n, x: px.data, dx: px.d, y: py.data, dy: py.d, k: s.k, algorithm: est === 'ksg' ? 1 : 2, backend };
    }
    case 'mixed': {
      let side = o.discrete === undefined || o.discrete === 'auto' ? (readSide(x)[0] === 'labels' ? 'x' : 'y') : o.discrete;
      const [labels, cont] = side === 'x' ? [x, y] : [y, x];
      const c = toPoints(fn, 'continuous side', cont);
      const codes = new Int32Array(c.n);
      const classes = encodeLabels(fn, 'labels', labels as ArrayLike<unknown>, codes);
      const s = knnSettings(fn, o, c.n, { normalize: true, noise: 1e-10 });
      prepare([c], s.normalize, s.noise, s.seed);
      return { kind: 'ross', n: c.n, c: c.data, d: c.d, codes, classes, k: s.k, permute: side === 'y' ? 'codes' : 'points', backend };
    }
    case 'gaussian': {
      const X = readColumns(fn, 'x', x);
      return { kind: 'gaussian', n: X.n, x: X.columns, y: readColumns(fn, 'y', y).columns, backend, fn };
    }
    default:
      return { kind: 'generic', n: (x as ArrayLike<unknown>).length, x, y, options: { ...o, base: undefined }, backend, fn };
  }
}
