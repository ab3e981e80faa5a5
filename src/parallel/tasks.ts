// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number.
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
};
