import { buildWindow, weeklySaturdayWindow } from '../testing/window-fixtures';
import { daysRange, weekDays } from './calendar-dates';
import { buildCalendarItems } from './calendar-items';

const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 1, minute);
const NOW = berlin(25, 10, 30);
const { from, to } = daysRange(weekDays('2026-11-25'));

beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('buildCalendarItems', () => {
  it('expands a recurring window into its occurrences in the range, each with its own key', () => {
    const items = buildCalendarItems([weeklySaturdayWindow()], from, to, NOW);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      windowId: 'reindex',
      start: berlin(28, 2),
      end: berlin(28, 4),
      key: `reindex@${berlin(28, 2)}`,
      title: 'Nightly search reindex',
      ended: false,
      indefinite: false,
      label: 'Nightly search reindex, Saturday 02:00–04:00',
    });
  });

  it('flags overlaps by the other window’s title, and leaves canceled windows out', () => {
    const items = buildCalendarItems(
      [
        weeklySaturdayWindow(),
        buildWindow('failover', { reason: 'Payments DB failover', schedule: { kind: 'once', start: berlin(28, 3), end: berlin(28, 5) } }),
        buildWindow('gone', { status: 'canceled', schedule: { kind: 'once', start: berlin(28, 3), end: berlin(28, 5) } }),
      ],
      from,
      to,
      NOW,
    );
    expect(items.map((i) => i.windowId)).toEqual(['reindex', 'failover']);
    expect(items[0]!.label).toBe('Nightly search reindex, Saturday 02:00–04:00, overlaps with Payments DB failover');
    expect(items[1]!.overlapNames).toEqual(['Nightly search reindex']);
  });

  it('marks past occurrences and ended windows as ended, and a window with no end as indefinite', () => {
    const items = buildCalendarItems(
      [
        buildWindow('past', { status: 'active', schedule: { kind: 'once', start: berlin(24, 1), end: berlin(24, 2) } }),
        buildWindow('over', { status: 'ended', schedule: { kind: 'once', start: berlin(26, 1), end: berlin(26, 2) } }),
        buildWindow('forever', {
          status: 'active',
          targets: { monitorIds: [7], monitorTags: [] },
          schedule: { kind: 'once', start: berlin(23, 8), end: null },
        }),
      ],
      from,
      to,
      NOW,
    );
    const byId = Object.fromEntries(items.map((i) => [i.windowId, i]));
    expect(byId.past).toMatchObject({ ended: true });
    expect(byId.over).toMatchObject({ ended: true });
    expect(byId.forever).toMatchObject({ ended: false, indefinite: true, end: to });
    expect(byId.forever!.label).toBe('Window forever, from Monday 23 November 08:00, no end set');
  });
});
