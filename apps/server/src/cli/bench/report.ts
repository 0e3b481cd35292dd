/** The one JSON line every benchmark ends with (see docs/PERFORMANCE.md for the keys). */
export type TBenchReport = {
  bench: string;
  ok: boolean;
  n: number;
  duration_s: number;
  throughput: number;
  p50_ms?: number;
  p99_ms?: number;
  rss_mb?: number;
  lost?: number;
  duplicated?: number;
  reference?: number;
  ratio?: number;
  [extra: string]: unknown;
};

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Math.round((sortedMs[Math.max(0, index)] ?? 0) * 100) / 100;
}

export function printReport(report: TBenchReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
