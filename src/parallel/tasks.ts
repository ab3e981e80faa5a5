// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number or a typed array (permutationNulls and bootstrapReplicates: a
// Float64Array of statistics).
import { scoreFeature, type FeatureTask } from '../estimators/featureScore.js';
import { discreteRowTask, type DiscreteRowTask } from '../selection/discreteTables.js';
import { knnTermTask, type KnnTermTask } from '../selection/knnTerms.js';
import { matrixPairTask, type MatrixPairTask } from '../selection/matrixPairs.js';
import { scoreBatch, type FeatureBatch } from '../estimators/featureBatch.js';
import { LegacyNormal } from '../core/mt19937.js';
import { countPart, knnDistPart, type CountTask, type KnnDistTask } from '../estimators/knnParts.js';
import { mutualInformationAs } from '../estimators/mutualInformation.js';
import { conditionalMutualInformationAs } from '../estimators/conditionalMutualInformation.js';
import { bootstrapChunk, type BootstrapTask } from '../significance/bootstrap.js';
import { nullChunk, type NullTask } from '../significance/nulls.js';
import { kdeBlockTask, type KdeBlockTask } from '../estimators/kdeParallel.js';

/** A worker's estimate for a significance test, its errors named after the calling function (the Async form's own name, say). */
const estimateAs = (fn?: string) => (x: unknown, y: unknown, o: Record<string, unknown>, z?: unknown) =>
  z === undefined
    ? mutualInformationAs(fn ?? 'mutualInformationTest', x, y, o)
    : conditionalMutualInformationAs(fn ?? 'conditionalMutualInformationTest', x, y, z, o);

export const TASKS = {
  /** One column of mutualInfoRegression / mutualInfoClassif. */
  featureMI: (p: FeatureTask) => scoreFeature(p),
  /** Part of one cache row of greedy feature selection, written into shared memory. */
  selectionRow: (p: DiscreteRowTask) => discreteRowTask(p),
  /** One k-NN term of greedy feature selection. */
  selectionTerm: (p: KnnTermTask) => knnTermTask(p),
  /** One entry of mutualInformationMatrix. */
  matrixPair: (p: MatrixPairTask) => matrixPairTask(p),
  /** Permutations [from, to) of a significance test's null distribution. */
  permutationNulls: (p: NullTask) => nullChunk(p, estimateAs(p.spec.kind === 'generic' ? p.spec.fn : undefined)),
  /** Bootstrap replicates [from, to) of a confidence interval. */
  bootstrapReplicates: (p: BootstrapTask) => bootstrapChunk(p, estimateAs(p.fn)),
  /** A batch of columns of mutualInfoRegression / mutualInfoClassif, scaled and noised in the worker. */
  featureBatch: (p: FeatureBatch) => scoreBatch(p),
  /** numpy's RandomState(seed) normals, filling G (shared) or a new array of `length`, returned. */
  legacyNormals: (p: { seed: number; length: number; G?: Float64Array }) => {
    const G = p.G ?? new Float64Array(p.length);
    new LegacyNormal(p.seed).fill(G);
    return p.G ? 0 : G;
  },
  /** One share of the joint k-NN queries of a KSG, Frenzel–Pompe or Kozachenko–Leonenko estimate. */
  knnDist: (p: KnnDistTask) => knnDistPart(p),
  /** The radius counts of one marginal space (or a share of its points) of such an estimate. */
  knnCount: (p: CountTask) => countPart(p),
  /** Some row blocks of the KDE kernel sums of one space. */
  kdeBlocks: (p: KdeBlockTask) => kdeBlockTask(p),
};
