// The demo's module worker: parses the CSV and runs the analysis off the page's
// thread. The page cancels a run by terminating this worker and starting another.
import { analyse, selectColumns } from './compute.js';
import { parseCsv } from './csv.js';
import type { Reply, Request } from './protocol.js';
import { prepare, summarize } from './table.js';

function send(reply: Reply): void {
  postMessage(reply);
}

async function handle(req: Request): Promise<void> {
  const table = parseCsv(req.text);
  if (req.type === 'parse') {
    send({ type: 'parsed', id: req.id, rows: table.lines.length, ...summarize(table) });
    return;
  }
  const prepared = prepare(table, req.target);
  if (req.type === 'select') {
    const selection = await selectColumns(prepared, req.method, req.k, (stage, done, total) =>
      send({ type: 'progress', id: req.id, stage, done, total }),
    );
    send({ type: 'selected', id: req.id, selection });
    return;
  }
  const analysis = await analyse(
    prepared,
    (stage, done, total) => send({ type: 'progress', id: req.id, stage, done, total }),
    req.estimator ?? 'auto',
  );
  send({ type: 'result', id: req.id, analysis });
}

onmessage = (e: MessageEvent<Request>) => {
  handle(e.data).catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    send({ type: 'error', id: e.data.id, message });
  });
};
