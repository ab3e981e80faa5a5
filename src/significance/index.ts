// Significance: tests of independence, permutation nulls and confidence intervals.
export { gTest, gTestFromCounts, type GTestOptions, type GTestResult } from './gTest.js';
export {
  mutualInformationTest,
  mutualInformationTestAsync,
  type MutualInformationTestMethod,
  type MutualInformationTestOptions,
  type MutualInformationTestAsyncOptions,
  type MutualInformationTestResult,
} from './mutualInformationTest.js';
export {
  conditionalMutualInformationTest,
  conditionalMutualInformationTestAsync,
  type ConditionalShuffle,
  type ConditionalMutualInformationTestOptions,
  type ConditionalMutualInformationTestAsyncOptions,
  type ConditionalMutualInformationTestResult,
} from './conditionalMutualInformationTest.js';
export {
  featureTests,
  featureTestsAsync,
  type FeatureTestsOptions,
  type FeatureTestsAsyncOptions,
  type FeatureTestsResult,
} from './featureTests.js';
export { adjustPValues, type PAdjustMethod } from './adjust.js';
