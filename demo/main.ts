// The page: picks the input, talks to the worker, shows progress, errors and charts.
// It computes nothing itself; a run that is cancelled ends with its worker.
import type { Analysis, ColumnSummary, Reply, Request, Selection, SelectionMethod } from './protocol.js';
import { esc, UNITS, type Unit } from './svg.js';
import { clearResults, followPointer, showResults, showSelection, ui } from './view.js';

const DROP_TEXT = ui.dropText.innerHTML;

const state = {
  text: '',
  source: '',
  id: 0,
  /** Counts the user's picks of input, so a slow read of an older pick cannot win. */
  pick: 0,
  analysis: undefined as Analysis | undefined,
  selection: undefined as Selection | undefined,
  unit: UNITS.bits as Unit,
};

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

/** Drops the shown result: the page never shows charts that do not match its input. */
function forget(): void {
  state.analysis = undefined;
  state.selection = undefined;
  clearResults();
}

function fail(message: string): void {
  busy(false, 'Stopped on an error.');
  forget();
  ui.errorTitle.textContent = state.source ? `Cannot analyse ${state.source}` : 'Cannot analyse this input';
  ui.errorText.textContent = message;
  ui.error.hidden = false;
}

function load(text: string, source: string): void {
  state.text = text;
  state.source = source;
  ui.error.hidden = true;
  showNotes([]);
  ui.target.disabled = true;
  forget();
  busy(true, `Reading ${source}…`);
  ask({ type: 'parse', text });
}

/** Says how the file was read where that may surprise (stray tokens, decimal commas): the CLI's notes. */
function showNotes(notes: string[]): void {
  ui.notes.textContent = notes.join(' ');
  ui.notes.hidden = notes.length === 0;
}

function offerTargets(columns: ColumnSummary[], rows: number, notes: string[]): void {
  showNotes(notes);
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
  forget();
  busy(true, 'Starting…');
  ask({ type: 'run', text: state.text, target: ui.target.value, estimator: ui.estimator.value === 'mixed-ksg' ? 'mixed-ksg' : 'auto' });
}

function onReply(r: Reply): void {
  if (r.id !== state.id) return;
  if (r.type !== 'progress') pending = false;
  if (r.type === 'parsed') offerTargets(r.columns, r.rows, r.notes);
  else if (r.type === 'progress') {
    ui.progress.value = r.total > 0 ? r.done / r.total : 0;
    ui.status.textContent = `${r.stage}: ${r.done} of ${r.total} steps`;
  } else if (r.type === 'error') {
    // A failed selection leaves the charts standing and says why in its own panel.
    if (state.analysis) {
      busy(false, 'Feature selection stopped on an error.');
      showSelection(undefined, state.unit, r.message);
    } else fail(r.message);
  } else if (r.type === 'selected') {
    state.selection = r.selection;
    busy(false, `Done: ${state.source}, target ${r.selection.target}, ${r.selection.k} features selected.`);
    showSelection(r.selection, state.unit);
  } else {
    state.analysis = r.analysis;
    busy(false, `Done: ${state.source}, target ${r.analysis.target}.`);
    showResults(r.analysis, state.unit);
    select();
  }
}

/** Runs the select view's selection for the shown analysis (class targets only). */
function select(): void {
  const a = state.analysis;
  if (!a) return;
  if (a.task !== 'classification') {
    showSelection(undefined, state.unit, 'Feature selection needs a class target; pick a column of labels.');
    return;
  }
  const k = Math.max(1, Math.min(Number(ui.selectK.value) || 1, a.ranking.length));
  ui.selectK.max = String(a.ranking.length);
  ui.selectK.value = String(k);
  state.selection = undefined;
  showSelection(undefined, state.unit);
  busy(true, 'Selecting features…');
  ask({ type: 'select', text: state.text, target: a.target, method: ui.selectMethod.value as SelectionMethod, k });
}

ui.selectMethod.addEventListener('change', select);
ui.selectK.addEventListener('change', select);

ui.cancel.addEventListener('click', () => {
  restartWorker();
  state.id++;
  busy(false, 'Cancelled. Pick a target or a dataset to run again.');
  forget();
});

ui.dataset.addEventListener('change', async () => {
  const name = ui.dataset.value;
  if (!name) return;
  const pick = ++state.pick;
  state.source = `${name}.csv`;
  ui.dropText.innerHTML = DROP_TEXT;
  try {
    const res = await fetch(`./data/${name}.csv`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (pick === state.pick) load(text, `${name}.csv`);
  } catch (err) {
    fail(`Could not load the bundled dataset ${name}.csv: ${(err as Error).message}`);
  }
});

async function readFile(file: File | undefined): Promise<void> {
  if (!file) return;
  ui.dataset.value = '';
  ui.dropText.innerHTML = `<b>${esc(file.name)}</b> · drop or click for another file`;
  const pick = ++state.pick;
  state.source = file.name;
  try {
    const text = await file.text();
    if (pick === state.pick) load(text, file.name);
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
ui.estimator.addEventListener('change', run);
ui.units.addEventListener('change', (e) => {
  state.unit = UNITS[(e.target as HTMLInputElement).value as Unit['name']];
  if (state.analysis) showResults(state.analysis, state.unit);
  if (state.selection) showSelection(state.selection, state.unit);
});

followPointer(() => state);


// Whatever goes wrong, the page says so instead of going blank.
window.addEventListener('error', (e) => fail(`Unexpected error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => fail(`Unexpected error: ${String(e.reason?.message ?? e.reason)}`));

// The page opens on a result rather than an empty page: the wine dataset, target 'class'.
ui.dataset.value = 'wine';
ui.dataset.dispatchEvent(new Event('change'));
