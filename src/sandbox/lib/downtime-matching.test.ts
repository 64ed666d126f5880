import { describe, expect, it } from 'vitest';
import type { DowntimeRow } from '../store/types';
import { activeDowntimes, mutesFor, prepareDowntime, targetsMonitor } from './downtime-matching';
import { downtimeStatus } from './downtime-schedule';

const NOW = 1_000_000_000_000;
function dt(over: Partial<DowntimeRow>): DowntimeRow {
  return {
    id: 'd',
    monitor_id: null,
    monitor_tags: null,
    scope: '*',
    start_us: NOW - 1,
    end_us: null,
    recurrences: null,
    timezone: null,
    message: null,
    display_timezone: 'UTC',
    notify_end_states: [],
    notify_end_types: [],
    mute_first_recovery_notification: false,
    canceled_us: null,
    created_us: NOW - 1,
    modified_us: NOW - 1,
    created_by: 1,
    end_handled_us: null,
    ...over,
  };
}
const monitor = { id: 7, tags: ['env:prod', 'Team:Search'] };
const groups = [{ name: 'env:prod,host:a' }, { name: 'env:prod,host:b' }];

describe('downtimeStatus', () => {
  it('follows the clock', () => {
    expect(downtimeStatus(dt({}), NOW)).toBe('active');
    expect(downtimeStatus(dt({ start_us: NOW + 1 }), NOW)).toBe('scheduled');
    expect(downtimeStatus(dt({ end_us: NOW }), NOW)).toBe('ended');
    expect(downtimeStatus(dt({ canceled_us: NOW - 1, end_us: NOW - 1 }), NOW)).toBe('canceled');
  });
});

describe('targetsMonitor', () => {
  it('by id', () => {
    expect(targetsMonitor(prepareDowntime(dt({ monitor_id: 7 })), monitor)).toBe(true);
    expect(targetsMonitor(prepareDowntime(dt({ monitor_id: 8 })), monitor)).toBe(false);
  });
  it('by tags: all present, case-insensitive; * is every monitor', () => {
    expect(targetsMonitor(prepareDowntime(dt({ monitor_tags: ['team:search', 'env:prod'] })), monitor)).toBe(true);
    expect(targetsMonitor(prepareDowntime(dt({ monitor_tags: ['team:search', 'env:qa'] })), monitor)).toBe(false);
    expect(targetsMonitor(prepareDowntime(dt({ monitor_tags: ['*'] })), monitor)).toBe(true);
    expect(targetsMonitor(prepareDowntime(dt({ monitor_tags: [] })), monitor)).toBe(false);
  });
});

describe('mutesFor', () => {
  it('needs the scope to cover a group, except for *', () => {
    const covering = prepareDowntime(dt({ monitor_id: 7, scope: 'host:a' }));
    const missing = prepareDowntime(dt({ monitor_id: 7, scope: 'host:z' }));
    const all = prepareDowntime(dt({ monitor_id: 7, scope: '*' }));
    const mutes = mutesFor(monitor, groups, [covering, missing, all]);
    expect(mutes.map((m) => [m.downtime.row.scope, m.groups])).toEqual([
      ['host:a', ['env:prod,host:a']],
      ['*', ['env:prod,host:a', 'env:prod,host:b']],
    ]);
    expect(mutesFor(monitor, [], [all])).toHaveLength(1);
    expect(mutesFor(monitor, [], [covering])).toHaveLength(0);
  });
  it('ignores a stored scope that no longer parses', () => {
    expect(mutesFor(monitor, groups, [prepareDowntime(dt({ monitor_id: 7, scope: 'a OR b' }))])).toEqual([]);
  });
});

describe('activeDowntimes', () => {
  it('keeps only active ones', () => {
    const rows = [dt({ id: 'a' }), dt({ id: 's', start_us: NOW + 5 }), dt({ id: 'e', end_us: NOW - 1 })];
    expect(activeDowntimes(rows, NOW).map((d) => d.row.id)).toEqual(['a']);
  });
});
