import { monitors } from '../../../testing/monitor-fixtures';
import { describeUnmuteResult, isMutedSummary, splitByMuted } from './bulk-unmute';

describe('bulk unmute helpers', () => {
  it('counts a monitor as muted when wholly or partly muted, or matched by an active downtime', () => {
    const [cpu, payments, checkout, disk, nightly] = monitors;
    expect(isMutedSummary(cpu!)).toBe(false);
    expect(isMutedSummary(payments!)).toBe(false);
    expect(isMutedSummary(checkout!)).toBe(true);
    expect(isMutedSummary(disk!)).toBe(true);
    expect(isMutedSummary(nightly!)).toBe(true);
    expect(isMutedSummary({ ...cpu!, mute: { state: 'none', endsAt: null, mutedGroups: 0, downtimes: 1 } })).toBe(true);
  });

  it('splits the targets in list order', () => {
    const { muted, skipped } = splitByMuted(monitors);
    expect(muted.map((m) => m.id)).toEqual([3, 4, 5]);
    expect(skipped.map((m) => m.id)).toEqual([1, 2, 6]);
  });

  it('describes what an unmute cancelled and left in place', () => {
    expect(describeUnmuteResult({ canceled: ['a', 'b'], skipped: [] })).toBe('cancelled 2 downtimes');
    expect(describeUnmuteResult({ canceled: [], skipped: [] })).toBe('no downtime cancelled');
    expect(describeUnmuteResult({ canceled: ['a'], skipped: [{ id: 'c', scope: 'env:staging', reason: 'tags' }] })).toBe(
      'cancelled 1 downtime; 1 downtime left in place (it targets monitor tags)',
    );
  });
});
