import { act, renderHook } from '@testing-library/react';
import { reminderStore } from '../utils/reminder-store';
import { MINUTE, NOW } from '../testing/window-fixtures';
import { useEndReminders, useReminderOptIn, type ReminderTarget } from './use-end-reminder';

interface Shown {
  title: string;
  options: NotificationOptions;
}

/** A stand-in for the browser's Notification: records what was shown. */
function stubNotification(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: Shown[] = [];
  const requestPermission = vi.fn(async () => answer);
  class FakeNotification {
    static permission = permission;
    static requestPermission = requestPermission;
    onclick: (() => void) | null = null;
    constructor(title: string, options: NotificationOptions) {
      shown.push({ title, options });
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, requestPermission };
}

const target = (end: number | null, windowId = 'mw-1'): ReminderTarget => ({ windowId, end, title: 'Database failover' });

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  vi.useFakeTimers({ now: NOW });
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('useEndReminders', () => {
  it('shows one notification 10 minutes before an opted-in window ends, and only once', () => {
    const { shown } = stubNotification('granted');
    reminderStore.optIn('mw-1');
    const { rerender } = renderHook(({ targets }) => useEndReminders(targets), { initialProps: { targets: [target(NOW + 30 * MINUTE)] } });
    act(() => vi.advanceTimersByTime(19 * MINUTE));
    expect(shown).toHaveLength(0);
    act(() => vi.advanceTimersByTime(MINUTE));
    expect(shown).toEqual([
      {
        title: 'Maintenance window ends in 10 minutes',
        options: { body: 'Database failover ends at 12:30. Extend it or let it end.', tag: 'watchdeck-maintenance-mw-1' },
      },
    ]);
    rerender({ targets: [target(NOW + 30 * MINUTE)] });
    act(() => vi.advanceTimersByTime(30 * MINUTE));
    expect(shown).toHaveLength(1);
  });

  it('reminds again for a new end after an extension', () => {
    const { shown } = stubNotification('granted');
    reminderStore.optIn('mw-1');
    const { rerender } = renderHook(({ targets }) => useEndReminders(targets), { initialProps: { targets: [target(NOW + 12 * MINUTE)] } });
    act(() => vi.advanceTimersByTime(2 * MINUTE));
    expect(shown).toHaveLength(1);
    rerender({ targets: [target(NOW + 42 * MINUTE)] });
    act(() => vi.advanceTimersByTime(29 * MINUTE));
    expect(shown).toHaveLength(1);
    act(() => vi.advanceTimersByTime(MINUTE));
    expect(shown).toHaveLength(2);
    expect(shown[1]!.options.body).toBe('Database failover ends at 12:42. Extend it or let it end.');
  });

  it('reminds at once when the window is already ending soon, never for one that ended or has no end', () => {
    const { shown } = stubNotification('granted');
    for (const id of ['soon', 'over', 'forever']) reminderStore.optIn(id);
    renderHook(() => useEndReminders([target(NOW + 5 * MINUTE, 'soon'), target(NOW - MINUTE, 'over'), target(null, 'forever')]));
    expect(shown.map((s) => s.options.tag)).toEqual(['watchdeck-maintenance-soon']);
    act(() => vi.advanceTimersByTime(60 * MINUTE));
    expect(shown).toHaveLength(1);
  });

  it('reminds nobody who did not opt in, and nothing when notifications are not allowed', () => {
    const granted = stubNotification('granted');
    renderHook(() => useEndReminders([target(NOW + 5 * MINUTE)]));
    expect(granted.shown).toHaveLength(0);

    const denied = stubNotification('denied');
    reminderStore.optIn('mw-1');
    renderHook(() => useEndReminders([target(NOW + 5 * MINUTE)]));
    act(() => vi.advanceTimersByTime(10 * MINUTE));
    expect(denied.shown).toHaveLength(0);
  });

  it('waits in steps beyond the timer’s range instead of firing early', () => {
    const { shown } = stubNotification('granted');
    reminderStore.optIn('mw-1');
    const end = NOW + 30 * 24 * 60 * MINUTE;
    renderHook(() => useEndReminders([target(end)]));
    act(() => vi.advanceTimersByTime(25 * 24 * 60 * MINUTE));
    expect(shown).toHaveLength(0);
    act(() => vi.advanceTimersByTime(5 * 24 * 60 * MINUTE - 10 * MINUTE));
    expect(shown).toHaveLength(1);
  });
});

describe('useReminderOptIn', () => {
  it('asks for permission on opt-in and remembers the choice', async () => {
    const { requestPermission } = stubNotification('default', 'granted');
    const { result } = renderHook(() => useReminderOptIn('mw-1'));
    expect(result.current).toMatchObject({ permission: 'default', optedIn: false });
    await act(() => result.current.enable());
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(result.current).toMatchObject({ permission: 'granted', optedIn: true });
    act(() => result.current.disable());
    expect(result.current.optedIn).toBe(false);
  });

  it('reports a refusal and an unsupported browser, and stores nothing', async () => {
    stubNotification('default', 'denied');
    const { result } = renderHook(() => useReminderOptIn('mw-1'));
    await act(() => result.current.enable());
    expect(result.current).toMatchObject({ permission: 'denied', optedIn: false });

    vi.unstubAllGlobals();
    const unsupported = renderHook(() => useReminderOptIn('mw-1'));
    expect(unsupported.result.current.permission).toBe('unsupported');
    expect(localStorage.getItem('watchdeck.maintenance.reminders')).toBeNull();
  });

  it('ignores a corrupted store rather than failing', () => {
    stubNotification('granted');
    localStorage.setItem('watchdeck.maintenance.reminders', '{not json');
    const { result } = renderHook(() => useReminderOptIn('mw-1'));
    expect(result.current.optedIn).toBe(false);
  });
});
