// Binning kernel: values to bin codes, given sorted edges. Twin: src/backend/js/binning.ts.

/**
 * codes[i] = the bin j of values[i] with edges[j] ≤ v < edges[j+1], the last bin
 * closed on the right: the rule of numpy.histogram (1.24). A binary search over the
 * nEdges − 1 bins; values outside the edges go to the first or last bin (the callers
 * take the edges from the data's own range, so there are none).
 */
export function binCodes(values: usize, n: i32, edges: usize, nEdges: i32, codes: usize): void {
  const last = nEdges - 2;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(values + (<usize>i << 3));
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (load<f64>(edges + (<usize>mid << 3)) <= v) lo = mid;
      else hi = mid - 1;
    }
    store<i32>(codes + (<usize>i << 2), lo);
  }
}
