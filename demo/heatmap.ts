// The heatmap of pairwise MI: an n × n grid of cells coloured by viridis, with
// a colour legend. The page shows a tooltip from each cell's data attributes.
import type { Analysis } from './protocol.js';
import { clip, esc, estimate, fmt, ticks, type Measure, type Unit } from './svg.js';
import { viridis } from './viridis.js';

const DIAGONAL = '#e4e4e7';
const NOT_SIGNIFICANT = '#bdbdbd';

/** The largest off-diagonal MI, the top of the colour scale (in nats). */
export function scaleMax(matrix: Float64Array): number {
  let max = 0;
  for (const v of matrix) if (v > max) max = v;
  return max;
}

function legend(x0: number, y0: number, h: number, maxNats: number, unit: Unit): string {
  const top = maxNats / unit.div;
  const stops = Array.from({ length: 11 }, (_, k) => `<stop offset="${k / 10}" stop-color="${viridis(1 - k / 10)}"/>`);
  const out = [
    `<defs><linearGradient id="mi-scale" x1="0" x2="0" y1="0" y2="1">${stops.join('')}</linearGradient>` +
      `<pattern id="refused" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="${DIAGONAL}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b4b4bc" stroke-width="2"/></pattern></defs>`,
    `<text class="tick" x="${x0}" y="${y0 - 8}">MI (${unit.name})</text>`,
    `<rect class="legend" x="${x0}" y="${y0}" width="12" height="${h}" fill="url(#mi-scale)"/>`,
  ];
  for (const t of ticks(top, 4).filter((t) => t <= top * (1 + 1e-9))) {
    const y = y0 + h - (top > 0 ? (t / top) * h : 0);
    out.push(
      `<line class="axis" x1="${x0 + 12}" x2="${x0 + 16}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${x0 + 19}" y="${y}" dy="0.35em">${t}</text>`,
    );
  }
  return out.join('');
}

/** SVG markup of the pairwise MI matrix, with the target's row and column labels marked. */
export function heatmap(a: Analysis, unit: Unit, measure: Measure = estimate): string {
  const n = a.names.length;
  const cell = Math.max(12, Math.min(34, Math.floor(460 / n)));
  // Slanted column labels need more room between them than upright ones do.
  const slant = cell >= 20;
  const font = Math.min(11, Math.floor(cell * 0.8));
  const labels = a.names.map((s) => clip(s, 18));
  const room = Math.ceil(Math.max(...labels.map((l, i) => measure(l, font, a.names[i] === a.target)))) + 8;
  const left = room;
  const top = Math.round(slant ? room * 0.72 : room) + 6;
  const grid = n * cell;
  const legendX = left + grid + 20;
  const width = Math.max(legendX + 60, left + grid + (slant ? room * 0.72 : 0));
  const height = top + grid + 10;
  const max = scaleMax(a.matrix);
  const inCell = cell >= 30;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const cls = a.names[i] === a.target ? 'label target' : 'label';
    const c = left + i * cell + cell / 2;
    const r = top + i * cell + cell / 2;
    const title = `<title>${esc(a.names[i])}</title>${esc(labels[i])}`;
    parts.push(
      `<text class="${cls}" font-size="${font}" x="${left - 6}" y="${r}" dy="0.35em" text-anchor="end">${title}</text>`,
      `<text class="${cls}" font-size="${font}" transform="translate(${c} ${top - 6}) rotate(${slant ? -45 : -90})"` +
        `${slant ? '' : ' dy="0.35em"'}>${title}</text>`,
    );
    for (let j = 0; j < n; j++) {
      const v = a.matrix[i * n + j];
      const kind = i === j ? ' diag' : Number.isNaN(v) ? ' refused' : '';
      const t = max > 0 ? v / max : 0;
      // A pair whose permutation p-value exceeds alpha is greyed: its MI is not distinguishable from 0.
      const ns = !kind && a.pairP !== undefined && a.pairP[i * n + j] > a.alpha;
      parts.push(
        `<rect class="cell${kind}${ns ? ' ns' : ''}" data-i="${i}" data-j="${j}" x="${left + j * cell}" y="${top + i * cell}" ` +
          `width="${cell}" height="${cell}" fill="${kind === ' diag' ? DIAGONAL : kind ? 'url(#refused)' : ns ? NOT_SIGNIFICANT : viridis(t)}"/>`,
      );
      if (inCell && !kind) {
        parts.push(
          `<text class="in-cell${t > 0.6 ? '' : ' on-dark'}" x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2}" dy="0.35em" ` +
            `text-anchor="middle">${(v / unit.div).toFixed(2).replace(/^-0\.00$/, '0.00')}</text>`,
        );
      }
    }
  }
  parts.push(legend(legendX, top, grid, max, unit));
  return (
    `<svg class="heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="Pairwise mutual information of all ${n} columns, in ${unit.name}">${parts.join('')}</svg>`
  );
}

/** Tooltip text for cell (i, j): the pair, its MI in the unit, and the estimator used. */
export function cellTip(a: Analysis, i: number, j: number, unit: Unit): string {
  const n = a.names.length;
  const pair = `${esc(a.names[i])} × ${esc(a.names[j])}`;
  const note = esc(a.pairNote[i * n + j]);
  if (i === j) return `<b>${pair}</b><br>I(X; X) = H(X): not estimated`;
  const v = a.matrix[i * n + j];
  if (Number.isNaN(v)) return `<b>${pair}</b><br>not estimated: ${note}`;
  // KSG is nearly unbiased, so near independence its raw estimate falls either side of 0.
  const sign = v < 0 ? '<br>below 0: no detectable dependence' : '';
  const p = a.pairP?.[i * n + j];
  const sig = p === undefined || Number.isNaN(p) ? '' : `<br>permutation p = ${fmt(p)}${p > a.alpha ? ': not significant (greyed)' : ''}`;
  return `<b>${pair}</b><br>${fmt(v / unit.div)} ${unit.name} · ${note}${sign}${sig}`;
}
