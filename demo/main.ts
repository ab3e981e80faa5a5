// The page: picks the input, talks to the worker, shows progress, errors and charts.
// It computes nothing itself; a run that is cancelled ends with its worker.
import { barChart } from './bars.js';
import { cellTip, heatmap } from './heatmap.js';
import type { Analysis, ColumnSummary, Reply, Request } from './protocol.js';
import { esc, estimate, UNITS, type Measure, type Unit } from './svg.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  dataset: $<HTMLSelectElement>('dataset'),
  drop: $<HTMLLabelElement>('drop'),
  dropText: $<HTMLSpanElement>('drop-text'),
  file: $<HTMLInputElement>('file'),
  target: $<HTMLSelectElement>('target'),
  units: $<HTMLFieldSetElement>('units'),
  cancel: $<HTMLButtonElement>('cancel'),
  progress: $<HTMLProgressElement>('progress'),
  status: $<HTMLSpanElement>('status'),
  error: $<HTMLDivElement>('error'),
  errorTitle: $<HTMLElement>('error-title'),
  errorText: $<HTMLSpanElement>('error-text'),
  meta: $<HTMLDivElement>('meta'),
  empty: $<HTMLDivElement>('empty'),
  ranking: $<HTMLElement>('ranking'),
  rankingCaption: $<HTMLElement>('ranking-caption'),
  rankingChart: $<HTMLDivElement>('ranking-chart'),
  matrix: $<HTMLElement>('matrix'),
  matrixCaption: $<HTMLElement>('matrix-caption'),
  matrixChart: $<HTMLDivElement>('matrix-chart'),
  tooltip: $<HTMLDivElement>('tooltip'),
};

const DROP_TEXT = ui.dropText.innerHTML;

const state = {
  text: '',
  source: '',
  id: 0,
  analysis: undefined as Analysis | undefined,
  unit: UNITS.bits as Unit,
};

/** Text widths from a canvas in the page's own font, so chart labels get the room they need. */
const measure: Measure = (() => {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return estimate;
  const family = getComputedStyle(document.body).fontFamily;
  return (text, px) => {
    ctx.font = `${px}px ${family}`;
    return ctx.measureText(text).width;
  };
})();

function startWorker(): Worker {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<Reply>) => onReply(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    fail(`The computation worker stopped: ${e.message || 'worker.js could not be loaded'}`);
  };
  return w;
}
let worker = startWorker();
/** Whether the worker is still busy with the latest request. */
let pending = false;

/** Ends whatever the worker is doing (its pool of workers goes with it) and starts a fresh one. */
function restartWorker(): void {
  worker.terminate();
  worker = startWorker();
  pending = false;
}

/** A request before it gets its id (Omit spread over each member of the union). */
type Draft<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(req: Draft<Request>): void {
  // A new request replaces the one in progress rather than queueing behind it, and two
  // runs never share the worker's pool at once.
  if (pending) restartWorker();
  state.id++;
  pending = true;
  worker.postMessage({ ...req, id: state.id } as Request);
}

function busy(on: boolean, status: string): void {
  ui.cancel.disabled = !on;
  ui.progress.hidden = !on;
  if (on) ui.progress.value = 0;
  ui.status.textContent = status;
}

function clearResults(): void {
  state.analysis = undefined;
  ui.ranking.hidden = ui.matrix.hidden = ui.meta.hidden = true;
  ui.rankingChart.innerHTML = ui.matrixChart.innerHTML = '';
  ui.empty.hidden = false;
}

function fail(message: string): void {
  busy(false, 'Stopped on an error.');
  clearResults();
  ui.errorTitle.textContent = state.source ? `Cannot analyse ${state.source}` : 'Cannot analyse this input';
  ui.errorText.textContent = message;
  ui.error.hidden = false;
}

function load(text: string, source: string): void {
  state.text = text;
  state.source = source;
  ui.error.hidden = true;
  ui.target.disabled = true;
  clearResults();
  busy(true, `Reading ${source}…`);
  ask({ type: 'parse', text });
}

function offerTargets(columns: ColumnSummary[], rows: number): void {
  const previous = ui.target.value;
  ui.target.innerHTML = columns
    .map((c) => {
      const what = c.distinct === 0 ? 'empty' : c.task === 'classification' ? `${c.distinct} classes` : 'numeric';
      return `<option value="${esc(c.name)}">${esc(c.name)} · ${what}</option>`;
    })
    .join('');
  // Keep the target across reloads of similar files; else the last column, the usual place for it.
  const names = columns.map((c) => c.name);
  ui.target.value = names.includes(previous) ? previous : names[names.length - 1];
  ui.target.disabled = false;
  ui.status.textContent = `${state.source}: ${rows} rows × ${columns.length} columns.`;
  run();
}

function run(): void {
  if (!state.text || ui.target.disabled) return;
  ui.error.hidden = true;
  clearResults();
  busy(true, 'Starting…');
  ask({ type: 'run', text: state.text, target: ui.target.value });
}

