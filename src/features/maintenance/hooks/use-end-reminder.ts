import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ENDING_SOON_MS } from '../../../contract/maintenance';
import { formatShortTime } from '../../../lib/format-time';
import { parseReminders, reminderStore } from '../utils/reminder-store';

export type ReminderPermission = NotificationPermission | 'unsupported';

/** setTimeout's longest delay (about 24.8 days); a longer one fires at once, so long waits go in steps. */
const MAX_TIMER_MS = 2_147_483_647;

function notificationApi(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

function currentPermission(): ReminderPermission {
  return notificationApi()?.permission ?? 'unsupported';
}

function useReminders() {
  const raw = useSyncExternalStore(reminderStore.subscribe, reminderStore.getSnapshot);
  return useMemo(() => parseReminders(raw), [raw]);
}

/**
 * The "Remind me 10 minutes before it ends" opt-in for one window: the browser's permission is
 * asked when the user opts in (never before), and a refusal is reported, not retried.
 */
export function useReminderOptIn(windowId: string) {
  const reminders = useReminders();
  const [permission, setPermission] = useState<ReminderPermission>(currentPermission);
  const [asking, setAsking] = useState(false);

  const enable = useCallback(async () => {
    const api = notificationApi();
    if (!api) {
      setPermission('unsupported');
      return;
    }
    setAsking(true);
    try {
      const answer = api.permission === 'granted' ? 'granted' : await api.requestPermission();
      setPermission(answer);
      if (answer === 'granted') reminderStore.optIn(windowId);
    } finally {
      setAsking(false);
    }
  }, [windowId]);

  const disable = useCallback(() => reminderStore.optOut(windowId), [windowId]);

  return { permission, optedIn: windowId in reminders, asking, enable, disable };
}

export interface ReminderTarget {
  windowId: string;
  /** The current end; null (indefinite) never reminds. */
  end: number | null;
  /** What the notification names ("DB failover"). */
  title: string;
}

function showReminder(target: ReminderTarget & { end: number }): void {
  const api = notificationApi();
  if (!api || api.permission !== 'granted') return;
  const notification = new api('Maintenance window ends in 10 minutes', {
    body: `${target.title} ends at ${formatShortTime(target.end)}. Extend it or let it end.`,
    // One notice per window: a second tab replaces it instead of stacking another.
    tag: `watchdeck-maintenance-${target.windowId}`,
  });
  notification.onclick = () => window.focus();
  reminderStore.markNotified(target.windowId, target.end);
}

/**
 * Shows the opted-in reminders ENDING_SOON_MS before each window's end, while watchdeck is open.
 * A window that is extended reminds again for its new end; one already ending soon when the user
 * opts in reminds at once; one that has ended does not.
 */
export function useEndReminders(targets: readonly ReminderTarget[]): void {
  const reminders = useReminders();
  const [wake, setWake] = useState(0);
  const targetsRef = useRef(targets);
  useEffect(() => {
    targetsRef.current = targets;
  });
  // Re-plan only when an id or an end changes, not on every render.
  const signature = targets.map((t) => `${t.windowId}@${t.end ?? '-'}`).join(',');

  useEffect(() => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    const now = Date.now();
    for (const target of targetsRef.current) {
      const entry = reminders[target.windowId];
      const { end } = target;
      if (!entry || end === null || end <= now || entry.notifiedEnd === end) continue;
      const delay = end - ENDING_SOON_MS - now;
      if (delay <= 0) {
        showReminder({ ...target, end });
        continue;
      }
      // A wait beyond the timer's range wakes the hook to plan again, rather than firing early.
      timers.push(setTimeout(() => (delay > MAX_TIMER_MS ? setWake((n) => n + 1) : showReminder({ ...target, end })), Math.min(delay, MAX_TIMER_MS)));
    }
    return () => timers.forEach(clearTimeout);
  }, [signature, reminders, wake]);
}
