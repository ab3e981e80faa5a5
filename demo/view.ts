// The page's elements, and drawing a result into them: captions, charts, timings and
// the heatmap's tooltip. main.ts decides when; this module only shows.
import { barChart } from './bars.js';
import { cellTip, heatmap } from './heatmap.js';
import type { Analysis, Selection } from './protocol.js';
import { esc, estimate, fmt, type Measure, type Unit } from './svg.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
export const ui = {
  dataset: $<HTMLSelectElement>('dataset'),
  drop: $<HTMLLabelElement>('drop'),
  dropText: $<HTMLSpanElement>('drop-text'),
  file: $<HTMLInputElement>('file'),
  target: $<HTMLSelectElement>('target'),
  estimator: $<HTMLSelectElement>('estimator'),
  units: $<HTMLFieldSetElement>('units'),
  cancel: $<HTMLButtonElement>('cancel'),
  progress: $<HTMLProgressElement>('progress'),
  status: $<HTMLSpanElement>('status'),
  error: $<HTMLDivElement>('error'),
  errorTitle: $<HTMLElement>('error-title'),
  errorText: $<HTMLSpanElement>('error-text'),
  meta: $<HTMLDivElement>('meta'),
  notes: $<HTMLDivElement>('notes'),
  empty: $<HTMLDivElement>('empty'),
  ranking: $<HTMLElement>('ranking'),
  rankingCaption: $<HTMLElement>('ranking-caption'),
  rankingChart: $<HTMLDivElement>('ranking-chart'),
  matrix: $<HTMLElement>('matrix'),
  matrixCaption: $<HTMLElement>('matrix-caption'),
  matrixChart: $<HTMLDivElement>('matrix-chart'),
  tooltip: $<HTMLDivElement>('tooltip'),
  select: $<HTMLElement>('select'),
  selectMethod: $<HTMLSelectElement>('select-method'),
  selectK: $<HTMLInputElement>('select-k'),
  selectCaption: $<HTMLElement>('select-caption'),
  selectTable: $<HTMLDivElement>('select-table'),
};

/** Text widths from a canvas in the page's own font, so chart labels get the room they need. */
const measure: Measure = (() => {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return estimate;
  const family = getComputedStyle(document.body).fontFamily;
  return (text, px, bold) => {
    ctx.font = `${bold ? 'bold ' : ''}${px}px ${family}`;
    return ctx.measureText(text).width;
  };
})();

/** Hides the charts and shows the empty-state hint. */
export function clearResults(): void {
  ui.ranking.hidden = ui.matrix.hidden = ui.meta.hidden = ui.select.hidden = true;
  ui.rankingChart.innerHTML = ui.matrixChart.innerHTML = ui.selectTable.innerHTML = '';
  ui.empty.hidden = false;
}

function heatmapCaption(a: Analysis, u: Unit): string {
  const n = a.names.length;
  const used = new Set(a.pairNote.filter((note, c) => !Number.isNaN(a.matrix[c]) && note).map((note) => note.split(' · ')[0]));
  const refused = a.matrix.filter((v, c) => Number.isNaN(v) && c % (n + 1) !== 0).length / 2;
  return (
    `I(row; column) in ${u.name} for all ${n} columns, estimator 'auto' per pair (${[...used].join(', ')}).` +
    (refused > 0 ? ` ${refused} pair${refused > 1 ? 's' : ''} not estimated (hatched).` : '') +
    ` Grey: not significant (permutation p > ${a.alpha}).` +
    (a.matrix.some((v) => v < 0) ? ' Raw k-NN estimates below 0 (no detectable dependence) start the colour scale below 0.' : '') +
    ` A feature's value with ${a.target} here can differ from its bar: the ranking follows sklearn` +
    " (its scaling, and tie-breaking noise from randomState 0), the matrix the general estimator, each pair on its own complete rows." +
    ' Hover a cell for its value.'
  );
}

