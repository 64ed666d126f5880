import { buildDowntime, buildGroup, cpuDetail, FIXTURE_NOW, monitors } from '../../../testing/monitor-fixtures';
import {
  applyMuteToDetail,
  applyMuteToSummary,
  applyUnmuteToDetail,
  groupsUnmutedByCanceling,
  pendingChange,
} from './optimistic';

const HOUR = 3_600_000;

describe('optimistic updates', () => {
  it('a mute marks exactly the matching groups muted and pending, and adds a pending downtime', () => {
    const next = applyMuteToDetail(cpuDetail(), { scope: 'env:prod AND host:web-1', end: FIXTURE_NOW + HOUR }, FIXTURE_NOW);
    const byName = Object.fromEntries(next.groups.map((g) => [g.name, g]));
    expect(byName['env:prod,host:web-1']).toMatchObject({ muted: true, mutedUntil: FIXTURE_NOW + HOUR, pendingChange: 'mute' });
    expect(byName['env:prod,host:web-2']).toMatchObject({ muted: false });
    expect(pendingChange(byName['env:prod,host:web-2']!)).toBeNull();
    expect(next.mute).toMatchObject({ state: 'partial', mutedGroups: 1, endsAt: FIXTURE_NOW + HOUR });
    expect(next.downtimes.at(-1)).toMatchObject({ scope: 'env:prod AND host:web-1', pendingChange: 'mute' });
  });

  it('a whole-monitor mute makes the summary "all"; an indefinite mute keeps null ends', () => {
    const next = applyMuteToDetail(cpuDetail(), { scope: '*', end: null, reason: 'x' }, FIXTURE_NOW);
    expect(next.mute).toMatchObject({ state: 'all', endsAt: null, mutedGroups: 4 });
    expect(next.groups.every((g) => g.muted && g.mutedUntil === null)).toBe(true);
    // Without the detail in the cache, the list row still shows the whole-monitor mute.
    expect(applyMuteToSummary(monitors[1]!, { scope: '*', end: FIXTURE_NOW + HOUR }).mute).toMatchObject({
      state: 'all',
      endsAt: FIXTURE_NOW + HOUR,
      mutedGroups: 4,
    });
  });

  it('an unmute removes this monitor’s downtimes for the scope, keeps tag-targeted ones, and recomputes the groups', () => {
    const detail = cpuDetail({
      groups: [
        buildGroup('env:prod,host:web-1', 'Alert', { muted: true, mutedUntil: null }),
        buildGroup('env:staging,host:web-9', 'OK', { muted: true, mutedUntil: null }),
      ],
      downtimes: [
        buildDowntime({ id: 'a', scope: '*', endAt: null }),
        buildDowntime({ id: 'b', scope: 'env:staging', monitorId: null, monitorTags: ['team:web'], endAt: null }),
      ],
    });
    const next = applyUnmuteToDetail(detail, { all: true });
    expect(next.downtimes.map((d) => d.id)).toEqual(['b']);
    expect(next.groups.map((g) => [g.name, g.muted, pendingChange(g)])).toEqual([
      ['env:prod,host:web-1', false, 'unmute'],
      ['env:staging,host:web-9', true, null],
    ]);
    expect(next.mute).toMatchObject({ state: 'partial', mutedGroups: 1 });
  });

  it('lists the groups only one downtime keeps muted', () => {
    const detail = cpuDetail({
      groups: [buildGroup('env:prod,host:web-1', 'Alert', { muted: true }), buildGroup('env:prod,host:web-2', 'OK', { muted: true })],
      downtimes: [buildDowntime({ id: 'a', scope: 'env:prod' }), buildDowntime({ id: 'b', scope: 'host:web-2' })],
    });
    expect(groupsUnmutedByCanceling(detail, 'a').map((g) => g.name)).toEqual(['env:prod,host:web-1']);
    expect(groupsUnmutedByCanceling(detail, 'b')).toEqual([]);
  });
});
