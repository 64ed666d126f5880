import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';

let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const A = DEMO_ANCHORS;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const UNKNOWN = '00000000-0000-1234-0000-000000000000';

function body(attributes: Record<string, unknown>) {
  return { data: { type: 'downtime', attributes } };
}

async function create(attributes: Record<string, unknown>) {
  const r = await t.call('POST', '/api/v2/downtime', body(attributes));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data as Json;
}

describe('POST /api/v2/downtime', () => {
  it('creates a downtime with the recorded defaults, relationships and included user', async () => {
    const r = await t.call(
      'POST',
      '/api/v2/downtime',
      body({ message: 'dark forest', monitor_identifier: { monitor_tags: ['cat:hat'] }, schedule: { start: null }, scope: 'test:x' }),
    );
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      type: 'downtime',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      attributes: {
        display_timezone: 'UTC',
        scope: 'test:x',
        notify_end_states: ['alert', 'no data', 'warn'],
        notify_end_types: ['expired'],
        message: 'dark forest',
        status: 'active',
        canceled: null,
        monitor_identifier: { monitor_tags: ['cat:hat'] },
        schedule: { start: '2025-03-10T12:00:00.000000+00:00', end: null },
        mute_first_recovery_notification: false,
        created: '2025-03-10T12:00:00.000000+00:00',
        modified: '2025-03-10T12:00:00.000000+00:00',
      },
      relationships: {
        monitor: { data: null },
        created_by: { data: { type: 'users', id: A.apiKeyOwner.uuid } },
      },
    });
    expect(r.body.included).toHaveLength(1);
    expect(r.body.included[0]).toMatchObject({
      type: 'users',
      id: A.apiKeyOwner.uuid,
      attributes: { handle: A.apiKeyOwner.handle, name: A.apiKeyOwner.name, status: 'Active', verified: true },
    });
  });

  it('mutes one monitor by id, with an end', async () => {
    const end = TEST_NOW_MS + 2 * HOUR;
    const d = await create({
      monitor_identifier: { monitor_id: A.checkoutLatency.id },
      scope: 'host:web-2',
      schedule: { end: iso(end) },
      message: 'deploy',
      notify_end_states: ['alert'],
      notify_end_types: ['canceled', 'expired'],
      mute_first_recovery_notification: true,
      display_timezone: 'Europe/Paris',
    });
    expect(d.attributes).toMatchObject({
      monitor_identifier: { monitor_id: A.checkoutLatency.id },
      schedule: { end: '2025-03-10T14:00:00.000000+00:00' },
      notify_end_states: ['alert'],
      notify_end_types: ['canceled', 'expired'],
      mute_first_recovery_notification: true,
      display_timezone: 'Europe/Paris',
    });
    expect(d.relationships.monitor.data).toEqual({ type: 'monitors', id: String(A.checkoutLatency.id) });
    const m = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}?with_downtimes=true`);
    expect(m.body.matching_downtimes).toEqual([
      expect.objectContaining({ id: d.id, groups: [A.checkoutLatency.alertGroup], scope: ['host:web-2'] }),
    ]);
    expect(m.body.options.silenced).toEqual({ 'host:web-2': Math.floor(end / 1000) });
  });

  it('is scheduled when it starts later, ended after its end, by the clock', async () => {
    const d = await create({
      monitor_identifier: { monitor_id: A.checkoutLatency.id },
      scope: '*',
      schedule: { start: iso(TEST_NOW_MS + HOUR), end: iso(TEST_NOW_MS + 2 * HOUR) },
    });
    expect(d.attributes.status).toBe('scheduled');
    t.clock.advance(HOUR + 1000);
    expect((await t.call('GET', `/api/v2/downtime/${d.id}`)).body.data.attributes.status).toBe('active');
    t.clock.advance(HOUR);
    expect((await t.call('GET', `/api/v2/downtime/${d.id}`)).body.data.attributes.status).toBe('ended');
  });

  it('rejects a keyless scope with the recorded message', async () => {
    const r = await t.call(
      'POST',
      '/api/v2/downtime',
      body({ monitor_identifier: { monitor_tags: ['cat:hat'] }, schedule: { start: null }, scope: 'BAD_SCOPE_MISSING_KEY_VALUE_FORMAT' }),
    );
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: ['All values must have a key'] });
  });

  it.each([
    ['top-level OR', { scope: 'host:a OR host:b' }, /top level/],
    ['deep nesting', { scope: 'a:b AND (c:d OR (e:f AND (g:h OR i:j)))' }, /nesting/],
    ['unbalanced', { scope: '(host:a' }, /Unbalanced/],
    ['missing scope', { scope: undefined }, /'scope' is a required property/],
    ['missing target', { monitor_identifier: undefined }, /'monitor_identifier' is a required property/],
    ['both targets', { monitor_identifier: { monitor_id: 1, monitor_tags: ['a:b'] } }, /exactly one/],
    ['empty tags', { monitor_identifier: { monitor_tags: [] } }, /too short/],
    ['too many tags', { monitor_identifier: { monitor_tags: Array.from({ length: 33 }, (_, i) => `t:${i}`) } }, /at most 32/],
    ['unknown monitor', { monitor_identifier: { monitor_id: 42 } }, /Monitor with id 42 not found/],
    ['unknown attribute', { bogus: 1 }, /Additional properties are not allowed \('bogus' was unexpected\)/],
    ['end before start', { schedule: { start: iso(TEST_NOW_MS), end: iso(TEST_NOW_MS - 1000) } }, /end must be after/],
    ['end equals start', { schedule: { start: iso(TEST_NOW_MS), end: iso(TEST_NOW_MS) } }, /end must be after/],
    ['bad date', { schedule: { end: 'tomorrow' } }, /ISO-8601/],
    ['start and recurrences', { schedule: { start: null, recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h' }] } }, /either start and end .* or recurrences/],
    ['bad end state', { notify_end_states: ['ok'] }, /is not one of/],
    ['bad end type', { notify_end_types: ['finished'] }, /is not one of/],
    ['bad timezone', { display_timezone: 'Mars/Olympus' }, /display_timezone/],
    ['bad message type', { message: 42 }, /is not of type 'string'/],
  ])('rejects %s', async (_name, over, message) => {
    const attrs: Record<string, unknown> = { monitor_identifier: { monitor_id: A.checkoutLatency.id }, scope: '*', ...over };
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete attrs[k];
    const r = await t.call('POST', '/api/v2/downtime', body(attrs));
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0]).toMatch(message);
  });

  it('answers a clear message for an empty list of recurrences', async () => {
    const r = await t.call(
      'POST',
      '/api/v2/downtime',
      body({ monitor_identifier: { monitor_id: A.checkoutLatency.id }, scope: '*', schedule: { recurrences: [], timezone: 'UTC' } }),
    );
    expect(r.body).toEqual({ errors: ['Invalid schedule.recurrences: give 1 to 5 recurrences (got 0)'] });
  });

  it('rejects a wrong envelope', async () => {
    expect((await t.call('POST', '/api/v2/downtime', {})).body).toEqual({ errors: ["'data' is a required property"] });
    expect((await t.call('POST', '/api/v2/downtime', { data: { type: 'monitor', attributes: {} } })).body).toEqual({
      errors: ["'monitor' is not one of ['downtime']"],
    });
    expect((await t.call('POST', '/api/v2/downtime', '{oops')).body).toEqual({ errors: ['Invalid JSON'] });
  });
});

describe('GET /api/v2/downtime', () => {
  it('lists every downtime oldest first, without relationships, with total_filtered_count', async () => {
    const r = await t.call('GET', '/api/v2/downtime');
    expect(r.status).toBe(200);
    expect(r.body.meta).toEqual({ page: { total_filtered_count: 6 } });
    expect(r.body.data).toHaveLength(6);
    expect(r.body).not.toHaveProperty('included');
    expect(r.body.data[0]).not.toHaveProperty('relationships');
    const statuses = Object.fromEntries(r.body.data.map((d: Json) => [d.id, d.attributes.status]));
    expect(statuses).toEqual({
      [A.ended.downtimeId]: 'ended',
      [A.indefinitelyMuted.downtimeId]: 'active',
      [A.fullyMuted.downtimeId]: 'active',
      [A.partiallyMuted.downtimeId]: 'active',
      [A.scheduled.downtimeId]: 'scheduled',
      // Daily 03:00-03:30 Berlin; the test clock is 13:00 Berlin time.
      [A.recurring.downtimeId]: 'scheduled',
    });
  });

  it('keeps only active ones with current_only=true', async () => {
    const r = await t.call('GET', '/api/v2/downtime?current_only=true');
    expect(r.body.data.map((d: Json) => d.attributes.status)).toEqual(['active', 'active', 'active']);
    expect(r.body.meta.page.total_filtered_count).toBe(3);
  });

  it('pages with page[offset] and page[limit]', async () => {
    const p0 = await t.call('GET', '/api/v2/downtime?page%5Blimit%5D=2');
    const p1 = await t.call('GET', '/api/v2/downtime?page%5Blimit%5D=2&page%5Boffset%5D=2');
    expect(p0.body.data).toHaveLength(2);
    expect(p1.body.data).toHaveLength(2);
    expect(p1.body.data[0].id).not.toBe(p0.body.data[0].id);
    expect(p0.body.meta.page.total_filtered_count).toBe(6);
  });

  it('includes creators and monitors when asked', async () => {
    const r = await t.call('GET', '/api/v2/downtime?include=created_by,monitor');
    expect(r.body.data[0].relationships).toBeDefined();
    const types = r.body.included.map((i: Json) => i.type);
    expect(types).toContain('users');
    expect(types).toContain('monitors');
    const mon = r.body.included.find((i: Json) => i.type === 'monitors' && i.id === A.fullyMuted.id);
    expect(mon).toEqual({ type: 'monitors', id: A.fullyMuted.id, attributes: { name: A.fullyMuted.name } });
    expect((await t.call('GET', '/api/v2/downtime?include=everything')).status).toBe(400);
  });
});

describe('GET /api/v2/downtime/{id}', () => {
  it('returns one downtime without relationships', async () => {
    const r = await t.call('GET', `/api/v2/downtime/${A.indefinitelyMuted.downtimeId}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['data']);
    expect(r.body.data).toMatchObject({
      id: A.indefinitelyMuted.downtimeId,
      type: 'downtime',
      attributes: { scope: 'env:staging', message: A.indefinitelyMuted.message, schedule: { end: null } },
    });
    expect(r.body.data).not.toHaveProperty('relationships');
  });

  it('answers the recorded 400 for a non-UUID and 404 for an unknown one', async () => {
    const bad = await t.call('GET', '/api/v2/downtime/INVALID_UUID_LENGTH');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errors: ['Invalid URL param: downtime_id must be an uuid'] });
    const missing = await t.call('GET', `/api/v2/downtime/${UNKNOWN}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ['Downtime not found'] });
  });
});

describe('PATCH /api/v2/downtime/{id}', () => {
  it('updates the message and keeps the rest', async () => {
    const d = await create({ monitor_identifier: { monitor_tags: ['cat:hat'] }, scope: 'test:x', message: 'before' });
    t.clock.advance(5000);
    const r = await t.call('PATCH', `/api/v2/downtime/${d.id}`, { data: { id: d.id, type: 'downtime', attributes: { message: 'light speed' } } });
    expect(r.status).toBe(200);
    expect(r.body.data.attributes).toMatchObject({ message: 'light speed', scope: 'test:x', status: 'active' });
    expect(r.body.data.attributes.modified).not.toBe(r.body.data.attributes.created);
    expect(r.body.data.relationships.created_by.data.id).toBe(A.apiKeyOwner.uuid);
    expect(r.body.included[0].type).toBe('users');
  });

  it('extends the end, changes scope and target', async () => {
    const d = await create({ monitor_identifier: { monitor_id: A.checkoutLatency.id }, scope: '*', schedule: { end: iso(TEST_NOW_MS + HOUR) } });
    const r = await t.call('PATCH', `/api/v2/downtime/${d.id}`, {
      data: {
        type: 'downtime',
        attributes: { schedule: { end: iso(TEST_NOW_MS + 3 * HOUR) }, scope: 'host:web-1', monitor_identifier: { monitor_tags: ['team:checkout'] } },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.data.attributes).toMatchObject({
      scope: 'host:web-1',
      monitor_identifier: { monitor_tags: ['team:checkout'] },
      schedule: { start: d.attributes.schedule.start, end: '2025-03-10T15:00:00.000000+00:00' },
    });
    const forever = await t.call('PATCH', `/api/v2/downtime/${d.id}`, { data: { type: 'downtime', attributes: { schedule: { end: null } } } });
    expect(forever.body.data.attributes.schedule.end).toBeNull();
  });

  it('answers the recorded 400 for an unknown attribute and 404 for an unknown id', async () => {
    const bad = await t.call('PATCH', `/api/v2/downtime/${A.fullyMuted.downtimeId}`, {
      data: { attributes: { invalid_field: 'sophon' }, id: A.fullyMuted.downtimeId, type: 'downtime' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errors: ["Additional properties are not allowed ('invalid_field' was unexpected)"] });
    const missing = await t.call('PATCH', `/api/v2/downtime/${UNKNOWN}`, {
      data: { attributes: { message: 'test msg' }, id: UNKNOWN, type: 'downtime' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ['Downtime not found'] });
    expect((await t.call('PATCH', '/api/v2/downtime/nope', { data: { type: 'downtime', attributes: {} } })).status).toBe(400);
  });

  it('rejects an end before the start, a mismatched id, and changes to a cancelled downtime', async () => {
    const d = await create({ monitor_identifier: { monitor_id: A.checkoutLatency.id }, scope: '*' });
    const early = await t.call('PATCH', `/api/v2/downtime/${d.id}`, {
      data: { type: 'downtime', attributes: { schedule: { end: iso(TEST_NOW_MS - HOUR) } } },
    });
    expect(early.status).toBe(400);
    const mismatch = await t.call('PATCH', `/api/v2/downtime/${d.id}`, {
      data: { id: A.fullyMuted.downtimeId, type: 'downtime', attributes: { message: 'x' } },
    });
    expect(mismatch.status).toBe(400);
    await t.call('DELETE', `/api/v2/downtime/${d.id}`);
    const canceled = await t.call('PATCH', `/api/v2/downtime/${d.id}`, { data: { type: 'downtime', attributes: { message: 'x' } } });
    expect(canceled.status).toBe(400);
  });
});

describe('DELETE /api/v2/downtime/{id}', () => {
  it('cancels with 204 and an empty body, twice', async () => {
    const r = await t.call('DELETE', `/api/v2/downtime/${A.fullyMuted.downtimeId}`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const again = await t.call('DELETE', `/api/v2/downtime/${A.fullyMuted.downtimeId}`);
    expect(again.status).toBe(204);
    const got = await t.call('GET', `/api/v2/downtime/${A.fullyMuted.downtimeId}`);
    expect(got.body.data.attributes).toMatchObject({ status: 'canceled', canceled: '2025-03-10T12:00:00.000000+00:00' });
    const m = await t.call('GET', `/api/v1/monitor/${A.fullyMuted.id}?with_downtimes=true`);
    expect(m.body.matching_downtimes).toEqual([]);
    expect(m.body.options.silenced).toEqual({});
  });

  it('answers 404 naming the id, and 400 for a non-UUID', async () => {
    const r = await t.call('DELETE', `/api/v2/downtime/${UNKNOWN}`);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: [`Downtime ${UNKNOWN} not found`] });
    expect((await t.call('DELETE', '/api/v2/downtime/123')).status).toBe(400);
  });
});

describe('monitor_tags targets', () => {
  it('mute every monitor carrying all the tags, and "*" mutes every monitor', async () => {
    await create({ monitor_identifier: { monitor_tags: ['team:search', 'env:prod'] }, scope: '*' });
    const list = await t.call('GET', '/api/v1/monitor?with_downtimes=true');
    for (const m of list.body) {
      const tagged = m.tags.includes('team:search') && m.tags.includes('env:prod');
      const extra = m.matching_downtimes.filter((d: Json) => d.monitor_id === null && d.scope[0] === '*');
      expect(extra.length, m.name).toBe(tagged ? 1 : 0);
    }
    await create({ monitor_identifier: { monitor_tags: ['*'] }, scope: 'env:staging' });
    const after = await t.call('GET', `/api/v1/monitor/${A.checkoutLatency.id}?with_downtimes=true`);
    expect(after.body.matching_downtimes).toEqual([]); // no staging group there
    const staging = await t.call('GET', '/api/v1/monitor?with_downtimes=true&monitor_tags=env:staging');
    for (const m of staging.body) {
      const hasGroups = (await t.call('GET', `/api/v1/monitor/${m.id}?group_states=all`)).body.state.groups;
      const stagingGroups = Object.keys(hasGroups).some((g) => g.includes('env:staging'));
      expect(m.matching_downtimes.some((d: Json) => d.scope[0] === 'env:staging')).toBe(stagingGroups);
    }
  });
});