/** Draws a result in the given unit. */
export function showResults(a: Analysis, u: Unit): void {
  ui.empty.hidden = true;
  ui.ranking.hidden = ui.matrix.hidden = ui.meta.hidden = false;
  const text = a.ranking.some((r) => r.discrete) ? ' Green bars: text features, read as labels; blue bars: numeric features.' : '';
  const dropped = a.ranking.some((r) => (r.dropped ?? 0) > 0) ? ' Rows with a missing cell are left out of the features they affect.' : '';
  ui.rankingCaption.textContent =
    `I(feature; ${a.target}) in ${u.name}, ${a.task} target. Estimator: ${a.rankingMethod}.${text}${dropped} ` +
    `Grey bars, marked n.s.: not significant (Benjamini–Hochberg q > ${a.alpha} over permutation p-values).`;
  ui.rankingChart.innerHTML = barChart(a.ranking, u, measure, a.alpha);
  if (a.heatmapError) {
    ui.matrixCaption.textContent = 'The pairwise MI matrix could not be computed:';
    ui.matrixChart.innerHTML = `<p class="error" id="heatmap-error">${esc(a.heatmapError)}</p>`;
  } else {
    ui.matrixCaption.textContent = heatmapCaption(a, u);
    ui.matrixChart.innerHTML = heatmap(a, u, measure);
  }
  const total = a.ms.ranking + a.ms.heatmap;
  ui.meta.innerHTML = [
    `backend <b>${a.backend}</b>`,
    `<b>${a.rows}</b> rows × <b>${a.names.length}</b> columns`,
    `ranking <b>${a.ms.ranking.toFixed(1)} ms</b>`,
    a.heatmapError ? 'heatmap <b>—</b>' : `heatmap <b>${a.ms.heatmap.toFixed(1)} ms</b>`,
    `total <b>${total.toFixed(1)} ms</b>`,
  ]
    .map((s) => `<span>${s}</span>`)
    .join('');
}

/** Shows the pair and its value beside the pointer over a heatmap cell. */
export function followPointer(current: () => { analysis?: Analysis; unit: Unit }): void {
  ui.matrixChart.addEventListener('mousemove', (e) => {
    const { analysis, unit } = current();
    const cell = (e.target as Element).closest('rect.cell');
    if (!cell || !analysis) {
      ui.tooltip.hidden = true;
      return;
    }
    ui.tooltip.innerHTML = cellTip(analysis, Number(cell.getAttribute('data-i')), Number(cell.getAttribute('data-j')), unit);
    ui.tooltip.hidden = false;
    const { width, height } = ui.tooltip.getBoundingClientRect();
    ui.tooltip.style.left = `${Math.min(e.clientX + 14, innerWidth - width - 4)}px`;
    ui.tooltip.style.top = `${Math.min(e.clientY + 14, innerHeight - height - 4)}px`;
  });
  ui.matrixChart.addEventListener('mouseleave', () => (ui.tooltip.hidden = true));
}

/** The select view: the chosen features in order, with relevance and redundancy. */
export function showSelection(sel: Selection | undefined, u: Unit, message?: string): void {
  ui.select.hidden = false;
  if (message !== undefined) {
    ui.selectCaption.textContent = message;
    ui.selectTable.innerHTML = '';
    return;
  }
  if (!sel) {
    ui.selectCaption.textContent = 'Selecting…';
    ui.selectTable.innerHTML = '';
    return;
  }
  ui.selectCaption.textContent =
    `selectFeatures(X, ${sel.target}, { method: '${sel.method}', k: ${sel.k} }), in order of choice; ` +
    `relevance is I(feature; ${sel.target}), redundancy the largest I(feature; earlier pick), in ${u.name}` +
    (sel.ratio ? '; DISR scores after the first are ratios without unit' : '') +
    `. ${sel.ms.toFixed(1)} ms.`;
  const rows = sel.picks.map((p, i) => {
    const score = sel.ratio && i > 0 ? p.score : p.score / u.div;
    const red = Number.isNaN(p.redundancy) ? '—' : `${fmt(p.redundancy / u.div)} <span class="with">(${esc(p.redundantWith)})</span>`;
    return (
      `<tr class="pick" data-feature="${esc(p.feature)}" data-score="${p.score}" data-relevance="${p.relevance}">` +
      `<td>${i + 1}</td><td>${esc(p.feature)}</td><td class="num">${fmt(score)}</td>` +
      `<td class="num">${fmt(p.relevance / u.div)}</td><td>${red}</td></tr>`
    );
  });
  ui.selectTable.innerHTML =
    '<table class="picks"><thead><tr><th>#</th><th>feature</th><th>score</th><th>relevance</th><th>redundancy</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`;
}
