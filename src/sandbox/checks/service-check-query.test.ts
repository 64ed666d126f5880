import { describe, expect, it } from 'vitest';
import { DEMO_CATALOG } from '../seed/catalog';
import { evaluateGroup, thresholdsOf, type CheckStatusCode } from './evaluate';
import { byValues, groupNameFor, groupValues, parseServiceCheckQuery, runMatches, valuesKey } from './service-check-query';

describe('parseServiceCheckQuery', () => {
  it('reads check, over, by and last', () => {
    expect(parseServiceCheckQuery('"app.ok".over("env:prod").by("host").last(3).count_by_status()')).toEqual({
      check: 'app.ok',
      over: ['env:prod'],
      exclude: [],
      by: ['host'],
      last: 3,
    });
    expect(
      parseServiceCheckQuery(`"http.can_connect".over("env:prod","service:web").exclude('host:canary').by("host","instance").last(2).count_by_status()`),
    ).toEqual({ check: 'http.can_connect', over: ['env:prod', 'service:web'], exclude: ['host:canary'], by: ['host', 'instance'], last: 2 });
  });

  it('"*" in over means every run; no by means one group', () => {
    expect(parseServiceCheckQuery('"app.ok".over("*").last(1).count_by_status()')).toMatchObject({ over: [], by: [] });
  });

  it('caps last(N) at 100', () => {
    expect(parseServiceCheckQuery('"a".over("*").last(5000).count_by_status()')!.last).toBe(100);
  });

  it.each([
    'app.ok.over("*").last(1).count_by_status()',
    '"a".over("*").count_by_status()',
    '"a".over("*").last(1)',
    '"a".over("*").last(x).count_by_status()',
    '"a".over(env:prod).last(1).count_by_status()',
    '"a".over("*").last(1).count_by_status().by("host")',
    '"a".sideways("*").last(1).count_by_status()',
  ])('refuses %s', (q) => {
    expect(parseServiceCheckQuery(q)).toBeNull();
  });

  it('understands every seeded service check monitor', () => {
    const seeded = DEMO_CATALOG.filter((s) => s.type === 'service check');
    expect(seeded.length).toBeGreaterThanOrEqual(6);
    for (const s of seeded) expect(parseServiceCheckQuery(s.query as string), s.key).not.toBeNull();
  });
});

describe('runs and groups', () => {
  const q = parseServiceCheckQuery('"http.ok".over("env:prod").exclude("role:canary").by("host","instance").last(2).count_by_status()')!;
  const run = { check: 'http.ok', host_name: 'web-1', tags: ['env:prod', 'instance:checkout'] };

  it('a run matches with every over tag (host:<host_name> counts), none excluded, the same check', () => {
    expect(runMatches(q, run)).toBe(true);
    expect(runMatches(q, { ...run, tags: ['ENV:PROD', 'instance:checkout'] })).toBe(true);
    expect(runMatches(q, { ...run, check: 'http.ko' })).toBe(false);
    expect(runMatches(q, { ...run, tags: ['env:staging'] })).toBe(false);
    expect(runMatches(q, { ...run, tags: [...run.tags, 'role:canary'] })).toBe(false);
    const byHost = parseServiceCheckQuery('"http.ok".over("host:web-1").last(1).count_by_status()')!;
    expect(runMatches(byHost, { ...run, tags: [] })).toBe(true);
    expect(runMatches(byHost, { ...run, host_name: 'web-2', tags: [] })).toBe(false);
  });

  it('names groups in by-order; "host" is the host name; a run without a by tag is in no group', () => {
    const values = byValues(q, run)!;
    expect(values).toEqual(['web-1', 'checkout']);
    expect(groupNameFor(q, values)).toBe('host:web-1,instance:checkout');
    expect(byValues(q, { ...run, tags: ['env:prod'] })).toBeNull();
    const ungrouped = parseServiceCheckQuery('"http.ok".over("*").last(1).count_by_status()')!;
    expect(groupNameFor(ungrouped, byValues(ungrouped, run)!)).toBe('total');
  });

  it('an existing group name with more tags still stands for its by-values', () => {
    const byHost = parseServiceCheckQuery('"k".over("env:prod").by("host").last(2).count_by_status()')!;
    expect(groupValues(byHost, 'env:prod,host:k8s-node-1')).toEqual(['k8s-node-1']);
    expect(groupValues(byHost, 'env:prod')).toBeNull();
    expect(valuesKey(groupValues(q, 'instance:checkout,host:web-1')!)).toBe(valuesKey(['web-1', 'checkout']));
  });
});

describe('evaluateGroup', () => {
  const T = thresholdsOf({ thresholds: { critical: 2, warning: 1, ok: 2 } });
  const ev = (runs: CheckStatusCode[], current: string | null = 'OK') => evaluateGroup(runs, T, current);

  it('defaults every threshold to 1', () => {
    expect(thresholdsOf({})).toEqual({ critical: 1, warning: 1, ok: 1 });
    expect(thresholdsOf({ thresholds: { critical: 3, ok: null } })).toEqual({ critical: 3, warning: 1, ok: 1 });
  });

  it('maps a single run with thresholds of 1: OK, WARNING, CRITICAL, UNKNOWN', () => {
    const one = thresholdsOf({});
    expect(evaluateGroup([0], one, 'Alert')).toBe('OK');
    expect(evaluateGroup([1], one, 'OK')).toBe('Warn');
    expect(evaluateGroup([2], one, 'OK')).toBe('Alert');
    expect(evaluateGroup([3], one, 'OK')).toBe('Unknown');
  });

  it('critical count over the window: 2 CRITICAL of the last runs is Alert, 1 is only Warn', () => {
    expect(ev([2, 0, 2])).toBe('Alert');
    expect(ev([2, 0, 0])).toBe('Warn');
    expect(ev([1])).toBe('Warn');
  });

  it('a latest UNKNOWN wins only when neither critical nor warning thresholds are met', () => {
    expect(ev([3, 0, 0])).toBe('Unknown');
    expect(ev([3, 2, 2])).toBe('Alert');
    expect(ev([3])).toBe('Unknown');
    expect(ev([0, 3])).toBe('OK');
  });

  it('hysteresis: without `ok` OK runs the group keeps its status', () => {
    expect(ev([0, 3], 'Unknown')).toBe('Unknown');
    expect(ev([0], 'Alert')).toBe('Alert');
    expect(ev([0, 0], 'Alert')).toBe('OK');
    expect(ev([0], 'No Data')).toBe('No Data');
  });

  it('a new group whose runs decide nothing starts OK', () => {
    expect(ev([0], null)).toBe('OK');
  });
});
