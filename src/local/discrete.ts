// Local values of the plug-in (discrete) MI and conditional MI from joint codes.
import type { Kernels } from '../backend/kernels.js';
import { joint, type Encoded } from '../core/jointCodes.js';

/**
 * Σ over terms of sign·ln(count of the joint code of the group at i), plus `offset`:
 * local MI is ln N + ln n_xy − ln n_x − ln n_y (offset ln N); local CMI is
 * ln n_xyz + ln n_z − ln n_xz − ln n_yz (offset 0). The plug-in MI is their mean.
 */
export function countLocals(K: Kernels, vars: Encoded[], terms: { vars: number[]; sign: number }[], offset: number): Float64Array {
  const n = vars[0].codes.length;
  const local = new Float64Array(n).fill(offset);
  for (const t of terms) {
    const j = joint(t.vars.map((v) => vars[v]));
    const counts = K.histogram(j.codes, j.k);
    const logs = new Float64Array(counts.length);
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0) logs[c] = Math.log(counts[c]);
    for (let i = 0; i < n; i++) local[i] += t.sign * logs[j.codes[i]];
  }
  return local;
}

/** The mean of the values. */
export function mean(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}
