// Distributions of incident durations: median, 90th percentile and range (a mean of durations
// misleads: one long outage drags it far from the typical incident).

export interface Distribution {
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/**
 * The median (the middle value; for an even count the mean of the two middle values), the 90th
 * percentile by nearest rank (the value at rank ceil(0.9 * n) of the sorted values: at least 90% of
 * the values are at or below it), min and max. Nulls (metrics a timeline does not give) are left out;
 * with no value at all every figure is null.
 */
export function distribution(values: readonly (number | null)[]): Distribution {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: null, p90: null, min: null, max: null };
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, p90: nearestRank(sorted, 90), min: sorted[0] as number, max: sorted[n - 1] as number };
}

/** The p-th percentile of ascending values by nearest rank (1 <= p <= 100). */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
