// Reads the bundled numeric CSVs in data/ (header row, target last) for tests.
import { readFileSync } from 'node:fs';

export function readDataset(name: string): { features: string[]; X: number[][]; target: string[] } {
  const text = readFileSync(new URL(`../../data/${name}.csv`, import.meta.url), 'utf8').trim();
  const [head, ...lines] = text.split(/\r?\n/);
  const cols = head.split(',');
  const rows = lines.map((l) => l.split(','));
  return {
    features: cols.slice(0, -1),
    X: rows.map((r) => r.slice(0, -1).map(Number)),
    target: rows.map((r) => r[r.length - 1]),
  };
}
