import type { IncidentSummary } from '../../../contract/incidents';

export interface DurationValue {
  /** Seconds, or null when it cannot be known yet. */
  seconds: number | null;
  /** Still running: measured up to now. */
  ongoing: boolean;
}

export interface IncidentDurations {
  detect: DurationValue;
  repair: DurationValue;
  impact: DurationValue;
}

const seconds = (fromMs: number, toMs: number) => Math.max(0, Math.round((toMs - fromMs) / 1000));

/** Datadog answers 0 for a duration it has not worked out yet (an open incident): only a positive number counts. */
function given(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/**
 * Time to detect, to repair, and of customer impact, in seconds. Datadog's own
 * numbers win; without them, they are worked out from the timestamps (detect:
 * impact start to detected; repair: detected to impact end or resolution; impact:
 * start to end), and what is still running is measured up to `now`.
 */
export function incidentDurations(i: IncidentSummary, now: number): IncidentDurations {
  const impactStart = i.customerImpacted ? i.customerImpactStart : null;
  const repairEnd = i.customerImpactEnd ?? i.resolvedAt;
  const known = (s: number | null): DurationValue => ({ seconds: s, ongoing: false });

  const detectGiven = given(i.timeToDetect);
  const detect =
    detectGiven !== null
      ? known(detectGiven)
      : impactStart !== null && i.detectedAt !== null
        ? known(seconds(impactStart, i.detectedAt))
        : known(null);

  const repairGiven = given(i.timeToRepair);
  const repair =
    repairGiven !== null
      ? known(repairGiven)
      : i.detectedAt === null
        ? known(null)
        : repairEnd !== null
          ? known(seconds(i.detectedAt, repairEnd))
          : { seconds: seconds(i.detectedAt, now), ongoing: true };

  const impactGiven = i.customerImpacted ? given(i.customerImpactDuration) : null;
  const impact =
    impactGiven !== null
      ? known(impactGiven)
      : impactStart === null
        ? known(null)
        : i.customerImpactEnd !== null
          ? known(seconds(impactStart, i.customerImpactEnd))
          : { seconds: seconds(impactStart, now), ongoing: true };

  return { detect, repair, impact };
}

/** "45s", "12m", "2h 5m", "3d 4h"; "—" when unknown. */
export function formatSeconds(value: number | null): string {
  if (value === null) return '—';
  const s = Math.max(0, Math.floor(value));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}

/** Widths (percent of the longest span) for the bar: detect and repair run one after the other, impact beside them. */
export function durationBarWidths(d: IncidentDurations): { detect: number; repair: number; impact: number } {
  const det = d.detect.seconds ?? 0;
  const rep = d.repair.seconds ?? 0;
  const imp = d.impact.seconds ?? 0;
  const total = Math.max(det + rep, imp);
  if (total <= 0) return { detect: 0, repair: 0, impact: 0 };
  const pct = (v: number) => Math.round((v / total) * 1000) / 10;
  return { detect: pct(det), repair: pct(rep), impact: pct(imp) };
}
