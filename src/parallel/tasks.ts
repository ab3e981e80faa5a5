// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number or a typed array.
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { scoreBatch, type FeatureBatch } from '../estimators/featureBatch.js';
import { countPart, knnDistPart, type CountTask, type KnnDistTask } from '../estimators/knnParts.js';

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
  /** A batch of columns of mutualInfoRegression / mutualInfoClassif, scaled and noised in the worker. */
  featureBatch: (p: FeatureBatch) => scoreBatch(p),
  /** One share of the joint k-NN queries of a KSG, Frenzel–Pompe or Kozachenko–Leonenko estimate. */
  knnDist: (p: KnnDistTask) => knnDistPart(p),
  /** The radius counts of one marginal space (or a share of its points) of such an estimate. */
  knnCount: (p: CountTask) => countPart(p),
};
