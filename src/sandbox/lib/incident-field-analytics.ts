import type { TransitionRow } from '../store/incident-rows';
import { usToS } from './time';

interface Span {
  start: number;
  end: number | null;
}

/**
 * `field_analytics` as search answers carry it (REC): for each state the
 * incident has been in, the spans (epoch seconds; the current one open) and
 * the total seconds of the closed ones.
 */
export function fieldAnalytics(transitions: readonly TransitionRow[]): Record<string, unknown> | null {
  const states = transitions.filter((t) => t.field === 'state');
  if (states.length === 0) return null;
  const byState: Record<string, { duration: number; spans: Span[] }> = {};
  states.forEach((t, n) => {
    const next = states[n + 1];
    const span: Span = { start: usToS(t.at_us), end: next ? usToS(next.at_us) : null };
    const entry = (byState[t.to_value] ??= { duration: 0, spans: [] });
    entry.spans.push(span);
    if (span.end !== null) entry.duration += span.end - span.start;
  });
  return { state: byState };
}
