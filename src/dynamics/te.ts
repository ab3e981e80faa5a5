// The embedding specs of transfer entropy, conditional TE and active information storage.
import { lagsOf, type Part } from './embed.js';
import { prepareMeasure, type Prepared, type Spec, type Variable } from './measure.js';
import { delayOf, settings, size, type Settings } from './options.js';
import { isTrials, trialsOf } from './series.js';

export const TE_KEYS = ['history', 'historyTau', 'sourceHistory', 'sourceTau', 'delay'];
export const CTE_KEYS = [...TE_KEYS, 'conditionHistory', 'conditionTau', 'conditionDelay'];
export const AIS_KEYS = ['history', 'historyTau'];

/** Target next value (lag 0) and its history: k values spaced tau, the latest at t − 1. */
function targetParts(fn: string, o: Record<string, unknown>): { next: Part; past: Part } {
  const k = size(fn, 'history', o.history, 1);
  const tau = size(fn, 'historyTau', o.historyTau, 1);
  return { next: { v: 0, lags: [0] }, past: { v: 0, lags: lagsOf(k, tau, 1) } };
}

function perCondition(fn: string, name: string, v: unknown, m: number, read: (fn: string, name: string, v: unknown, d: number) => number, dflt: number): number[] {
  if (Array.isArray(v)) {
    if (v.length !== m) throw new RangeError(`${fn}: ${name} must be a number or one number per condition (${m}), got an array of length ${v.length}`);
    return v.map((x, i) => read(fn, `${name}[${i}]`, x, dflt));
  }
  const one = read(fn, name, v, dflt);
  return Array.from({ length: m }, () => one);
}

/** Validated settings and prepared data of TE (conditions = null), conditional TE, or AIS (source = null). */
export function prepareTE(
  fn: string,
  source: unknown | null,
  target: unknown,
  conditions: unknown | null,
  options: unknown,
  extra: readonly string[] = [],
): { s: Settings; pr: Prepared; trials: boolean; o: Record<string, unknown> } {
  const keys = source === null ? AIS_KEYS : conditions === null ? TE_KEYS : CTE_KEYS;
  const { s, o } = settings(fn, options, keys, extra);
  const { next, past } = targetParts(fn, o);
  const asTrials = isTrials(target) || (source !== null && isTrials(source));
  const targetName = source === null ? 'series' : 'target';
  const vars: Variable[] = [{ name: targetName, trials: trialsOf(fn, targetName, target, asTrials) }];
  let spec: Spec;
  if (source === null) spec = { A: [next], B: [past], C: [] };
  else {
    vars.push({ name: 'source', trials: trialsOf(fn, 'source', source, asTrials) });
    const l = size(fn, 'sourceHistory', o.sourceHistory, 1);
    const lt = size(fn, 'sourceTau', o.sourceTau, 1);
    const delay = delayOf(fn, 'delay', o.delay, 1);
    spec = { A: [next], B: [{ v: 1, lags: lagsOf(l, lt, delay) }], C: [past] };
    if (conditions !== null) {
      // One condition series (or trials of it) or an array of them; with trials, each trial holds its conditions.
      const list = conditionList(fn, conditions, asTrials, vars[0].trials.length);
      const m = list.length;
      const ch = perCondition(fn, 'conditionHistory', o.conditionHistory, m, size, 1);
      const ct = perCondition(fn, 'conditionTau', o.conditionTau, m, size, 1);
      const cd = perCondition(fn, 'conditionDelay', o.conditionDelay, m, delayOf, 1);
      list.forEach((trials, j) => {
        vars.push({ name: m > 1 ? `condition ${j}` : 'condition', trials });
        spec.C.push({ v: 2 + j, lags: lagsOf(ch[j], ct[j], cd[j]) });
      });
    }
  }
  return { s, pr: prepareMeasure(s, vars, spec), trials: asTrials, o };
}

function isSeq(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** The condition variables, each as its list of trials. */
function conditionList(fn: string, c: unknown, asTrials: boolean, nTrials: number): ArrayLike<unknown>[][] {
  if (!isSeq(c)) throw new TypeError(`${fn}: condition must be a series or an array of series, got ${typeof c}`);
  if (!asTrials) {
    const many = isTrials(c);
    const list = many ? Array.from(c as ArrayLike<unknown>) : [c];
    if (list.length === 0) throw new RangeError(`${fn}: condition must hold at least one series`);
    return list.map((s, j) => trialsOf(fn, many ? `condition[${j}]` : 'condition', s, false));
  }
  if (c.length !== nTrials) throw new RangeError(`${fn}: target and condition must have the same number of trials, got ${nTrials} and ${c.length}`);
  const perTrial = Array.from(c as ArrayLike<unknown>).map((t, i) => {
    if (!isSeq(t)) throw new TypeError(`${fn}: condition[${i}] must be a series or an array of series`);
    return isTrials(t) ? Array.from(t as ArrayLike<unknown>) : [t];
  });
  const m = perTrial[0].length;
  perTrial.forEach((p, i) => {
    if (p.length !== m) throw new RangeError(`${fn}: every trial must hold the same number of conditions, got ${m} in trial 0 and ${p.length} in trial ${i}`);
  });
  return Array.from({ length: m }, (_, j) => perTrial.map((p, i) => trialsOf(fn, `condition[${i}][${j}]`, p[j], false)[0]));
}