function render(): void {
  const a = state.analysis;
  if (!a) return;
  const u = state.unit;
  ui.empty.hidden = true;
  ui.ranking.hidden = ui.matrix.hidden = ui.meta.hidden = false;
  ui.rankingCaption.textContent = `I(feature; ${a.target}) in ${u.name}, ${a.task} target. Estimator: ${a.rankingMethod}.`;
  ui.rankingChart.innerHTML = barChart(a.ranking, u, measure);
  if (a.heatmapError) {
    ui.matrixCaption.textContent = 'The pairwise MI matrix could not be computed:';
    ui.matrixChart.innerHTML = `<p class="error" id="heatmap-error">${esc(a.heatmapError)}</p>`;
  } else {
    const n = a.names.length;
    const used = new Set(a.pairNote.filter((note, c) => !Number.isNaN(a.matrix[c]) && note));
    const refused = a.matrix.filter((v, c) => Number.isNaN(v) && c % (n + 1) !== 0).length / 2;
    ui.matrixCaption.textContent =
      `I(row; column) in ${u.name} for all ${n} columns, estimator 'auto' per pair (${[...used].join(', ')}).` +
      (refused > 0 ? ` ${refused} pair${refused > 1 ? 's' : ''} not estimated (hatched).` : '') +
      ' Hover a cell for its value.';
    ui.matrixChart.innerHTML = heatmap(a, u, measure);
  }
  const total = a.ms.ranking + a.ms.heatmap;
  ui.meta.innerHTML = [
    `backend <b>${a.backend}</b>`,
    `<b>${a.rows}</b> rows × <b>${a.names.length}</b> columns`,
    `ranking <b>${a.ms.ranking.toFixed(1)} ms</b>`,
    a.heatmapError ? 'heatmap <b>—</b>' : `heatmap <b>${a.ms.heatmap.toFixed(1)} ms</b>`,
    `total <b id="elapsed">${total.toFixed(1)} ms</b>`,
  ]
    .map((s) => `<span>${s}</span>`)
    .join('');
}

function onReply(r: Reply): void {
  if (r.id !== state.id) return;
  if (r.type !== 'progress') pending = false;
  if (r.type === 'parsed') offerTargets(r.columns, r.rows);
  else if (r.type === 'progress') {
    ui.progress.value = r.total > 0 ? r.done / r.total : 0;
    ui.status.textContent = `${r.stage}: ${r.done} of ${r.total} steps`;
  } else if (r.type === 'error') fail(r.message);
  else {
    state.analysis = r.analysis;
    busy(false, `Done: ${state.source}, target ${r.analysis.target}.`);
    render();
  }
}

ui.cancel.addEventListener('click', () => {
  restartWorker();
  state.id++;
  busy(false, 'Cancelled. Pick a target or a dataset to run again.');
  clearResults();
});

ui.dataset.addEventListener('change', async () => {
  const name = ui.dataset.value;
  if (!name) return;
  state.source = `${name}.csv`;
  ui.dropText.innerHTML = DROP_TEXT;
  try {
    const res = await fetch(`./data/${name}.csv`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    load(await res.text(), `${name}.csv`);
  } catch (err) {
    fail(`Could not load the bundled dataset ${name}.csv: ${(err as Error).message}`);
  }
});

async function readFile(file: File | undefined): Promise<void> {
  if (!file) return;
  ui.dataset.value = '';
  ui.dropText.innerHTML = `<b>${esc(file.name)}</b> · drop or click for another file`;
  state.source = file.name;
  try {
    load(await file.text(), file.name);
  } catch (err) {
    fail(`Could not read ${file.name}: ${(err as Error).message}`);
  }
}

ui.file.addEventListener('change', () => readFile(ui.file.files?.[0]));
ui.drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  ui.drop.classList.add('over');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
ui.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('over');
  readFile(e.dataTransfer?.files[0]);
});
// A file dropped beside the zone would otherwise make the browser navigate to it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

ui.target.addEventListener('change', run);
ui.units.addEventListener('change', (e) => {
  state.unit = UNITS[(e.target as HTMLInputElement).value as Unit['name']];
  render();
});

ui.matrixChart.addEventListener('mousemove', (e) => {
  const cell = (e.target as Element).closest('rect.cell');
  if (!cell || !state.analysis) {
    ui.tooltip.hidden = true;
    return;
  }
  ui.tooltip.innerHTML = cellTip(state.analysis, Number(cell.getAttribute('data-i')), Number(cell.getAttribute('data-j')), state.unit);
  ui.tooltip.hidden = false;
  const { width, height } = ui.tooltip.getBoundingClientRect();
  ui.tooltip.style.left = `${Math.min(e.clientX + 14, innerWidth - width - 4)}px`;
  ui.tooltip.style.top = `${Math.min(e.clientY + 14, innerHeight - height - 4)}px`;
});
ui.matrixChart.addEventListener('mouseleave', () => (ui.tooltip.hidden = true));

// Whatever goes wrong, the page says so instead of going blank.
window.addEventListener('error', (e) => fail(`Unexpected error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => fail(`Unexpected error: ${String(e.reason?.message ?? e.reason)}`));
