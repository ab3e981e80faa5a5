// Local values of the Gaussian (parametric) MI and conditional MI: log-density ratios of
// the fitted normal, as JIDT's MutualInfoCalculatorMultiVariateGaussian and
// ConditionalMutualInfoCalculatorMultiVariateGaussian compute them.

/** A Cholesky pivot of the correlation matrix at or below this is singular. */
const SINGULAR = 1e-12;

/** What a group of columns contributes: ±(ln det Σ_S + (v − μ)ᵀ Σ_S⁻¹ (v − μ)) at every point. */
export interface Term {
  cols: number[];
  sign: number;
}

/**
 * Σ over terms of sign·(−½)(ln det Σ_S + Mahalanobis²_S(v_i)) at each point i: ln p of the
 * fitted normal of the columns S, up to the 2π constants, which cancel when the signed
 * dimensions sum to 0 (MI: +xy −x −y; CMI: +xyz +z −xz −yz). The covariance is the sample
 * covariance with divisor N − 1 (JIDT's MatrixUtils.covarianceMatrix). The average of the
 * locals is returned separately as ½ Σ −sign·ln det Σ_S, the closed form.
 * `onSingular(j)` names column j in the error for a singular covariance.
 */
export function gaussianLocals(cols: Float64Array[], terms: Term[], onSingular: (col: number) => never): { value: number; local: Float64Array } {
  const n = cols[0].length;
  const d = cols.length;
  const centred = cols.map((c) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += c[i];
    m /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i] - m;
    return out;
  });
  const cov = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += centred[a][i] * centred[b][i];
      cov[a * d + b] = cov[b * d + a] = s / (n - 1);
    }
  }
  for (let a = 0; a < d; a++) if (!(cov[a * d + a] > 0)) onSingular(a);
  const local = new Float64Array(n);
  let value = 0;
  for (const { cols: S, sign } of terms) {
    const m = S.length;
    // Cholesky of the correlation matrix of S (well scaled), then undo the scale in ln det.
    const sd = S.map((a) => Math.sqrt(cov[a * d + a]));
    const L = new Float64Array(m * m);
    let logDet = 0;
    for (let j = 0; j < m; j++) {
      let s = cov[S[j] * d + S[j]] / (sd[j] * sd[j]);
      for (let p = 0; p < j; p++) s -= L[j * m + p] * L[j * m + p];
      if (!(s > SINGULAR)) onSingular(S[j]);
      const ljj = Math.sqrt(s);
      L[j * m + j] = ljj;
      logDet += 2 * Math.log(ljj) + 2 * Math.log(sd[j]);
      for (let i = j + 1; i < m; i++) {
        let t = cov[S[i] * d + S[j]] / (sd[i] * sd[j]);
        for (let p = 0; p < j; p++) t -= L[i * m + p] * L[j * m + p];
        L[i * m + j] = t / ljj;
      }
    }
    value += -0.5 * sign * logDet;
    const w = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      // forward substitution L w = (v − μ)/sd gives the Mahalanobis² as |w|²
      let q = 0;
      for (let r = 0; r < m; r++) {
        let t = centred[S[r]][i] / sd[r];
        for (let p = 0; p < r; p++) t -= L[r * m + p] * w[p];
        w[r] = t / L[r * m + r];
        q += w[r] * w[r];
      }
      local[i] += -0.5 * sign * (logDet + q);
    }
  }
  return { value, local };
}
