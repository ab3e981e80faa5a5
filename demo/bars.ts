// The ranked bar chart: one horizontal bar per feature, largest MI on top.
import type { Ranked } from './protocol.js';
import { clip, esc, estimate, fmt, ticks, type Measure, type Unit } from './svg.js';

const WIDTH = 540;
const ROW = 22;
const BAR = 15;
const AXIS = 22;
const FONT = 12;
const VALUE_ROOM = 48;
const COLOUR = { continuous: '#2c728e', discrete: '#5dc863', insignificant: '#c8c8c8' };

/** SVG markup of the ranking, values shown in the given unit. */
export function barChart(ranking: Ranked[], unit: Unit, measure: Measure = estimate, alpha = 0.05): string {
  const labels = ranking.map((r) => clip(r.feature, 26));
  const left = Math.ceil(Math.max(60, ...labels.map((l) => measure(l, FONT)))) + 12;
  const plot = WIDTH - left - VALUE_ROOM;
  const values = ranking.map((r) => Math.max(0, r.nats) / unit.div);
  const ts = ticks(Math.max(...values, 1e-9));
  const max = ts[ts.length - 1] || 1;
  const x = (v: number) => left + (v / max) * plot;
  const height = AXIS + ranking.length * ROW + 4;
  const parts: string[] = [];
  for (const t of ts) {
    parts.push(
      `<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${AXIS - 4}" y2="${height}"/>`,
      `<text class="tick" x="${x(t)}" y="${AXIS - 8}" text-anchor="middle">${t}</text>`,
    );
  }
  parts.push(`<text class="tick" x="${left - 8}" y="${AXIS - 8}" text-anchor="end">MI (${unit.name})</text>`);
  ranking.forEach((r, k) => {
    const y = AXIS + k * ROW;
    const v = values[k];
    // Not significant: q (Benjamini–Hochberg over the features) above alpha, drawn grey and marked.
    const ns = r.q !== undefined && r.q > alpha;
    const sig = r.p !== undefined && r.q !== undefined ? `, p = ${fmt(r.p)}, q = ${fmt(r.q)}${ns ? ': not significant' : ''}` : '';
    parts.push(
      `<g class="bar${ns ? ' ns' : ''}" data-rank="${k + 1}" data-feature="${esc(r.feature)}" data-nats="${r.nats}" data-q="${r.q}">` +
        `<title>${esc(r.feature)}: ${fmt(v)} ${unit.name}${r.discrete ? ' (discrete feature)' : ''}${sig}</title>` +
        `<text class="label" x="${left - 8}" y="${y + ROW / 2}" dy="0.35em" text-anchor="end">${esc(labels[k])}</text>` +
        `<rect x="${left}" y="${y + (ROW - BAR) / 2}" width="${Math.max(1, x(v) - left)}" height="${BAR}" rx="2" ` +
        `fill="${ns ? COLOUR.insignificant : r.discrete ? COLOUR.discrete : COLOUR.continuous}"/>` +
        `<text class="value" x="${x(v) + 5}" y="${y + ROW / 2}" dy="0.35em">${fmt(v)}${ns ? ' (n.s.)' : ''}</text></g>`,
    );
  });
  return (
    `<svg class="bars" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" ` +
    `aria-label="Mutual information of each feature with the target, in ${unit.name}">${parts.join('')}</svg>`
  );
}
