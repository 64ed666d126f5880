/** Monitor types the real API accepts (DIFFERENCES.md section 1). */
export const MONITOR_TYPES = [
  'composite',
  'event alert',
  'log alert',
  'metric alert',
  'process alert',
  'query alert',
  'rum alert',
  'service check',
  'synthetics alert',
  'trace-analytics alert',
  'slo alert',
  'event-v2 alert',
  'audit alert',
  'ci-pipelines alert',
  'ci-tests alert',
  'error-tracking alert',
  'database-monitoring alert',
  'network-performance alert',
  'cost alert',
  'data-quality alert',
  'network-path alert',
  'data-jobs alert',
  'llm-observability alert',
] as const;

/** Types whose query ends with a comparison against a threshold, e.g. `... > 2`. */
export const THRESHOLD_TYPES = new Set<string>([
  'event alert',
  'log alert',
  'metric alert',
  'process alert',
  'query alert',
  'rum alert',
  'trace-analytics alert',
  'slo alert',
  'event-v2 alert',
  'audit alert',
  'ci-pipelines alert',
  'ci-tests alert',
  'error-tracking alert',
  'database-monitoring alert',
  'cost alert',
  'llm-observability alert',
]);

/** A `metric alert` is stored and returned as a `query alert`, like the real API (REC). */
export function storedType(type: string): string {
  return type === 'metric alert' ? 'query alert' : type;
}

/**
 * The facet name group search reports for a type ("metric", "log", "synthetics", ...).
 * The recordings show synthetics, custom (service checks), metric and log.
 */
export function typeFacet(type: string): string {
  switch (type) {
    case 'query alert':
    case 'metric alert':
      return 'metric';
    case 'service check':
      return 'custom';
    case 'trace-analytics alert':
      return 'apm';
    case 'event alert':
    case 'event-v2 alert':
      return 'event';
    default:
      return type.replace(/ alert$/, '');
  }
}
