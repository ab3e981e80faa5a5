// Significance: tests of independence, permutation nulls and confidence intervals.
export { gTest, gTestFromCounts, type GTestOptions, type GTestResult } from './gTest.js';
