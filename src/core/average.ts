import { oneOf } from './validate.js';

/** How NMI and AMI average the two entropies (sklearn's average_method). */
export type AverageMethod = 'arithmetic' | 'geometric' | 'min' | 'max';

const METHODS: readonly AverageMethod[] = ['arithmetic', 'geometric', 'min', 'max'];

/** Validates averageMethod (default 'arithmetic', as sklearn since 0.22). */
export function averageMethodOption(fn: string, v: unknown): AverageMethod {
  return oneOf(fn, 'averageMethod', v, METHODS, 'arithmetic');
}

/** sklearn's _generalized_average. */
export function generalizedAverage(u: number, v: number, method: AverageMethod): number {
  switch (method) {
    case 'arithmetic':
      return (u + v) / 2;
    case 'geometric':
      return Math.sqrt(u * v);
    case 'min':
      return Math.min(u, v);
    case 'max':
      return Math.max(u, v);
  }
}
