import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';

let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const A = DEMO_ANCHORS;

const CURL_EXAMPLE = {
  name: 'Worker hosts down',
  type: 'metric alert',
  query: 'avg(last_15m):avg:aws.ec2.host_ok{role:worker} < 1',
  message: 'A worker host is down. @slack-oncall @pagerduty-payments',
  tags: ['env:prod', 'team:platform'],
  options: { notify_no_data: true },
};

describe('GET /api/v1/monitor', () => {
  it('returns every monitor as a bare array ordered by id, without state', async () => {
    const r = await t.call('GET', '/api/v1/monitor');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Array.isArray(r.body)).toBe(true);
    expect(r.body).toHaveLength(A.monitorCount);
    const ids = r.body.map((m: Json) => m.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    expect(r.body[0].id).toBe(A.firstMonitorId);
    expect(r.body[0]).not.toHaveProperty('state');
    expect(r.body[0]).not.toHaveProperty('matching_downtimes');
  });

  it('carries the fields the real API returns', async () => {
    const r = await t.call('GET', `/api/v1/monitor?page=0&page_size=1`);
    const m = r.body[0];
    for (const key of [
      'id', 'org_id', 'type', 'name', 'message', 'tags', 'query', 'options', 'multi', 'created_at', 'created',
      'modified', 'deleted', 'restricted_roles', 'priority', 'overall_state_modified', 'overall_state', 'creator',
    ]) {
      expect(m).toHaveProperty(key);
    }
    expect(m.deleted).toBeNull();
    expect(m.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(typeof m.created_at).toBe('number');
    expect(Object.keys(m.creator).sort()).toEqual(['email', 'handle', 'id', 'name']);
    expect(m.options.silenced).toBeDefined();
  });

  it('pages with page and page_size (0-based)', async () => {
    const p0 = await t.call('GET', '/api/v1/monitor?page=0&page_size=2');
    const p1 = await t.call('GET', '/api/v1/monitor?page=1&page_size=2');
    expect(p0.body.map((m: Json) => m.id)).toEqual([A.firstMonitorId, A.firstMonitorId + 1]);
    expect(p1.body.map((m: Json) => m.id)).toEqual([A.firstMonitorId + 2, A.firstMonitorId + 3]);
  });

  // Issue 8: pages are cut in SQL (no filter) or over summaries (tag filters); either way they must be
  // exactly the slices of the unpaged answer, byte for byte.
  it.each([
    ['', 7],
    ['&group_states=all&with_downtimes=true', 5],
    ['&group_states=alert,warn&name=api', 2],
    ['&monitor_tags=env:prod', 3],
    ['&tags=env:prod,host:web-1', 1],
    ['&tags=ENV:prod&group_states=all', 4],
    [`&id_offset=${A.firstMonitorId + 3}&monitor_tags=ENV:PROD`, 2],
  ])('pages%s exactly like slicing the whole list', async (query, size) => {
    const all = await t.call('GET', `/api/v1/monitor?${query.slice(1)}`);
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(size);
    const pages: Json[] = [];
    for (let p = 0; p * size < all.body.length + size; p++) {
      const r = await t.call('GET', `/api/v1/monitor?page=${p}&page_size=${size}${query}`);
      expect(r.status).toBe(200);
      expect(r.text).toBe(JSON.stringify(all.body.slice(p * size, p * size + size)));
      pages.push(...r.body);
    }
    expect(pages).toEqual(all.body);
  });

  it('answers an empty page for a page number past the end, however large', async () => {
    for (const page of ['500', '99999999999999999999']) {
      const r = await t.call('GET', `/api/v1/monitor?page=${page}&page_size=1000`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual([]);
    }
  });

  it('defaults page_size to 100 when page is given, and ignores page_size without page', async () => {
    const r = await t.call('GET', '/api/v1/monitor?page_size=2');
    expect(r.body).toHaveLength(A.monitorCount);
    const big = createTempSandbox({ seedMonitors: 150 });
    try {
      expect((await big.call('GET', '/api/v1/monitor?page=0')).body).toHaveLength(100);
      expect((await big.call('GET', '/api/v1/monitor?page=0&page_size=5000')).body.length).toBe(A.monitorCount + 150);
    } finally {
      big.dispose();
    }
  });

  it('filters by id_offset', async () => {
    const r = await t.call('GET', `/api/v1/monitor?id_offset=${A.firstMonitorId + 60}`);
    expect(r.body.map((m: Json) => m.id)).toEqual(
      Array.from({ length: A.monitorCount - 61 }, (_, i) => A.firstMonitorId + 61 + i),
    );
  });

  it('filters by name, case-insensitively', async () => {
    const r = await t.call('GET', '/api/v1/monitor?name=CHECKOUT-API%20P99%20latency%20above%20800');
    expect(r.body.map((m: Json) => m.name)).toEqual([A.checkoutLatency.name]);
  });

  it('filters by monitor_tags (all must be present)', async () => {
    const r = await t.call('GET', '/api/v1/monitor?monitor_tags=team:search,env:prod');
    expect(r.body.length).toBeGreaterThan(5);
    for (const m of r.body) expect(m.tags).toEqual(expect.arrayContaining(['team:search', 'env:prod']));
  });

  it('filters by tags, matching group tags or monitor tags', async () => {
    const r = await t.call('GET', '/api/v1/monitor?tags=host:web-2');
    const ids = r.body.map((m: Json) => m.id);
    expect(ids).toContain(A.checkoutLatency.id);
    const both = await t.call('GET', '/api/v1/monitor?tags=host:web-2,team:checkout');
    expect(both.body.map((m: Json) => m.id)).toContain(A.checkoutLatency.id);
    const none = await t.call('GET', '/api/v1/monitor?tags=host:web-2,team:search');
    expect(none.body).toEqual([]);
  });

  it('adds state.groups with group_states=all, with epoch-second timestamps', async () => {
    const r = await t.call('GET', `/api/v1/monitor?group_states=all&name=${encodeURIComponent(A.checkoutLatency.name)}`);
    const m = r.body[0];
    expect(Object.keys(m.state.groups).sort()).toEqual([...A.checkoutLatency.groups].sort());
    const alert = m.state.groups[A.checkoutLatency.alertGroup];
    expect(alert).toMatchObject({ name: A.checkoutLatency.alertGroup, status: 'Alert' });
    for (const k of ['last_triggered_ts', 'last_notified_ts', 'last_resolved_ts', 'last_nodata_ts']) {
      expect(Number.isInteger(alert[k])).toBe(true);
    }
    expect(alert.last_triggered_ts).toBeGreaterThan(TEST_NOW_MS / 1000 - 2 * 3600);
    expect(alert.last_triggered_ts).toBeLessThanOrEqual(TEST_NOW_MS / 1000);
    expect(m.overall_state).toBe('Alert');
  });

  it('filters state.groups to the requested statuses', async () => {
    const r = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}?group_states=alert,warn`);
    expect(Object.keys(r.body.state.groups)).toEqual([A.checkoutLatency.alertGroup]);
    const nodata = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}?group_states=no%20data`);
    expect(nodata.body.state.groups).toEqual({});
  });

  it('rejects a bad group_states with the recorded body', async () => {
    const r = await t.call('GET', '/api/v1/monitor?group_states=notagroupstate');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: ['Invalid group_state filters.'] });
  });

  it('rejects a malformed page number', async () => {
    const r = await t.call('GET', '/api/v1/monitor?page=abc');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatch(/page/);
  });

  it('adds matching_downtimes and options.silenced with with_downtimes=true', async () => {
    const r = await t.call('GET', '/api/v1/monitor?with_downtimes=true');
    const byId = new Map(r.body.map((m: Json) => [m.id, m]));
    const full: Json = byId.get(A.fullyMuted.id);
    expect(full.matching_downtimes).toHaveLength(1);
    expect(full.matching_downtimes[0]).toEqual({
      id: A.fullyMuted.downtimeId,
      monitor_id: A.fullyMuted.id,
      start: expect.any(Number),
      end: Math.floor((TEST_NOW_MS + A.fullyMuted.endsAfterSeedMs) / 1000),
      scope: ['*'],
      groups: expect.any(Array),
      active: true,
    });
    expect(full.options.silenced).toEqual({ '*': Math.floor((TEST_NOW_MS + A.fullyMuted.endsAfterSeedMs) / 1000) });
    const partial: Json = byId.get(A.partiallyMuted.id);
    expect(partial.matching_downtimes[0].groups).toEqual([A.partiallyMuted.mutedGroup]);
    const indefinite: Json = byId.get(A.indefinitelyMuted.id);
    expect(indefinite.options.silenced).toEqual({ [A.indefinitelyMuted.scope]: null });
    expect(indefinite.matching_downtimes[0].end).toBeNull();
    const unmuted: Json = byId.get(A.checkoutLatency.id);
    expect(unmuted.matching_downtimes).toEqual([]);
    expect(unmuted.options.silenced).toEqual({});
  });

  it('does not count scheduled or ended downtimes as matching', async () => {
    const r = await t.call('GET', `/api/v1/monitor/${A.scheduled.monitorIds[0]}?with_downtimes=true`);
    expect(r.body.matching_downtimes).toEqual([]);
    const ended = await t.call('GET', `/api/v1/monitor/${A.ended.monitorId}?with_downtimes=true`);
    expect(ended.body.matching_downtimes).toEqual([]);
    t.clock.advance(A.scheduled.startsAfterSeedMs + 60_000);
    const started = await t.call('GET', `/api/v1/monitor/${A.scheduled.monitorIds[0]}?with_downtimes=true`);
    expect(started.body.matching_downtimes.map((d: Json) => d.id)).toEqual([A.scheduled.downtimeId]);
    expect(started.body.matching_downtimes[0].monitor_id).toBeNull();
  });
});

