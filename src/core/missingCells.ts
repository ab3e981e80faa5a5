// The text cells read as missing: shared by the CLI's CSV reader (src/cli/cells.ts), the demo
// page, and DuckDB's CSV reader (src/tables/duckdb.ts: its nullstr list), so that a file
// reads with the same cells missing whichever engine reads it.

/**
 * Cells read as missing: pandas.read_csv's default `na_values`, so a file that pandas reads
 * with NaNs reads here with the same cells missing.
 */
export const MISSING_CELLS: ReadonlySet<string> = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
]);
