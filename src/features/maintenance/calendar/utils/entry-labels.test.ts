import { buildWindow } from '../testing/window-fixtures';
import { describeTargets, entryLabel, formatEntryRange, formatSegmentTime, joinNames, windowTitle } from './entry-labels';

const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 1, minute);

beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('formatEntryRange', () => {
  it('says the weekday and local times', () => {
    expect(formatEntryRange(berlin(28, 2), berlin(28, 4), false)).toBe('Saturday 02:00–04:00');
    expect(formatEntryRange(berlin(28, 22), berlin(29, 1, 30), false)).toBe('Saturday 22:00 – Sunday 01:30');
  });

  it('adds dates when an entry spans a week or more, and says when there is no end', () => {
    expect(formatEntryRange(berlin(21, 9), berlin(28, 9), false)).toBe('Saturday 21 November 09:00 – Saturday 28 November 09:00');
    expect(formatEntryRange(berlin(28, 2), berlin(30, 0), true)).toBe('from Saturday 28 November 02:00, no end set');
  });
});

describe('formatSegmentTime', () => {
  const seg = (start: number, end: number, fromEarlierDay = false, intoLaterDay = false) => ({ start, end, fromEarlierDay, intoLaterDay });

  it('shows a day’s part of an entry briefly', () => {
    expect(formatSegmentTime(seg(berlin(28, 2), berlin(28, 4)), false)).toBe('02:00–04:00');
    expect(formatSegmentTime(seg(berlin(28, 22), berlin(29, 0), false, true), false)).toBe('from 22:00');
    expect(formatSegmentTime(seg(berlin(29, 0), berlin(29, 2), true), false)).toBe('until 02:00');
    expect(formatSegmentTime(seg(berlin(29, 0), berlin(30, 0), true, true), false)).toBe('all day');
    expect(formatSegmentTime(seg(berlin(28, 2), berlin(29, 0)), true)).toBe('from 02:00');
  });
});

describe('titles and labels', () => {
  it('calls a window by its reason, else by what it mutes', () => {
    expect(windowTitle(buildWindow('a', { reason: '  DB failover ' }))).toBe('DB failover');
    expect(windowTitle(buildWindow('a', { reason: null, scope: 'env:prod' }))).toBe('env:prod');
    expect(windowTitle(buildWindow('a', { reason: '', targets: { monitorIds: [], monitorTags: ['team:payments', 'env:prod'] } }))).toBe(
      'Monitors tagged team:payments env:prod',
    );
    expect(describeTargets(buildWindow('a', { targets: { monitorIds: [12, 13], monitorTags: [], monitorNames: { '12': 'API latency' } } }))).toBe(
      'API latency, Monitor 13',
    );
    expect(describeTargets(buildWindow('a', { targets: { monitorIds: [], monitorTags: [] } }))).toBe('Every monitor');
  });

  it('joins names as a sentence', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('builds the accessible name of an entry', () => {
    const base = { title: 'Nightly search reindex', start: berlin(28, 2), end: berlin(28, 4), indefinite: false };
    expect(entryLabel({ ...base, ended: false, overlapNames: [] })).toBe('Nightly search reindex, Saturday 02:00–04:00');
    expect(entryLabel({ ...base, ended: true, overlapNames: ['DB failover', 'Kafka upgrade'] })).toBe(
      'Nightly search reindex, Saturday 02:00–04:00, ended, overlaps with DB failover and Kafka upgrade',
    );
  });
});
