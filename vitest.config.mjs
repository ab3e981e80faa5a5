import { defineConfig } from 'vitest/config';

// The estimator suites that run a second time with forced WASM memory growth at every
// allocation (test/support/forcedGrowth.ts), on both backends as they always do.
const GROWTH_SUITES = [
  'discrete', 'discreteMeasures', 'biasCorrected', 'binning', 'ksg', 'gaussian',
  'differentialEntropy', 'sklearnFeatures', 'familyKernels', 'knn-kernels', 'grid-knn',
  'wasm-boundary', 'selection-feast', 'selection-kernels', 'pairCounts',
].map((name) => `test/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'forced-growth', include: GROWTH_SUITES, setupFiles: ['test/support/forcedGrowth.ts'] },
      },
    ],
  },
});
