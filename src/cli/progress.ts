// A progress bar on stderr for work that lasts: it appears only on a TTY, only without
// --quiet, and only once the work has run for about a second, so quick runs stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  /** Sets the amount done so far. */
  update(done: number): void;
  /** Removes the bar (if it was shown). */
  stop(): void;
}

/** Milliseconds before a bar appears; MUTINFO_PROGRESS_DELAY_MS changes it (tests use 0). */
function delay(): number {
  const v = Number(process.env.MUTINFO_PROGRESS_DELAY_MS);
  return Number.isFinite(v) && v >= 0 ? v : 1000;
}

/** Whether bars may be shown at all: stderr is a terminal and --quiet is off. */
export function progressEnabled(quiet: boolean): boolean {
  return !quiet && process.stderr.isTTY === true;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * A bar labelled `label`, counting `unit` up to `total` with the elapsed time. `format`
 * turns the raw counts into text (bytes read, for instance).
 */
export function progress(
  enabled: boolean,
  label: string,
  total: number,
  unit: string,
  format: (v: number) => string = String,
): Progress {
  if (!enabled || total <= 0) return NONE;
  const started = Date.now();
  let done = 0;
  let bar: cliProgress.SingleBar | null = null;
  let stopped = false;
  const suffix = unit.length > 0 ? ` ${unit}` : '';
  // The elapsed time counts from the start of the work, not from when the bar appeared.
  const line: cliProgress.GenericFormatter = (opts, params) =>
    `${label} [${cliProgress.Format.BarFormat(params.progress, opts)}] ${format(params.value)}/${format(params.total)}${suffix}` +
    ` | ${elapsed(Date.now() - started)}`;
  const show = () => {
    if (stopped) return;
    bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: line, barsize: 30, hideCursor: false, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done);
  };
  const timer = setTimeout(show, delay());
  timer.unref();
  return {
    update(v: number) {
      done = v;
      // Work that never yields (a library call looping synchronously) gives the timer no
      // turn: show the bar from here once its delay has passed.
      if (bar === null && !stopped && Date.now() - started >= delay()) {
        clearTimeout(timer);
        show();
      }
      bar?.update(v);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      bar?.stop();
    },
  };
}

/** Lets timers (the bar's appearance and redraws) run between synchronous steps. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Elapsed time as 4s, 1m05s or 1h02m. */
function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}

/** Bytes as a short human string: 12.3 MB. */
export function bytes(v: number): string {
  if (v < 1024) return `${v} B`;
  if (v < 1024 * 1024) return `${(v / 1024).toFixed(1)} KB`;
  if (v < 1024 ** 3) return `${(v / 1024 / 1024).toFixed(1)} MB`;
  return `${(v / 1024 ** 3).toFixed(2)} GB`;
}
