// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number (permutationNulls and bootstrapReplicates: a Float64Array of them).
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { mutualInformationAs } from '../estimators/mutualInformation.js';
import { bootstrapChunk, type BootstrapTask } from '../significance/bootstrap.js';
import { nullChunk, type NullTask } from '../significance/nulls.js';

import { conditionalMutualInformationAs } from '../estimators/conditionalMutualInformation.js';

const estimate = (x: unknown, y: unknown, o: Record<string, unknown>, z?: unknown) =>
  z === undefined ? mutualInformationAs('mutualInformationTest', x, y, o) : conditionalMutualInformationAs('conditionalMutualInformationTest', x, y, z, o);

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
  /** Permutations [from, to) of a significance test's null distribution. */
  permutationNulls: (p: NullTask) => nullChunk(p, estimate),
  /** Bootstrap replicates [from, to) of a confidence interval. */
  bootstrapReplicates: (p: BootstrapTask) => bootstrapChunk(p, estimate),
};
