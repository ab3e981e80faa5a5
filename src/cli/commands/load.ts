// The first step of every command: read the columns it needs, with their types checked.
import type { CommonOptions } from '../args.js';
import type { Column } from '../column.js';
import { readTable, type Table } from '../csv.js';
import { bytes, progress, progressEnabled } from '../progress.js';
import { checkNames, checkOverrides, forcedNumeric, type TypeOverrides } from '../typing.js';

export interface Loaded extends Table {
  /** Looks a kept column up by name. */
  column(name: string): Column;
}

/**
 * Reads `file`, keeping the columns that `needed` picks from the header. Every name the user
 * gave (needed columns, --discrete, --continuous) must exist in the header.
 */
export async function load(
  file: string,
  o: CommonOptions,
  needed: (header: string[]) => string[],
  extraNumeric: Map<string, string> = new Map(),
): Promise<Loaded> {
  const types: TypeOverrides = { discrete: o.discrete, continuous: o.continuous };
  checkOverrides(types);
  let bar: ReturnType<typeof progress> | null = null;
  const enabled = progressEnabled(o.quiet);
  const numeric = new Map([...forcedNumeric(types), ...extraNumeric]);
  try {
    const table = await readTable(file, {
      select(header) {
        const names = needed(header);
        checkNames(file === '-' ? 'stdin' : file, header, [...names, ...o.discrete, ...o.continuous]);
        return names;
      },
      forcedNumeric: numeric,
      missingIsError: o.missing === 'error',
      labels: new Set(o.discrete),
      decimal: o.decimal,
      header: o.header,
      onBytes(done, total) {
        bar ??= progress(enabled, 'reading', total, '', bytes);
        bar.update(done);
      },
    });
    if (!o.quiet) for (const note of table.notes) process.stderr.write(`mutinfo: ${note}\n`);
    return {
      ...table,
      column(name: string): Column {
        return table.columns.get(name)!;
      },
    };
  } finally {
    (bar as ReturnType<typeof progress> | null)?.stop();
  }
}
