// Shared test utilities: the backend list every estimator suite runs over, and fixtures.
import { readFileSync } from 'node:fs';
import type { BackendName } from '../../src/backend/kernels.js';

/** Every estimator suite runs once per backend: `describe.each(BACKENDS)`. */
export const BACKENDS: BackendName[] = ['wasm', 'js'];

/** Reads test/fixtures/<name>. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Seeded PRNG for test data (mulberry32), so every run sees the same numbers. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n labels drawn uniformly from [0, k). */
export function randomLabels(n: number, k: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Math.floor(r() * k));
}

/** Fisher–Yates shuffle of a copy, seeded. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
