/**
 * Monitor and group statuses, as Datadog names them. The wire keeps any other
 * string as data; these helpers rank unknown values last instead of failing.
 */
export const KNOWN_STATUSES = ['Alert', 'Warn', 'No Data', 'Unknown', 'OK', 'Ignored', 'Skipped'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** Lower is more severe: Alert first, then Warn, No Data, Unknown, OK, Ignored, Skipped, anything else. */
export function statusSeverity(status: string): number {
  const i = (KNOWN_STATUSES as readonly string[]).indexOf(status);
  return i === -1 ? KNOWN_STATUSES.length : i;
}

/** True for the statuses that would notify if unmuted: Alert, Warn and No Data. */
export function isTriggered(status: string): boolean {
  return status === 'Alert' || status === 'Warn' || status === 'No Data';
}

export function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}
