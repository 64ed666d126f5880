import type { IncidentRow } from '../store/incident-rows';
import { US_PER_S } from './time';

export interface IncidentDurations {
  customer_impact_duration: number;
  time_to_detect: number;
  time_to_repair: number;
  time_to_internal_response: number;
  time_to_resolve: number;
}

function seconds(fromUs: number, toUs: number): number {
  return Math.max(0, Math.floor((toUs - fromUs) / US_PER_S));
}

/**
 * Durations in whole seconds, as Datadog names them:
 * - time_to_detect: detected - customer impact start (or created when there is none);
 * - time_to_repair: resolved - detected (0 while open);
 * - time_to_resolve: resolved - declared (0 while open);
 * - customer_impact_duration: impact end - impact start (0 until both are set);
 * - time_to_internal_response: not modelled, always 0.
 */
export function incidentDurations(i: IncidentRow): IncidentDurations {
  const impactStart = i.customer_impacted ? i.customer_impact_start_us : null;
  const impactEnd = i.customer_impacted ? i.customer_impact_end_us : null;
  return {
    customer_impact_duration: impactStart !== null && impactEnd !== null ? seconds(impactStart, impactEnd) : 0,
    time_to_detect: seconds(impactStart ?? i.created_us, i.detected_us),
    time_to_repair: i.resolved_us !== null ? seconds(i.detected_us, i.resolved_us) : 0,
    time_to_internal_response: 0,
    time_to_resolve: i.resolved_us !== null ? seconds(i.declared_us, i.resolved_us) : 0,
  };
}
