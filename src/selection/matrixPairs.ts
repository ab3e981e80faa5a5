// One entry of the pairwise MI matrix, computed the way mutualInformation computes it for
// the pair's kinds. Runs on the calling thread or in a pool worker (the columns then sit
// in shared memory), with the same bits in either.
import { kernelsFor, type BackendOption } from '../backend/select.js';
import { discreteMutualInformation } from '../estimators/discreteMutualInformation.js';
import { ksgMutualInformation } from '../estimators/ksg.js';
import { mixedMutualInformation } from '../estimators/mixed.js';

/** The matrix's columns: numbers, or label codes (−1 = missing) for discrete columns; NaN = missing. */
export interface MatrixData {
  n: number;
  d: number;
  /** Column-major values, n·d. */
  values: Float64Array;
  discrete: boolean[];
  /** Whether rows with a missing cell are dropped per pair. */
  pairwise: boolean;
  k: number;
  seed: number;
  backend: BackendOption;
  /** The public function (mutualInformationMatrix or its Async form), named in a pair's errors. */
  fn: string;
}

/** What one pair uses: 'discrete' (plug-in), 'mixed' (Ross 2014) or 'ksg' (KSG algorithm 1). */
export function pairEstimator(data: MatrixData, i: number, j: number): 'discrete' | 'mixed' | 'ksg' {
  const a = data.discrete[i];
  const b = data.discrete[j];
  return a && b ? 'discrete' : a || b ? 'mixed' : 'ksg';
}

function present(v: number, discrete: boolean): boolean {
  return discrete ? v >= 0 : !Number.isNaN(v);
}

/** The pair's MI in nats and the rows it dropped. Throws what mutualInformation throws. */
export function pairValue(data: MatrixData, i: number, j: number): [number, number] {
  const { n, values, discrete } = data;
  let a = values.subarray(i * n, i * n + n);
  let b = values.subarray(j * n, j * n + n);
  let dropped = 0;
  if (data.pairwise) {
    let m = 0;
    for (let t = 0; t < n; t++) if (present(a[t], discrete[i]) && present(b[t], discrete[j])) m++;
    dropped = n - m;
    if (dropped > 0) {
      const a2 = new Float64Array(m);
      const b2 = new Float64Array(m);
      for (let t = 0, u = 0; t < n; t++) {
        if (present(a[t], discrete[i]) && present(b[t], discrete[j])) {
          a2[u] = a[t];
          b2[u++] = b[t];
        }
      }
      a = a2;
      b = b2;
    }
  }
  // The three paths mutualInformation(a, b, { estimator }) dispatches to, called directly so
  // that a pool worker does not carry every other estimator; errors name the public function
  // (fuzz seed 42: a k above n − 1 was reported as mutualInformation's).
  const fn = data.fn;
  const est = pairEstimator(data, i, j);
  const backend = data.backend;
  if (est === 'discrete') return [discreteMutualInformation(fn, a, b, { backend }), dropped];
  const kern = kernelsFor(fn, backend);
  const o = { k: data.k, seed: data.seed, backend };
  if (est === 'mixed') return [mixedMutualInformation(fn, kern, a, b, { ...o, discrete: discrete[i] ? 'x' : 'y' }), dropped];
  return [ksgMutualInformation(fn, kern, a, b, o, 1), dropped];
}

/** A pool task: entry (i, j); NaN when it fails and `quiet` (the caller then asks again on its own thread for the message). */
export interface MatrixPairTask {
  data: MatrixData;
  i: number;
  j: number;
  quiet: boolean;
}

export function matrixPairTask(p: MatrixPairTask): number {
  try {
    return pairValue(p.data, p.i, p.j)[0];
  } catch (e) {
    if (p.quiet) return Number.NaN;
    throw e;
  }
}
