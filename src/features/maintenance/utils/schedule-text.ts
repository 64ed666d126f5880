import type { EndSettings, MaintenanceWindow, NotifyEndState } from '../../../contract/maintenance';
import { describeRrule, expandRecurrence, parseDurationMs, type Occurrence, type Recurrence } from '../../../contract/recurrence';
import { formatDuration, plural } from '../../../lib/format-time';

/** Far enough ahead for five occurrences of a monthly rule on the 31st, or a yearly one. */
const LOOKAHEAD_MS = 800 * 86_400_000;

/** The next `count` occurrences from `from` (the one in progress first); [] for a rule that has run out or is invalid. */
export function nextOccurrences(rec: Recurrence, tz: string, from: number, count = 5): Occurrence[] {
  try {
    return expandRecurrence(rec, tz, from, from + LOOKAHEAD_MS, count);
  } catch {
    return [];
  }
}

/** "2h" -> "2h", "90m" -> "1h 30m": a Datadog duration as people read it. */
export function readableDuration(duration: string): string {
  const ms = parseDurationMs(duration);
  return ms === null ? duration : formatDuration(ms);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Every week on Saturday at 02:00 for 2h (Europe/Berlin)". */
export function describeRecurrence(rec: Recurrence, tz: string): string {
  const time = rec.start.slice(11, 16);
  return `${capitalise(describeRrule(rec.rrule))} at ${time} for ${readableDuration(rec.duration)} (${tz})`;
}

/** "every monitor", or "2 monitors and any monitor tagged team:payments". */
export function describeTargets(targets: MaintenanceWindow['targets']): string {
  const { monitorIds, monitorTags } = targets;
  if ((monitorIds.length === 0 && monitorTags.length === 0) || monitorTags.includes('*')) return 'every monitor';
  const parts: string[] = [];
  if (monitorIds.length > 0) {
    const names = monitorIds.map((id) => targets.monitorNames?.[String(id)]).filter((n): n is string => !!n);
    parts.push(monitorIds.length === 1 && names[0] ? names[0] : plural(monitorIds.length, 'monitor'));
  }
  if (monitorTags.length > 0) parts.push(`any monitor tagged ${monitorTags.join(' and ')}`);
  return parts.join(' and ');
}

const STATE_LABEL: Record<NotifyEndState, string> = { alert: 'Alert', warn: 'Warn', 'no data': 'No Data' };

/** "Groups in Alert or Warn notify when it expires or is ended early. The first recovery is muted." */
export function describeEndSettings(s: EndSettings): string {
  const states = s.notifyEndStates.map((st) => STATE_LABEL[st]);
  const when = [s.notifyEndTypes.includes('expired') ? 'expires' : null, s.notifyEndTypes.includes('canceled') ? 'is ended early' : null].filter(
    (x): x is string => x !== null,
  );
  const first =
    states.length === 0 || when.length === 0
      ? 'No group notifies when it ends.'
      : `Groups in ${states.join(' or ')} notify when it ${when.join(' or ')}.`;
  return s.muteFirstRecovery ? `${first} The first recovery is muted.` : first;
}
