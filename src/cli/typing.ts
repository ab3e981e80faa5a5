// Column names and column types: which columns exist, which are continuous and which are
// labels, and whether a rank target is a classification or a regression target.
import type { Column } from './column.js';
import { CliError, usage } from './errors.js';

/** How an estimator sees a column. */
export type Kind = 'continuous' | 'discrete';

/** The user's overrides of the column types. */
export interface TypeOverrides {
  discrete: string[];
  continuous: string[];
}

/** Throws a usage error naming the first name that is not in the header, with the available ones. */
export function checkNames(source: string, header: string[], names: string[]): void {
  // A Set and a Map, not header.includes per name: a header may have 160,000 columns.
  const known = new Set(header);
  let lower: Map<string, string> | undefined;
  for (const name of names) {
    if (known.has(name)) continue;
    if (lower === undefined) {
      lower = new Map();
      for (const h of header) if (!lower.has(h.toLowerCase())) lower.set(h.toLowerCase(), h);
    }
    const near = lower.get(name.toLowerCase());
    const hint = near !== undefined ? ` (did you mean ${JSON.stringify(near)}?)` : '';
    const shown = header.length > 30 ? `${header.slice(0, 30).join(', ')}, … (${header.length} in all)` : header.join(', ');
    throw usage(`unknown column ${JSON.stringify(name)} in ${source}${hint}; available: ${shown}`);
  }
}

/** Checks the overrides against each other; the names are checked with the header later. */
export function checkOverrides(o: TypeOverrides): void {
  const continuous = new Set(o.continuous);
  const both = o.discrete.find((c) => continuous.has(c));
  if (both !== undefined) {
    throw usage(`column ${JSON.stringify(both)} cannot be both --discrete and --continuous`);
  }
}

/** Columns that must parse as numbers, with the reason for the error message. */
export function forcedNumeric(o: TypeOverrides): Map<string, string> {
  return new Map(o.continuous.map((c) => [c, 'forced continuous by --continuous']));
}

/** A numeric column with integer values and at most this many of them is a label column. */
export const MAX_CLASSES = 20;

/**
 * How a column is typed when no override names it. Text is always discrete. `'labels'`
 * (pair, matrix, entropy, and the rank target): a numeric column is discrete when it holds
 * integers with at most MAX_CLASSES distinct values, else continuous. (The library's
 * auto-selection reads up to max(2, min(N/4, √N)) distinct numbers as labels, integer or
 * not; a CSV column of small whole numbers is the common case of a class column.) `'sklearn'` (rank features): every numeric column is continuous, as sklearn's
 * `discrete_features='auto'` on dense data.
 */
export type Rule = 'labels' | 'sklearn';

/** The kind of a column: --discrete and --continuous first, then the rule. */
export function kindOf(col: Column, o: TypeOverrides, rule: Rule): Kind {
  if (o.discrete.includes(col.name)) return 'discrete';
  if (o.continuous.includes(col.name)) return 'continuous';
  if (col.type === 'text') return 'discrete';
  return rule === 'labels' && fewIntegers(col).few ? 'discrete' : 'continuous';
}

/** Whether a numeric column holds only integers, with at most MAX_CLASSES distinct values. */
export function fewIntegers(col: Column & { type: 'numeric' }): { few: boolean; why: string } {
  const seen = new Set<number>();
  for (const v of col.values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return { few: false, why: 'non-integer numbers' };
    seen.add(v);
    if (seen.size > MAX_CLASSES) return { few: false, why: `more than ${MAX_CLASSES} distinct integers` };
  }
  return { few: true, why: `${seen.size} distinct integers` };
}

export type Task = 'classif' | 'regression';

/**
 * Classification or regression for `rank`: --task wins; then the overrides; text is
 * classification; numbers are classification when they are few integers (see fewIntegers).
 */
export function detectTask(col: Column, o: TypeOverrides, task: Task | undefined): { task: Task; reason: string } {
  if (task === 'regression' && col.type === 'text') {
    throw new CliError(`--task regression needs a numeric target, but column ${JSON.stringify(col.name)} holds text`);
  }
  if (task !== undefined) return { task, reason: `--task ${task}` };
  if (o.discrete.includes(col.name)) return { task: 'classif', reason: 'target marked --discrete' };
  if (o.continuous.includes(col.name)) return { task: 'regression', reason: 'target marked --continuous' };
  if (col.type === 'text') return { task: 'classif', reason: 'text target' };
  const { few, why } = fewIntegers(col);
  return { task: few ? 'classif' : 'regression', reason: why };
}

/** Number of distinct present values of a column (stops counting past `cap`). */
export function distinctCount(col: Column, cap = Infinity): number {
  const seen = new Set<number>();
  const xs = col.type === 'numeric' ? col.values : col.codes;
  for (const v of xs) {
    if (Number.isNaN(v) || (col.type === 'text' && v === -1)) continue;
    seen.add(v);
    if (seen.size > cap) break;
  }
  return seen.size;
}
