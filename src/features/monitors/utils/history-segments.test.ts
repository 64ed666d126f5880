import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { DOWNTIME_ID, monitorHistory } from '../../../testing/service-check-fixtures';
import { axisTicks, buildGroupHistories, windowPercent } from './history-segments';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FROM = FIXTURE_NOW - 24 * HOUR;

describe('buildGroupHistories', () => {
  it('draws each group from its initial status and its transitions, worst now first', () => {
    const groups = buildGroupHistories(monitorHistory());
    expect(groups.map((g) => [g.group, g.current, g.changes])).toEqual([
      ['env:prod,host:web-1', 'Alert', 3],
      ['env:prod,host:web-2', 'Warn', 0],
      ['env:prod,host:web-3', 'OK', 1],
    ]);
    expect(groups[0]!.segments).toEqual([
      { status: 'OK', start: FROM, end: FIXTURE_NOW - 2 * HOUR },
      { status: 'Alert', start: FIXTURE_NOW - 2 * HOUR, end: FIXTURE_NOW - HOUR },
      { status: 'OK', start: FIXTURE_NOW - HOUR, end: FIXTURE_NOW - 30 * MINUTE },
      { status: 'Alert', start: FIXTURE_NOW - 30 * MINUTE, end: FIXTURE_NOW },
    ]);
    expect(groups[1]!.segments).toEqual([{ status: 'Warn', start: FROM, end: FIXTURE_NOW }]);
    // web-3 did not exist before it appeared: nothing is drawn there.
    expect(groups[2]!.segments).toEqual([{ status: 'OK', start: FIXTURE_NOW - 6 * HOUR, end: FIXTURE_NOW }]);
  });

  it('overlays only the mutes that covered the group, clipped to the window', () => {
    const history = monitorHistory({
      mutes: [
        { downtimeId: DOWNTIME_ID, scope: 'host:web-1', start: FIXTURE_NOW - 90 * MINUTE, end: null, groups: ['env:prod,host:web-1'] },
        { downtimeId: 'older', scope: '*', start: FROM - HOUR, end: FROM + HOUR, groups: ['env:prod,host:web-1', 'env:prod,host:web-2'] },
        { downtimeId: 'before', scope: '*', start: FROM - 3 * HOUR, end: FROM - HOUR, groups: ['env:prod,host:web-2'] },
      ],
    });
    const [web1, web2, web3] = buildGroupHistories(history);
    expect(web1!.mutes).toEqual([
      { downtimeId: 'older', scope: '*', start: FROM, end: FROM + HOUR, open: false },
      { downtimeId: DOWNTIME_ID, scope: 'host:web-1', start: FIXTURE_NOW - 90 * MINUTE, end: FIXTURE_NOW, open: true },
    ]);
    expect(web2!.mutes.map((m) => m.downtimeId)).toEqual(['older']);
    expect(web3!.mutes).toEqual([]);
  });

  it('joins repeats of one status (a renotify) and ignores transitions after the window', () => {
    const [g] = buildGroupHistories({
      from: FROM,
      to: FIXTURE_NOW,
      initial: { total: 'Alert' },
      transitions: [
        { group: 'total', at: FIXTURE_NOW - HOUR, fromStatus: 'Alert', toStatus: 'Alert' },
        { group: 'total', at: FIXTURE_NOW + HOUR, fromStatus: 'Alert', toStatus: 'OK' },
      ],
      mutes: [],
      available: true,
    });
    expect(g!.segments).toEqual([{ status: 'Alert', start: FROM, end: FIXTURE_NOW }]);
    expect(g!.current).toBe('Alert');
  });

  it('has nothing to draw for an empty or backwards window', () => {
    expect(buildGroupHistories(monitorHistory({ from: FIXTURE_NOW, to: FIXTURE_NOW }))).toEqual([]);
  });
});

describe('window geometry', () => {
  it('places instants in percent of the window, clamped to it', () => {
    expect(windowPercent(FROM, FROM, FIXTURE_NOW)).toBe(0);
    expect(windowPercent(FIXTURE_NOW - 12 * HOUR, FROM, FIXTURE_NOW)).toBe(50);
    expect(windowPercent(FIXTURE_NOW + HOUR, FROM, FIXTURE_NOW)).toBe(100);
  });

  it('spaces the axis ticks evenly, both ends included', () => {
    expect(axisTicks(FROM, FIXTURE_NOW, 5)).toEqual([FROM, FROM + 6 * HOUR, FROM + 12 * HOUR, FROM + 18 * HOUR, FIXTURE_NOW]);
  });
});
