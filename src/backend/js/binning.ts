// Pure-TypeScript twin of assembly/binning.ts: same loop, arrays instead of pointers.

/** codes[i] = the bin j with edges[j] ≤ v < edges[j+1], the last bin closed (numpy.histogram). */
export function binCodes(values: Float64Array, edges: Float64Array, codes: Int32Array): void {
  const last = edges.length - 2;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    codes[i] = lo;
  }
}
