// The options shared by the k-NN estimators (KSG, Frenzel–Pompe, Kozachenko–Leonenko),
// validated once at the public edge.
import { intIn, show } from './validate.js';

/** Validated k-NN options. */
export interface KnnSettings {
  k: number;
  normalize: boolean;
  noise: number;
  seed: number;
}

/** Checks k, normalize, noise and seed for n samples; absent ones take the defaults given. */
export function knnSettings(
  fn: string,
  o: Record<string, unknown>,
  n: number,
  defaults: { normalize: boolean; noise: number },
): KnnSettings {
  const k = o.k === undefined ? 3 : o.k;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new RangeError(`${fn}: k must be an integer in [1, n-1], got ${show(k)}`);
  }
  if (k > n - 1) {
    throw new RangeError(`${fn}: k must be an integer in [1, n-1], got ${k} with n = ${n} samples (at least k + 1 needed)`);
  }
  const normalize = o.normalize === undefined ? defaults.normalize : o.normalize;
  if (typeof normalize !== 'boolean') throw new TypeError(`${fn}: normalize must be a boolean, got ${show(normalize)}`);
  const noise = o.noise === undefined ? defaults.noise : o.noise;
  // Relative noise above 1 would drown the data (and, times values near 1e308, overflow).
  if (typeof noise !== 'number' || !(noise >= 0 && noise <= 1)) {
    throw new RangeError(`${fn}: noise must be a number in [0, 1], got ${show(noise)}`);
  }
  const seed = o.seed === undefined ? 0 : intIn(fn, 'seed', o.seed, 0, 2 ** 32 - 1, '[0, 2^32 - 1]');
  return { k, normalize, noise, seed };
}
