import { buildWindow } from '../../calendar/testing/window-fixtures';
import { describeSchedule, downtimeCount, statusLabel, targetsText } from './window-facts';

const NOW = Date.UTC(2026, 10, 25, 9, 30);

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('window facts for the preview', () => {
  it('lists targets apart from the scope', () => {
    expect(targetsText(buildWindow('a', { targets: { monitorIds: [12, 13], monitorTags: ['team:search'], monitorNames: { '12': 'Search latency' } } }))).toBe(
      'Search latency, Monitor 13; tagged team:search',
    );
    expect(targetsText(buildWindow('a', { targets: { monitorIds: [], monitorTags: [] } }))).toBe('Every monitor');
  });

  it('capitalises a status, whatever it is', () => {
    expect(statusLabel('active')).toBe('Active');
    expect(statusLabel('paused')).toBe('Paused');
    expect(statusLabel('')).toBe('Unknown');
  });

  it('describes one-off and recurring schedules', () => {
    expect(describeSchedule(buildWindow('a', { schedule: { kind: 'once', start: NOW, end: NOW + 7_200_000 } }), NOW)).toBe('09:30 → 11:30');
    expect(describeSchedule(buildWindow('a', { schedule: { kind: 'once', start: Date.UTC(2026, 10, 20, 8), end: null } }), NOW)).toBe(
      'Fri 20 Nov 08:00 → no end',
    );
    expect(
      describeSchedule(
        buildWindow('a', {
          schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-10-03T02:00', timezone: 'Europe/Berlin', current: null },
        }),
        NOW,
      ),
    ).toBe('every week on Saturday, 2h from 2026-10-03 02:00 (Europe/Berlin)');
  });

  it('counts the downtimes a cleanup ends', () => {
    expect(downtimeCount([buildWindow('a', { downtimeIds: ['1', '2'] }), buildWindow('b', { downtimeIds: ['3'] })])).toBe(3);
  });
});
