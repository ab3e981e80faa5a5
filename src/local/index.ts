// Local (pointwise) information measures: one value per sample, whose mean is the estimate.
export {
  localMutualInformation,
  type LocalMutualInformationOptions,
  type LocalMutualInformationEstimator,
} from './localMutualInformation.js';
export {
  localConditionalMutualInformation,
  type LocalConditionalMutualInformationOptions,
  type LocalConditionalMutualInformationEstimator,
} from './localConditionalMutualInformation.js';
