/**
 * Small, exact statistics over raw samples (the bench keeps every sample, so
 * percentiles are computed from the data, not from a bucketed histogram).
 */

/** The p-th percentile (0–100) by the nearest-rank method; null for no samples. */
export function percentile(samples, p) {
  if (!Array.isArray(samples) || samples.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(samples) {
  return percentile(samples, 50);
}

export function mean(samples) {
  if (samples.length === 0) return null;
  return samples.reduce((s, v) => s + v, 0) / samples.length;
}

/** p50, p95, p99, min, max and count in one object (nulls when empty). */
export function summarize(samples) {
  return {
    count: samples.length,
    min: samples.length ? Math.min(...samples) : null,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : null,
  };
}

export const KB = 1024;
export const MB = 1024 * 1024;

/** "12.3" style fixed numbers, or "n/a" for null/undefined/NaN. */
export function fixed(value, digits = 1) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}
