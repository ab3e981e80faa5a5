// Time series: transfer entropy, conditional TE, active information storage, lagged MI.
export type { DynamicsEstimator, DynamicsOptions } from './options.js';
export type { Series, SeriesOrTrials } from './series.js';
export { transferEntropy, localTransferEntropy, type TransferEntropyOptions } from './transferEntropy.js';
export {
  conditionalTransferEntropy,
  localConditionalTransferEntropy,
  type ConditionalTransferEntropyOptions,
  type ConditionSeries,
} from './conditionalTransferEntropy.js';
export {
  activeInformationStorage,
  localActiveInformationStorage,
  type ActiveInformationStorageOptions,
} from './activeInformationStorage.js';
export {
  transferEntropyTest,
  type TransferEntropyTestOptions,
  type TransferEntropyTestResult,
} from './transferEntropyTest.js';
export {
  laggedMutualInformation,
  type LaggedMutualInformation,
  type LaggedMutualInformationOptions,
} from './laggedMutualInformation.js';
