import { MaintenanceWindowSchema } from '../../contract/maintenance';
import { iso, NOW, rawDowntime } from '../testing/fixtures';
import { RawDowntimeSchema } from '../upstreams/datadog/schemas';
import { formatWindowMessage } from './maintenance-message';
import { compareWindows, groupWindows, isListed, windowStatus, type WindowContext } from './maintenance-windows';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const W = '3f1c2b9e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';
const marker = (reason: string, id = W, extra: { ticket?: string } = {}) =>
  formatWindowMessage({ reason, ticket: extra.ticket ?? null, overrideReason: null, username: 'ana', windowId: id });

const raw = (id: string, attributes: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  RawDowntimeSchema.parse(rawDowntime(id, attributes, extra));

function ctx(extra: Partial<WindowContext> = {}): WindowContext {
  return {
    now: NOW,
    users: new Map([['user-1', { name: 'Grace', handle: 'grace@example.com', email: 'grace@example.com' }]]),
    disabledUserIds: new Set(),
    watchdeckUserDisabled: (u) => (u === 'ana' ? false : undefined),
    watched: new Set(),
    monitorName: (id) =>
      new Map([
        [1, 'Checkout latency'],
        [2, 'Payments DB'],
      ]).get(id),
    ...extra,
  };
}

describe('grouping downtimes into windows', () => {
  it('ties the downtimes that share a marker into one planned window', () => {
    const downtimes = [
      raw('d-tags', { monitor_identifier: { monitor_tags: ['team:payments'] }, scope: 'env:prod', message: marker('Upgrade') }),
      raw('d-2', { monitor_identifier: { monitor_id: 2 }, scope: 'env:prod', message: marker('Upgrade') }),
      raw('d-1', { monitor_identifier: { monitor_id: 1 }, scope: 'env:prod', message: marker('Upgrade') }),
      raw('d-other', { monitor_identifier: { monitor_id: 3 }, message: 'Made in the Datadog UI' }),
    ];
    const windows = groupWindows(downtimes, ctx());
    expect(windows).toHaveLength(2);
    const planned = windows.find((w) => w.window.id === W)!.window;
    expect(MaintenanceWindowSchema.parse(planned)).toEqual({
      id: W,
      downtimeIds: ['d-1', 'd-2', 'd-tags'],
      planned: true,
      reason: 'Upgrade',
      ticket: null,
      targets: { monitorIds: [1, 2], monitorTags: ['team:payments'], monitorNames: { 1: 'Checkout latency', 2: 'Payments DB' } },
      scope: 'env:prod',
      schedule: { kind: 'once', start: NOW - 60_000, end: NOW + HOUR },
      status: 'active',
      endSettings: { notifyEndStates: ['alert', 'warn', 'no data'], notifyEndTypes: ['expired'], muteFirstRecovery: false },
      displayTimezone: 'UTC',
      creator: { name: 'ana', handle: 'ana', email: null, disabled: false },
      createdAt: NOW - 60_000,
      modifiedAt: NOW - 60_000,
      untilRecovered: false,
    });
  });

  it('shows a downtime made elsewhere as its own window, with Datadog’s creator and its message as the reason', () => {
    const [w] = groupWindows([raw('d-x', { message: 'Made in the Datadog UI', monitor_identifier: { monitor_tags: ['*'] } })], ctx({ disabledUserIds: new Set(['user-1']) }));
    expect(w!.window).toMatchObject({
      id: 'd-x',
      planned: false,
      reason: 'Made in the Datadog UI',
      targets: { monitorIds: [], monitorTags: ['*'] },
      creator: { name: 'Grace', disabled: true },
    });
  });

  it("names the watchdeck user of a mute-route downtime as its creator", () => {
    const [w] = groupWindows([raw('d-m', { message: 'by bob via watchdeck: kernel patch' })], ctx());
    expect(w!.window).toMatchObject({ id: 'd-m', planned: false, reason: 'kernel patch', creator: { name: 'bob', handle: 'bob' } });
    expect(w!.window.creator).not.toHaveProperty('disabled');
  });

  it('maps a recurring schedule with its timezone and current occurrence', () => {
    const [w] = groupWindows(
      [
        raw('d-r', {
          schedule: {
            recurrences: [{ rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-08-01T02:00:00' }],
            timezone: 'Europe/Berlin',
            current_downtime: { start: '2026-09-05T00:00:00+00:00', end: '2026-09-05T02:00:00+00:00' },
          },
          status: 'scheduled',
          message: marker('Weekly patching'),
        }),
      ],
      ctx(),
    );
    expect(w!.window.schedule).toEqual({
      kind: 'recurring',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      duration: '2h',
      start: '2026-08-01T02:00',
      timezone: 'Europe/Berlin',
      current: { start: Date.parse('2026-09-05T00:00:00Z'), end: Date.parse('2026-09-05T02:00:00Z') },
    });
  });

  it('computes the next occurrence by the rule when Datadog gives none', () => {
    const [w] = groupWindows(
      [raw('d-r', { schedule: { recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start: '2026-08-01T03:00' }], timezone: 'UTC' } })],
      ctx(),
    );
    // NOW is 2026-09-01 12:00 UTC: the next one is 2026-09-02 03:00 UTC.
    expect(w!.window.schedule).toMatchObject({ current: { start: Date.parse('2026-09-02T03:00:00Z'), end: Date.parse('2026-09-02T04:00:00Z') } });
  });

  it('reads the end settings, dropping values it does not know', () => {
    const [w] = groupWindows(
      [raw('d-e', { notify_end_states: ['warn', 'bogus'], notify_end_types: ['canceled'], mute_first_recovery_notification: true })],
      ctx(),
    );
    expect(w!.window.endSettings).toEqual({ notifyEndStates: ['warn'], notifyEndTypes: ['canceled'], muteFirstRecovery: true });
  });

  it('marks watched windows untilRecovered', () => {
    const [w] = groupWindows([raw('d-1', { message: marker('x') })], ctx({ watched: new Set([W]) }));
    expect(w!.window.untilRecovered).toBe(true);
  });
});

describe('window status and listing', () => {
  const part = (status: string) => ({ status }) as never;

  it('is active if any downtime is, then scheduled, canceled only when all are, else ended', () => {
    expect(windowStatus([part('canceled'), part('active')])).toBe('active');
    expect(windowStatus([part('ended'), part('scheduled')])).toBe('scheduled');
    expect(windowStatus([part('canceled'), part('canceled')])).toBe('canceled');
    expect(windowStatus([part('canceled'), part('ended')])).toBe('ended');
    expect(windowStatus([part('paused')])).toBe('paused');
  });

  it('keeps live windows and those finished in the last 31 days, newest relevant first', () => {
    const records = groupWindows(
      [
        raw('old-end', { status: 'ended', schedule: { start: iso(NOW - 40 * DAY), end: iso(NOW - 32 * DAY) } }),
        raw('recent-end', { status: 'ended', schedule: { start: iso(NOW - 3 * DAY), end: iso(NOW - 2 * DAY) } }),
        raw('canceled', { status: 'canceled', canceled: iso(NOW - DAY), schedule: { start: iso(NOW - 3 * DAY), end: iso(NOW + DAY) } }),
        raw('later', { status: 'scheduled', schedule: { start: iso(NOW + 5 * HOUR), end: iso(NOW + 6 * HOUR) } }),
        raw('soon', { status: 'scheduled', schedule: { start: iso(NOW + HOUR), end: iso(NOW + 2 * HOUR) } }),
        raw('active-old', { status: 'active', schedule: { start: iso(NOW - 5 * HOUR), end: iso(NOW + HOUR) } }),
        raw('active-new', { status: 'active', schedule: { start: iso(NOW - HOUR), end: iso(NOW + HOUR) } }),
      ],
      ctx(),
    );
    const listed = records.filter((r) => isListed(r, NOW)).sort(compareWindows);
    expect(listed.map((r) => r.window.id)).toEqual(['active-new', 'active-old', 'soon', 'later', 'canceled', 'recent-end']);
  });
});
