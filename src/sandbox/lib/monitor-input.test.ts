import { describe, expect, it } from 'vitest';
import { isMultiQuery, normalizeOptions, parseNewMonitor } from './monitor-input';

describe('isMultiQuery', () => {
  it('detects grouping in each query style', () => {
    expect(isMultiQuery('query alert', 'avg(last_5m):avg:cpu{*} by {host} > 1', {})).toBe(true);
    expect(isMultiQuery('query alert', 'avg(last_5m):avg:cpu{*} by {} > 1', {})).toBe(false);
    expect(isMultiQuery('query alert', 'avg(last_5m):avg:cpu{*} > 1', {})).toBe(false);
    expect(isMultiQuery('log alert', 'logs("x").index("*").rollup("count").by("source").last("5m") > 2', {})).toBe(true);
    expect(isMultiQuery('service check', '"http.ok".over("*").by("host").last(2).count_by_status()', {})).toBe(true);
    expect(isMultiQuery('rum alert', 'formula("a").last("5m") > 1', { variables: [{ group_by: [] }] })).toBe(false);
    expect(isMultiQuery('rum alert', 'formula("a").last("5m") > 1', { variables: [{ group_by: [{ facet: 'x' }] }] })).toBe(true);
    expect(isMultiQuery('composite', '1 && 2', {})).toBe(false);
  });
});

describe('normalizeOptions', () => {
  it('fills defaults, drops null thresholds and ignores silenced', () => {
    expect(normalizeOptions({ thresholds: { critical: 1, warning: null }, silenced: { '*': 1 } }, 'log alert')).toEqual({
      thresholds: { critical: 1 },
      notify_no_data: false,
      notify_audit: false,
      new_host_delay: 300,
      include_tags: true,
      groupby_simple_monitor: false,
    });
    expect(normalizeOptions({ new_host_delay: null }, 'query alert').new_host_delay).toBeNull();
  });
});

describe('parseNewMonitor', () => {
  const exists = () => true;
  it('maps metric alert to query alert and sets creation defaults', () => {
    const m = parseNewMonitor({ name: 'n', type: 'metric alert', query: 'avg(last_5m):avg:cpu{*} > 1' }, exists);
    expect(m).toMatchObject({ type: 'query alert', multi: false, message: '', tags: [], priority: null, draft_status: 'published' });
    expect(m.options.avalanche_window).toBe(20);
  });
  it('accepts comparisons with decimals and negative numbers', () => {
    for (const q of ['avg(last_5m):avg:a{*} >= 0.5', 'avg(last_5m):avg:a{*} < -3', 'avg(last_5m):avg:a{*} != 1e3']) {
      expect(() => parseNewMonitor({ name: 'n', type: 'query alert', query: q }, exists)).not.toThrow();
    }
  });
  it('accepts any query for synthetics monitors', () => {
    expect(parseNewMonitor({ name: 'n', type: 'synthetics alert', query: 'no_query' }, exists).multi).toBe(false);
  });
});