describe('GET /api/v1/monitor/{id}', () => {
  it('returns one monitor', async () => {
    const r = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: A.checkoutLatency.id,
      name: A.checkoutLatency.name,
      type: 'query alert',
      multi: true,
      priority: 1,
      overall_state: 'Alert',
      org_id: A.orgId,
    });
    expect(r.body).not.toHaveProperty('state');
  });

  it('gives an ungrouped monitor one group named "total"', async () => {
    const r = await t.call('GET', `/api/v1/monitor/${A.ungrouped.id}?group_states=all`);
    expect(r.body.multi).toBe(false);
    expect(Object.keys(r.body.state.groups)).toEqual(['total']);
  });

  it('answers 404 with the recorded body for an unknown id', async () => {
    const r = await t.call('GET', '/api/v1/monitor/12345');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: ['Monitor not found'] });
  });

  it('answers 404 for a non-numeric id', async () => {
    const r = await t.call('GET', '/api/v1/monitor/abc');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: ['Monitor not found'] });
  });
});

describe('POST /api/v1/monitor', () => {
  it('creates the curl example: metric alert comes back as query alert', async () => {
    const r = await t.call('POST', '/api/v1/monitor', CURL_EXAMPLE);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      type: 'query alert',
      name: CURL_EXAMPLE.name,
      query: CURL_EXAMPLE.query,
      message: CURL_EXAMPLE.message,
      tags: CURL_EXAMPLE.tags,
      multi: false,
      overall_state: 'No Data',
      overall_state_modified: null,
      priority: null,
      deleted: null,
      created_at: TEST_NOW_MS,
      creator: { id: A.apiKeyOwner.id, handle: A.apiKeyOwner.handle },
    });
    expect(r.body.options).toMatchObject({
      notify_no_data: true,
      notify_audit: false,
      include_tags: true,
      new_host_delay: 300,
      silenced: {},
    });
    expect(r.body.id).toBeGreaterThan(A.firstMonitorId + A.monitorCount - 1);
    const again = await t.call('GET', `/api/v1/monitor/${r.body.id}?group_states=all`);
    expect(again.body.name).toBe(CURL_EXAMPLE.name);
    expect(again.body.state.groups).toEqual({
      total: expect.objectContaining({ name: 'total', status: 'No Data' }),
    });
  });

  it('creates a grouped monitor with no groups yet', async () => {
    const r = await t.call('POST', '/api/v1/monitor', {
      ...CURL_EXAMPLE,
      query: 'avg(last_5m):avg:system.load.1{env:prod} by {host} > 4',
    });
    expect(r.body.multi).toBe(true);
    expect(r.body.overall_state).toBe('No Data');
    const again = await t.call('GET', `/api/v1/monitor/${r.body.id}?group_states=all`);
    expect(again.body.state.groups).toEqual({});
  });

  it('keeps priority, restricted_roles and thresholds (dropping null thresholds)', async () => {
    const r = await t.call('POST', '/api/v1/monitor', {
      name: 'errors',
      type: 'log alert',
      query: 'logs("service:foo AND type:error").index("main").rollup("count").by("source").last("5m") > 2',
      priority: 3,
      restricted_roles: ['61162af2-d1d8-11ec-ad3d-da7ad0900002'],
      options: { thresholds: { critical: 2, warning: null } },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ priority: 3, restricted_roles: ['61162af2-d1d8-11ec-ad3d-da7ad0900002'], multi: true });
    expect(r.body.options.thresholds).toEqual({ critical: 2 });
    expect(r.body.options.groupby_simple_monitor).toBe(false);
  });

  it('answers the recorded 400 for a query without an operator', async () => {
    const r = await t.call('POST', '/api/v1/monitor', { query: 'query', type: 'log alert' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errors: ["The value provided for parameter 'query' is invalid: invalid operator specified: "],
    });
  });

  it.each([
    [{ ...CURL_EXAMPLE, type: undefined }, /'type'/],
    [{ ...CURL_EXAMPLE, type: 'nonsense alert' }, /'type'.*nonsense alert/],
    [{ ...CURL_EXAMPLE, query: undefined }, /'query'/],
    [{ ...CURL_EXAMPLE, name: undefined }, /'name'/],
    [{ ...CURL_EXAMPLE, name: '' }, /'name'/],
    [{ ...CURL_EXAMPLE, priority: 9 }, /'priority'/],
    [{ ...CURL_EXAMPLE, tags: 'env:prod' }, /'tags'/],
    [{ ...CURL_EXAMPLE, options: { thresholds: { critical: 'high' } } }, /'options'/],
    [{ ...CURL_EXAMPLE, type: 'service check', query: 'nope' }, /'query'/],
    [{ ...CURL_EXAMPLE, type: 'composite', query: '999 && 998' }, /'query'/],
  ])('rejects an invalid monitor (%#)', async (body, message) => {
    const r = await t.call('POST', '/api/v1/monitor', body);
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0]).toMatch(message);
  });

  it('accepts composites over existing monitors', async () => {
    const r = await t.call('POST', '/api/v1/monitor', {
      name: 'both',
      type: 'composite',
      query: `${A.checkoutLatency.id} || !${A.ungrouped.id}`,
    });
    expect(r.status).toBe(200);
    expect(r.body.multi).toBe(false);
  });

  it('rejects malformed JSON and non-object bodies', async () => {
    const bad = await t.call('POST', '/api/v1/monitor', '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errors: ['Invalid JSON'] });
    const arr = await t.call('POST', '/api/v1/monitor', '[]');
    expect(arr.status).toBe(400);
  });
});

