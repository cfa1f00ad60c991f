// Small helpers for bench scenarios: repeated timing, percentiles, the section shape index.ts prints.
export interface BenchTarget {
  name: string;
  actual: string;
  target: string;
  pass: boolean;
}
export interface BenchSection {
  title: string;
  note?: string;
  rows: Record<string, string | number>[];
  targets?: BenchTarget[];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}
export const median = (v: number[]) => percentile(v, 50);

/** Run fn until both `minRuns` runs and `minMs` have passed (after `warmup` runs); return each run's ms. */
export function timeRuns(fn: () => unknown, opts: { warmup?: number; minRuns?: number; minMs?: number; maxRuns?: number } = {}): number[] {
  const { warmup = 3, minRuns = 10, minMs = 300, maxRuns = 10_000 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

export async function timeRunsAsync(fn: () => Promise<unknown>, opts: { warmup?: number; runs?: number } = {}): Promise<number[]> {
  const { warmup = 2, runs = 20 } = opts;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

export function target(name: string, actual: number, limit: number, unit = 'ms', cmp: '<=' | '>=' = '<='): BenchTarget {
  const pass = cmp === '<=' ? actual <= limit : actual >= limit;
  const f = (n: number) => (Math.abs(n) < 10 ? n.toFixed(3) : n.toFixed(1));
  return { name, actual: `${f(actual)} ${unit}`, target: `${cmp} ${limit} ${unit}`, pass };
}
