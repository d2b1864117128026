// Median and 95th percentile (nearest rank) of a list of timings.

export interface Stats {
  median: number;
  p95: number;
  samples: number;
}

export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) return { median: Number.NaN, p95: Number.NaN, samples: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
  return { median, p95, samples: sorted.length };
}