describe('PUT /api/v1/monitor/{id}', () => {
  it('applies a partial update and replaces options like the recording', async () => {
    const r = await t.call('PUT', `/api/v1/monitor/${A.checkoutLatency.id}`, {
      name: 'renamed',
      options: { evaluation_delay: null, new_group_delay: 600, new_host_delay: null, thresholds: { critical: 2, warning: null } },
      priority: null,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: A.checkoutLatency.id, name: 'renamed', priority: null, query: expect.any(String) });
    expect(r.body.options).toEqual({
      evaluation_delay: null,
      new_group_delay: 600,
      new_host_delay: null,
      thresholds: { critical: 2 },
      notify_no_data: false,
      notify_audit: false,
      include_tags: true,
      silenced: {},
    });
    expect(r.body.modified).not.toBe(r.body.created);
    const again = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}`);
    expect(again.body.name).toBe('renamed');
    expect(again.body.tags).toEqual(['env:prod', 'service:checkout-api', 'team:checkout']);
  });

  it('keeps options when the body has none', async () => {
    const before = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}`);
    const r = await t.call('PUT', `/api/v1/monitor/${A.checkoutLatency.id}`, { tags: ['team:checkout'] });
    expect(r.body.options).toEqual(before.body.options);
    expect(r.body.tags).toEqual(['team:checkout']);
  });

  it('answers 404 with the recorded body', async () => {
    const r = await t.call('PUT', '/api/v1/monitor/0', { name: 'updated' });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: ['Monitor not found'] });
  });

  it('validates the new values', async () => {
    expect((await t.call('PUT', `/api/v1/monitor/${A.checkoutLatency.id}`, { query: 'query' })).status).toBe(400);
    expect((await t.call('PUT', `/api/v1/monitor/${A.checkoutLatency.id}`, { priority: 0 })).status).toBe(400);
    const typeChange = await t.call('PUT', `/api/v1/monitor/${A.checkoutLatency.id}`, { type: 'log alert' });
    expect(typeChange.status).toBe(400);
    const same = await t.call('PUT', `/api/v1/monitor/${A.checkoutLatency.id}`, { type: 'metric alert' });
    expect(same.status).toBe(200);
  });

  it('moves an ungrouped monitor to grouped when its query starts grouping', async () => {
    const r = await t.call('PUT', `/api/v1/monitor/${A.ungrouped.id}`, {
      query: 'sum(last_5m):sum:trace.http.request.errors{env:prod} by {host}.as_count() > 1',
    });
    expect(r.body.multi).toBe(true);
    const g = await t.call('GET', `/api/v1/monitor/${A.ungrouped.id}?group_states=all`);
    expect(g.body.state.groups).toEqual({});
  });
});

