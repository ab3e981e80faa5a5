// Pure-TypeScript twin of assembly/copnorm.ts: copula normalisation of one column, a stable
// radix argsort, then Φ⁻¹((r + 1)/(n + 1)) by rank, ranks r and n − 1 − r exactly opposite.
import { normalQuantile } from '../../core/normalQuantile.js';
import { argsortF64 } from './radix.js';

/**
 * out[i] = Φ⁻¹((rank_i + 1)/(n + 1)) for the n values, ranks from a stable sort with −0 read
 * as +0. Returns the number of distinct values.
 */
export function copnormF64(vals: Float64Array, out: Float64Array): number {
  const n = vals.length;
  for (let i = 0; i < n; i++) out[i] = vals[i] + 0;
  const sorted = new Float64Array(n);
  const perm = new Int32Array(n);
  argsortF64(out, sorted, perm);
  let distinct = n > 0 ? 1 : 0;
  for (let r = 1; r < n; r++) if (sorted[r] !== sorted[r - 1]) distinct++;
  const n1 = n + 1;
  for (let r = 0; 2 * r < n; r++) {
    // (r + 1)/(n + 1) ≤ ½ here: normalQuantile takes its lower branch, as the kernel does
    const q = normalQuantile((r + 1) / n1);
    out[perm[r]] = q;
    const s = n - 1 - r;
    if (s !== r) out[perm[s]] = -q;
  }
  if (n % 2 === 1) out[perm[(n - 1) >> 1]] = 0;
  return distinct;
}
