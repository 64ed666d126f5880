import { ENDING_SOON_MS, type MaintenanceWindow } from '../../../contract/maintenance';

/** When the window (or its occurrence in progress, else its next one) ends; null = indefinitely or unknown. */
export function currentEnd(w: MaintenanceWindow): number | null {
  return w.schedule.kind === 'once' ? w.schedule.end : (w.schedule.current?.end ?? null);
}

/** When the window (or its occurrence in progress, else its next one) starts; null once a rule has run out. */
export function currentStart(w: MaintenanceWindow): number | null {
  return w.schedule.kind === 'once' ? w.schedule.start : (w.schedule.current?.start ?? null);
}

/** Active and ending within ENDING_SOON_MS: highlighted, and its creator may be reminded. */
export function isEndingSoon(w: MaintenanceWindow, now: number): boolean {
  const end = currentEnd(w);
  return w.status === 'active' && end !== null && end - now <= ENDING_SOON_MS;
}

/** When an ended or canceled window stopped muting (for "Recently ended"). */
export function endedAt(w: MaintenanceWindow): number | null {
  if (w.status === 'canceled') return w.modifiedAt ?? currentEnd(w);
  return currentEnd(w) ?? w.modifiedAt;
}

export interface WindowSections {
  /** Soonest end first; indefinite ones last. */
  active: MaintenanceWindow[];
  /** Soonest start first. */
  upcoming: MaintenanceWindow[];
  /** Ended, canceled, or a status this page does not know; latest first. */
  ended: MaintenanceWindow[];
}

const byNumber = (get: (w: MaintenanceWindow) => number | null, missing: number, dir: 1 | -1) => (a: MaintenanceWindow, b: MaintenanceWindow) =>
  dir * ((get(a) ?? missing) - (get(b) ?? missing));

/** The windows page's three sections, each in the order a responder reads it. */
export function splitWindows(windows: readonly MaintenanceWindow[]): WindowSections {
  const active = windows.filter((w) => w.status === 'active').sort(byNumber(currentEnd, Number.MAX_SAFE_INTEGER, 1));
  const upcoming = windows.filter((w) => w.status === 'scheduled').sort(byNumber(currentStart, Number.MAX_SAFE_INTEGER, 1));
  const ended = windows.filter((w) => w.status !== 'active' && w.status !== 'scheduled').sort(byNumber(endedAt, 0, -1));
  return { active, upcoming, ended };
}