describe('DELETE /api/v1/monitor/{id}', () => {
  it('deletes, then answers 404 the second time', async () => {
    const created = await t.call('POST', '/api/v1/monitor', CURL_EXAMPLE);
    const r = await t.call('DELETE', `/api/v1/monitor/${created.body.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deleted_monitor_id: created.body.id });
    const again = await t.call('DELETE', `/api/v1/monitor/${created.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ errors: ['Monitor not found'] });
    expect((await t.call('GET', `/api/v1/monitor/${created.body.id}`)).status).toBe(404);
  });

  it('refuses to delete a monitor used by a composite unless force=true', async () => {
    const r = await t.call('DELETE', `/api/v1/monitor/${A.composite.references[0]}?force=false`);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatch(/referenced in composite monitors/);
    const forced = await t.call('DELETE', `/api/v1/monitor/${A.composite.references[0]}?force=true`);
    expect(forced.status).toBe(200);
  });
});

describe('POST /api/v1/monitor/validate', () => {
  it('answers 200 {} for a valid monitor', async () => {
    const r = await t.call('POST', '/api/v1/monitor/validate', CURL_EXAMPLE);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
  });

  it('answers the recorded 400 for an invalid one, and stores nothing', async () => {
    const before = (await t.call('GET', '/api/v1/monitor')).body.length;
    const r = await t.call('POST', '/api/v1/monitor/validate', { query: 'query', type: 'log alert' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errors: ["The value provided for parameter 'query' is invalid: invalid operator specified: "],
    });
    expect((await t.call('GET', '/api/v1/monitor')).body.length).toBe(before);
  });

  it('validates against an existing monitor', async () => {
    const ok = await t.call('POST', `/api/v1/monitor/${A.checkoutLatency.id}/validate`, CURL_EXAMPLE);
    expect(ok.status).toBe(200);
    const bad = await t.call('POST', `/api/v1/monitor/${A.checkoutLatency.id}/validate`, { query: 'query', type: 'log alert' });
    expect(bad.status).toBe(400);
    const missing = await t.call('POST', '/api/v1/monitor/99/validate', CURL_EXAMPLE);
    expect(missing.status).toBe(404);
  });
});

describe('GET /api/v1/monitor/can_delete', () => {
  it('lists deletable monitors and explains the others with 409', async () => {
    const ok = await t.call('GET', `/api/v1/monitor/can_delete?monitor_ids=${A.partiallyMuted.id}`);
    expect(ok.body).toEqual({ data: { ok: [A.partiallyMuted.id] }, errors: null });
    const no = await t.call('GET', `/api/v1/monitor/can_delete?monitor_ids=${A.partiallyMuted.id},${A.checkoutLatency.id}`);
    expect(no.status).toBe(409);
    expect(no.body.data.ok).toEqual([A.partiallyMuted.id]);
    expect(Object.keys(no.body.errors)).toEqual([String(A.checkoutLatency.id)]);
  });
});
