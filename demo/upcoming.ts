// Library functions that issues 3 and 4 add on other branches, typed as main has them
// (issue 4) or as issue 3 describes them. compute.ts reaches them through this type
// and reports their absence on the page; this file goes once they build on main.

type Matrix = number[][] | { data: Float64Array; rows: number; cols: number };

interface FeatureOptions {
  discreteFeatures?: 'auto' | boolean | readonly boolean[] | readonly number[];
  nNeighbors?: number;
  randomState?: number;
  workers?: number | 'auto';
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Upcoming {
  mutualInfoClassifAsync(X: Matrix, y: ArrayLike<number | string>, options?: FeatureOptions): Promise<Float64Array>;
  mutualInfoRegressionAsync(X: Matrix, y: ArrayLike<number>, options?: FeatureOptions): Promise<Float64Array>;
  selectEstimator(x: ArrayLike<number | string>, y: ArrayLike<number | string>): { estimator: string; reason: string };
}
