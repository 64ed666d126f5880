import { buildDowntime, buildGroup, cpuDetail, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { unmuteImpact } from './mute-preview';

const HOUR = 3_600_000;

/** web-1 (Alert) and web-3 (OK) muted by "*"; web-9 (No Data) muted by a tag-targeted downtime. */
function detail() {
  return cpuDetail({
    groups: [
      buildGroup('env:prod,host:web-1', 'Alert', { muted: true, mutedUntil: FIXTURE_NOW + HOUR }),
      buildGroup('env:prod,host:web-2', 'Warn'),
      buildGroup('env:prod,host:web-3', 'OK', { muted: true, mutedUntil: FIXTURE_NOW + HOUR }),
      buildGroup('env:staging,host:web-9', 'No Data', { muted: true, mutedUntil: null }),
    ],
    downtimes: [
      buildDowntime({ id: 'd-all', scope: 'env:prod', endAt: FIXTURE_NOW + HOUR }),
      buildDowntime({ id: 'd-tags', scope: 'env:staging', monitorId: null, monitorTags: ['team:web'], endAt: null }),
    ],
  });
}

describe('unmuteImpact', () => {
  it('lists the groups freed, the loud ones among them, and the tag-targeted downtimes that stay', () => {
    const impact = unmuteImpact(detail(), { all: true });
    expect(impact.unmuted.map((g) => g.name)).toEqual(['env:prod,host:web-1', 'env:prod,host:web-3']);
    expect(impact.loud.map((g) => g.name)).toEqual(['env:prod,host:web-1']);
    expect(impact.keptByTags).toBe(1);
  });

  it('counts only the tag-targeted downtimes of the chosen scope', () => {
    const impact = unmuteImpact(detail(), { scope: 'env:prod' });
    expect(impact.loud.map((g) => g.name)).toEqual(['env:prod,host:web-1']);
    expect(impact.keptByTags).toBe(0);
    expect(unmuteImpact(detail(), { scope: 'env:staging' }).keptByTags).toBe(1);
  });
});
