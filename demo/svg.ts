// Small helpers shared by the two charts: escaping, units, number formats, ticks.

/** Escapes text for SVG/HTML markup; column names come from the user's file. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A display unit: values in nats are divided by ln(base). */
export interface Unit {
  name: 'bits' | 'nats';
  div: number;
}

export const UNITS: Record<Unit['name'], Unit> = {
  bits: { name: 'bits', div: Math.LN2 },
  nats: { name: 'nats', div: 1 },
};

export function fmt(v: number): string {
  return v.toFixed(3);
}

/** Width in px of text at a font size, bold or not; the page measures with a canvas, tests estimate. */
export type Measure = (text: string, px: number, bold?: boolean) => number;

/** A generous estimate for when no canvas is at hand. */
export const estimate: Measure = (text, px, bold) => text.length * px * (bold ? 0.7 : 0.62);

/** Cuts a long label so the chart keeps its shape; the full name goes in a <title>. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Round tick values from 0 to at least max: steps of 1, 2 or 5 times a power of ten. */
export function ticks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out = [0];
  while (out[out.length - 1] < max * (1 - 1e-12)) out.push(Number((out.length * step).toPrecision(12)));
  return out;
}
