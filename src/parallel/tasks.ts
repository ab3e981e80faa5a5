// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number.
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { discreteRowTask, type DiscreteRowTask } from '../selection/discreteTables.js';
import { knnTermTask, type KnnTermTask } from '../selection/knnTerms.js';
import { matrixPairTask, type MatrixPairTask } from '../selection/matrixPairs.js';

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
  /** Part of one cache row of greedy feature selection, written into shared memory. */
  selectionRow: (p: DiscreteRowTask) => discreteRowTask(p),
  /** One k-NN term of greedy feature selection. */
  selectionTerm: (p: KnnTermTask) => knnTermTask(p),
  /** One entry of mutualInformationMatrix. */
  matrixPair: (p: MatrixPairTask) => matrixPairTask(p),
};
