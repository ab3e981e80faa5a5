// Delay embeddings as flat row-major arrays: no JS array per point.

/** One embedded variable: the series it reads and the lags (t − lag) of its columns. */
export interface Part {
  /** Which input variable (index into the pooled series). */
  v: number;
  lags: number[];
}

/** Lags of a k-value history spaced tau with the latest at t − delay: delay, delay + tau, … */
export function lagsOf(count: number, tau: number, delay: number): number[] {
  return Array.from({ length: count }, (_, j) => delay + j * tau);
}

/** The pooled observations of several trials: rows t = t0 … L − 1 of each trial. */
export interface Layout {
  /** Trial lengths. */
  lengths: number[];
  /** Start of each trial in the pooled series. */
  offsets: number[];
  /** The first usable time t0: the largest lag of any part. */
  t0: number;
  /** Observations per trial, L − t0. */
  counts: number[];
  /** Total observations. */
  n: number;
}

export function layout(lengths: number[], parts: Part[]): Layout {
  const t0 = Math.max(0, ...parts.flatMap((p) => p.lags));
  const offsets: number[] = [];
  let s = 0;
  for (const L of lengths) {
    offsets.push(s);
    s += L;
  }
  const counts = lengths.map((L) => Math.max(0, L - t0));
  return { lengths, offsets, t0, counts, n: counts.reduce((a, b) => a + b, 0) };
}

/** The embedded rows of one part from its pooled series (Float64Array or Int32Array codes). */
export function embed<T extends Float64Array | Int32Array>(series: T, part: Part, lay: Layout, make: (n: number) => T): T {
  const d = part.lags.length;
  const out = make(lay.n * d);
  let row = 0;
  for (let tr = 0; tr < lay.lengths.length; tr++) {
    const off = lay.offsets[tr];
    for (let t = lay.t0; t < lay.lengths[tr]; t++, row++) {
      for (let c = 0; c < d; c++) out[row * d + c] = series[off + t - part.lags[c]];
    }
  }
  return out;
}

/** Per-trial arrays of the trial's length: NaN before t0, then the observations' values. */
export function byTime(values: Float64Array, lay: Layout): Float64Array[] {
  let row = 0;
  return lay.lengths.map((L) => {
    const out = new Float64Array(L).fill(NaN);
    for (let t = lay.t0; t < L; t++) out[t] = values[row++];
    return out;
  });
}
