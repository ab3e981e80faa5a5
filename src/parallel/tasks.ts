// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number or a typed array.
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { scoreBatch, type FeatureBatch } from '../estimators/featureBatch.js';
import { knnPart, type KnnPartTask } from '../estimators/knnParts.js';

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
  /** A batch of columns of mutualInfoRegression / mutualInfoClassif, scaled and noised in the worker. */
  featureBatch: (p: FeatureBatch) => scoreBatch(p),
  /** One share of the queries of a KSG, Frenzel–Pompe or Kozachenko–Leonenko estimate. */
  knnPart: (p: KnnPartTask) => knnPart(p),
};
