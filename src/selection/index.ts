// Feature selection: FEAST's greedy criteria, the pairwise MI matrix, and sklearn's SelectKBest idiom.
export { selectFeatures, selectFeaturesAsync, type SelectedFeatures } from './selectFeatures.js';
export type { SelectFeaturesOptions, SelectFeaturesAsyncOptions, SelectionEstimator } from './options.js';
export type { SelectionMethod } from './criteria/index.js';
export {
  mutualInformationMatrix,
  mutualInformationMatrixAsync,
  type ColumnSet,
  type MutualInformationMatrix,
  type MutualInformationMatrixOptions,
  type MutualInformationMatrixAsyncOptions,
} from './mutualInformationMatrix.js';
export {
  selectKBest,
  selectPercentile,
  type SelectKBestOptions,
  type SelectPercentileOptions,
  type SelectedByScore,
} from './selectKBest.js';
