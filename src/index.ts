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
