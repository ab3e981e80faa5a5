// The signatures of library functions that issues 3 and 4 are adding on other
// branches, as those issues describe them. compute.ts reaches them through this
// type and reports their absence on the page; it goes away once they are on main.

type Matrix = number[][] | { data: Float64Array; rows: number; cols: number };

interface FeatureOptions {
  discreteFeatures?: boolean | boolean[] | number[];
  nNeighbors?: number;
  randomState?: number;
}

export interface Upcoming {
  mutualInfoClassif(X: Matrix, y: ArrayLike<number | string>, options?: FeatureOptions): Float64Array;
  mutualInfoRegression(X: Matrix, y: ArrayLike<number>, options?: FeatureOptions): Float64Array;
  selectEstimator(x: ArrayLike<number | string>, y: ArrayLike<number | string>): { estimator: string; reason: string };
}
