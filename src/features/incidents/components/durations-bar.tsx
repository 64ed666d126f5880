import { useId } from 'react';
import type { IncidentSummary } from '../../../contract/incidents';
import { useNow } from '../../../lib/use-now';
import { durationBarWidths, formatSeconds, incidentDurations, type DurationValue } from '../utils/durations';

function text(d: DurationValue): string {
  if (d.seconds === null) return 'not known yet';
  return d.ongoing ? `${formatSeconds(d.seconds)} so far` : formatSeconds(d.seconds);
}

/**
 * Time to detect, time to repair and customer impact, as a small bar drawn to
 * one scale (detect then repair on one line, impact below), with the same
 * numbers as text, so the bar is never the only way to read them.
 */
export function DurationsBar({ incident }: { incident: IncidentSummary }) {
  const now = useNow(30_000);
  const titleId = useId();
  const d = incidentDurations(incident, now);
  const w = durationBarWidths(d);
  const rows = [
    { key: 'detect', label: 'Time to detect', value: d.detect },
    { key: 'repair', label: 'Time to repair', value: d.repair },
    { key: 'impact', label: 'Customer impact', value: d.impact },
  ] as const;
  const summary = rows.map((r) => `${r.label}: ${text(r.value)}`).join('; ');
  const nothing = rows.every((r) => r.value.seconds === null);

  return (
    <section className="card card--padded durations" aria-labelledby={titleId}>
      <h2 id={titleId}>Durations</h2>
      {nothing ? (
        <p className="muted-text">No times to show yet: Datadog has no detection or impact times for this incident.</p>
      ) : (
        <div className="durations__bar" role="img" aria-label={summary} title={summary}>
          <div className="durations__track">
            {w.detect > 0 && <span className="durations__seg durations__seg--detect" style={{ width: `${w.detect}%` }} />}
            {w.repair > 0 && (
              <span className={`durations__seg durations__seg--repair${d.repair.ongoing ? ' is-ongoing' : ''}`} style={{ width: `${w.repair}%` }} />
            )}
          </div>
          <div className="durations__track">
            {w.impact > 0 && (
              <span className={`durations__seg durations__seg--impact${d.impact.ongoing ? ' is-ongoing' : ''}`} style={{ width: `${w.impact}%` }} />
            )}
          </div>
        </div>
      )}
      <dl className="durations__legend">
        {rows.map((r) => (
          <div key={r.key}>
            <dt>
              <span className={`durations__swatch durations__seg--${r.key}`} aria-hidden="true" />
              {r.label}
            </dt>
            <dd>{text(r.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
