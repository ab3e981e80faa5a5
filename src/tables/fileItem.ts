// The FROM item of a data file for DuckDB, shared by the library (duckdb.ts) and the CLI's
// reservoir sample (cli/commands/bigdata.ts); self-contained, so the CLI bundles only this.
import { MISSING_CELLS } from '../core/missingCells.js';

const CSV_FILE = /\.(csv|tsv|txt)(\.gz|\.zst)?$/i;

/**
 * The FROM item of a file: Parquet and JSON by DuckDB's reader for the extension; CSV through
 * `read_csv` with the CLI's missing cells (pandas' na_values: '', NA, NaN, NULL, …) as its
 * `nullstr` list, so that DuckDB and the in-memory reader drop the same rows.
 */
export function fileItem(path: string): string {
  const lit = `'${path.replace(/'/g, "''")}'`;
  if (!CSV_FILE.test(path)) return lit;
  const nulls = [...MISSING_CELLS].map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
  return `read_csv(${lit}, nullstr = [${nulls}])`;
}
