import { buildIncident } from '../../../testing/incident-fixtures';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { durationBarWidths, formatSeconds, incidentDurations } from './durations';

const MIN = 60_000;

describe('incident durations', () => {
  it("uses Datadog's numbers when it has them", () => {
    const i = buildIncident(1, { timeToDetect: 600, timeToRepair: 3000, customerImpactDuration: 3300, resolvedAt: FIXTURE_NOW });
    expect(incidentDurations(i, FIXTURE_NOW)).toEqual({
      detect: { seconds: 600, ongoing: false },
      repair: { seconds: 3000, ongoing: false },
      impact: { seconds: 3300, ongoing: false },
    });
  });

  it('works them out from the timestamps, measuring what still runs up to now', () => {
    // Impact began 5 min before the declaration; detected 10 min after it; still open at +2 h.
    const i = buildIncident(1);
    const d = incidentDurations(i, FIXTURE_NOW);
    expect(d.detect).toEqual({ seconds: 15 * 60, ongoing: false });
    expect(d.repair).toEqual({ seconds: 110 * 60, ongoing: true });
    expect(d.impact).toEqual({ seconds: 125 * 60, ongoing: true });
  });

  it('reads a 0 from Datadog as "not worked out yet" on an open incident', () => {
    const d = incidentDurations(buildIncident(1, { timeToDetect: 0, timeToRepair: 0, customerImpactDuration: 0 }), FIXTURE_NOW);
    expect(d.detect).toEqual({ seconds: 15 * 60, ongoing: false });
    expect(d.repair).toEqual({ seconds: 110 * 60, ongoing: true });
    expect(d.impact).toEqual({ seconds: 125 * 60, ongoing: true });
  });

  it('ends repair and impact at the end of impact or the resolution', () => {
    const i = buildIncident(1, { customerImpactEnd: FIXTURE_NOW - 30 * MIN, resolvedAt: FIXTURE_NOW - 20 * MIN });
    const d = incidentDurations(i, FIXTURE_NOW);
    expect(d.repair).toEqual({ seconds: 80 * 60, ongoing: false });
    expect(d.impact).toEqual({ seconds: 95 * 60, ongoing: false });
  });

  it('knows nothing of impact without customer impact, nor of detection without a detection time', () => {
    const d = incidentDurations(buildIncident(1, { customerImpacted: false, detectedAt: null, customerImpactStart: null }), FIXTURE_NOW);
    expect(d).toEqual({ detect: { seconds: null, ongoing: false }, repair: { seconds: null, ongoing: false }, impact: { seconds: null, ongoing: false } });
    expect(durationBarWidths(d)).toEqual({ detect: 0, repair: 0, impact: 0 });
  });

  it('draws detect and repair end to end and impact beside them, to one scale', () => {
    const w = durationBarWidths({
      detect: { seconds: 100, ongoing: false },
      repair: { seconds: 300, ongoing: false },
      impact: { seconds: 200, ongoing: false },
    });
    expect(w).toEqual({ detect: 25, repair: 75, impact: 50 });
  });

  it('formats seconds for labels', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(42)).toBe('42s');
    expect(formatSeconds(15 * 60)).toBe('15m');
    expect(formatSeconds(2 * 3600 + 5 * 60)).toBe('2h 5m');
    expect(formatSeconds(3 * 86400 + 4 * 3600)).toBe('3d 4h');
  });
});
