// Pure-TypeScript twin of assembly/selection.ts: same counts, same order of additions.

/** See Kernels.pairTables. */
export function pairTables(
  codes: Int32Array, n: number, K: Int32Array, s: number, y: Int32Array | null, ky: number,
  idx: Int32Array, lut: Float64Array, out: Float64Array,
): void {
  const ks = K[s];
  const ao = s * n;
  const kyy = y === null ? 1 : ky;
  for (let t = 0; t < idx.length; t++) {
    const j = idx[t];
    const kj = K[j];
    const bo = j * n;
    const tab = new Int32Array(ks * kyy * kj);
    if (y === null) for (let i = 0; i < n; i++) tab[codes[ao + i] * kj + codes[bo + i]]++;
    else for (let i = 0; i < n; i++) tab[(codes[ao + i] * ky + y[i]) * kj + codes[bo + i]]++;
    let sMargin = 0;
    let sAll = 0;
    for (let u = 0; u < ks; u++) {
      for (let v = 0; v < kj; v++) {
        let mgn = 0;
        for (let c = 0; c < kyy; c++) {
          const x = tab[(u * kyy + c) * kj + v];
          mgn += x;
          sAll += lut[x];
        }
        sMargin += lut[mgn];
      }
    }
    out[2 * t] = sMargin;
    out[2 * t + 1] = y === null ? 0 : sAll;
  }
}
