// Public API: re-exports only.
export { init, backend, type BackendOption } from './backend/select.js';
export type { BackendName } from './backend/kernels.js';
export type { Label, Labels } from './core/labels.js';
export type { AverageMethod } from './core/average.js';
export { mutualInfoScore, type MutualInfoScoreOptions } from './estimators/mutualInfoScore.js';
export {
  normalizedMutualInfoScore,
  type NormalizedMutualInfoScoreOptions,
} from './estimators/normalizedMutualInfoScore.js';
export {
  adjustedMutualInfoScore,
  type AdjustedMutualInfoScoreOptions,
} from './estimators/adjustedMutualInfoScore.js';
export { entropy, type EntropyOptions, type EntropyEstimator } from './estimators/entropy.js';
export {
  mutualInformation,
  type MutualInformationOptions,
  type MutualInformationEstimator,
} from './estimators/mutualInformation.js';
export { mutualInfoRegression, mutualInfoRegressionAsync } from './estimators/mutualInfoRegression.js';
export { mutualInfoClassif, mutualInfoClassifAsync } from './estimators/mutualInfoClassif.js';
export type { FeatureMIOptions, FeatureMIAsyncOptions } from './estimators/sklearnFeatures.js';
export type { FeatureMatrix, MatrixLike } from './core/matrix.js';
export {
  discretize,
  type DiscretizeOptions,
  type Discretized,
  type DiscretizedColumns,
} from './estimators/discretize.js';
export type { BinRule, BinningMethod, Bins } from './core/binning.js';
export type { DiscreteEntropyEstimator } from './core/estimatorOptions.js';
export type { NumericSequence, NumericSamples } from './core/numericSamples.js';
export type { CountTable } from './core/counts.js';
export {
  differentialEntropy,
  type DifferentialEntropyOptions,
  type SpacingMethod,
} from './estimators/differentialEntropy.js';
export {
  shrinkageEntropy,
  shrinkageEntropyFromCounts,
  type ShrinkageEntropy,
  type ShrinkageEntropyOptions,
} from './estimators/shrinkageEntropy.js';
export { entropyFromCounts, type EntropyFromCountsOptions } from './estimators/entropyFromCounts.js';
export {
  mutualInformationFromCounts,
  type MutualInformationFromCountsOptions,
} from './estimators/mutualInformationFromCounts.js';
export {
  conditionalMutualInformation,
  type ConditionalMutualInformationOptions,
  type ConditionalMutualInformationEstimator,
} from './estimators/conditionalMutualInformation.js';
export { jointEntropy, type DiscreteMeasureOptions } from './estimators/jointEntropy.js';
export { conditionalEntropy } from './estimators/conditionalEntropy.js';
export { variationOfInformation } from './estimators/variationOfInformation.js';
export { totalCorrelation } from './estimators/totalCorrelation.js';
export { interactionInformation } from './estimators/interactionInformation.js';
export { selectEstimator, type EstimatorChoice, type SideKind } from './estimators/selectEstimator.js';
export type { Sample } from './core/points.js';
export * from './tables/index.js';
export {
  selectFeatures,
  selectFeaturesAsync,
  mutualInformationMatrix,
  mutualInformationMatrixAsync,
  selectKBest,
  selectPercentile,
  type SelectedFeatures,
  type SelectFeaturesOptions,
  type SelectFeaturesAsyncOptions,
  type SelectionEstimator,
  type SelectionMethod,
  type ColumnSet,
  type MutualInformationMatrix,
  type MutualInformationMatrixOptions,
  type MutualInformationMatrixAsyncOptions,
  type SelectKBestOptions,
  type SelectPercentileOptions,
  type SelectedByScore,
} from './selection/index.js';
export { copulaNormalize, type CopulaNormalizeOptions } from './estimators/copulaNormalize.js';
export * from './significance/index.js';
export * from './local/index.js';
export * from './dynamics/index.js';
