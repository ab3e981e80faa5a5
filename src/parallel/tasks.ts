// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number or a typed array (permutationNulls and bootstrapReplicates: a
// Float64Array of statistics).
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { scoreBatch, type FeatureBatch } from '../estimators/featureBatch.js';
import { countPart, knnDistPart, type CountTask, type KnnDistTask } from '../estimators/knnParts.js';
import { mutualInformationAs } from '../estimators/mutualInformation.js';
import { conditionalMutualInformationAs } from '../estimators/conditionalMutualInformation.js';
import { bootstrapChunk, type BootstrapTask } from '../significance/bootstrap.js';
import { nullChunk, type NullTask } from '../significance/nulls.js';

const estimate = (x: unknown, y: unknown, o: Record<string, unknown>, z?: unknown) =>
  z === undefined ? mutualInformationAs('mutualInformationTest', x, y, o) : conditionalMutualInformationAs('conditionalMutualInformationTest', x, y, z, o);

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
  /** Permutations [from, to) of a significance test's null distribution. */
  permutationNulls: (p: NullTask) => nullChunk(p, estimate),
  /** Bootstrap replicates [from, to) of a confidence interval. */
  bootstrapReplicates: (p: BootstrapTask) => bootstrapChunk(p, estimate),
  /** A batch of columns of mutualInfoRegression / mutualInfoClassif, scaled and noised in the worker. */
  featureBatch: (p: FeatureBatch) => scoreBatch(p),
  /** One share of the joint k-NN queries of a KSG, Frenzel–Pompe or Kozachenko–Leonenko estimate. */
  knnDist: (p: KnnDistTask) => knnDistPart(p),
  /** The radius counts of one marginal space (or a share of its points) of such an estimate. */
  knnCount: (p: CountTask) => countPart(p),
};
