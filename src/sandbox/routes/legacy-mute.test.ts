import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';
import { v1ScopeToV2 } from './legacy-mute';

let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const A = DEMO_ANCHORS;
const M = A.checkoutLatency.id;
const END = Math.floor(TEST_NOW_MS / 1000) + 3600;

async function downtimesOf(id: number) {
  const r = await t.call('GET', '/api/v2/downtime');
  return r.body.data.filter((d: Json) => d.attributes.monitor_identifier.monitor_id === id);
}

describe('v1ScopeToV2', () => {
  it('converts comma lists to AND, and missing to *', () => {
    expect(v1ScopeToV2(undefined)).toBe('*');
    expect(v1ScopeToV2('*')).toBe('*');
    expect(v1ScopeToV2('host:a')).toBe('host:a');
    expect(v1ScopeToV2('env:prod,host:web-1')).toBe('env:prod AND host:web-1');
    expect(v1ScopeToV2(['env:prod', 'role:db'])).toBe('env:prod AND role:db');
  });
});

describe('POST /api/v1/monitor/{id}/mute', () => {
  it('creates a v2 downtime and answers the monitor with options.silenced', async () => {
    const r = await t.call('POST', `/api/v1/monitor/${M}/mute`, { scope: 'host:web-2', end: END });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(M);
    expect(r.body.options.silenced).toEqual({ 'host:web-2': END });
    const dts = await downtimesOf(M);
    expect(dts).toHaveLength(1);
    expect(dts[0].attributes).toMatchObject({
      scope: 'host:web-2',
      status: 'active',
      schedule: { end: '2025-03-10T13:00:00.000000+00:00' },
    });
    const m = await t.call('GET', `/api/v1/monitor/${M}?with_downtimes=true`);
    expect(m.body.matching_downtimes).toEqual([expect.objectContaining({ id: dts[0].id, groups: [A.checkoutLatency.alertGroup] })]);
    const matches = await t.call('GET', `/api/v2/monitor/${M}/downtime_matches`);
    expect(matches.body.data[0].id).toBe(dts[0].id);
  });

  it('takes query-string parameters (the documented form) and mutes everything by default', async () => {
    const r = await t.call('POST', `/api/v1/monitor/${M}/mute?end=${END}`);
    expect(r.status).toBe(200);
    expect(r.body.options.silenced).toEqual({ '*': END });
    const forever = await t.call('POST', `/api/v1/monitor/${A.ungrouped.id}/mute`);
    expect(forever.body.options.silenced).toEqual({ '*': null });
  });

  it('converts a comma scope to AND', async () => {
    const r = await t.call('POST', `/api/v1/monitor/${M}/mute`, { scope: 'env:prod,host:web-1' });
    expect(r.body.options.silenced).toEqual({ 'env:prod AND host:web-1': null });
  });

  it('rejects bad input and unknown monitors', async () => {
    expect((await t.call('POST', `/api/v1/monitor/${M}/mute`, { scope: 'keyless' })).body).toEqual({ errors: ['All values must have a key'] });
    expect((await t.call('POST', `/api/v1/monitor/${M}/mute`, { end: 1 })).status).toBe(400);
    expect((await t.call('POST', `/api/v1/monitor/${M}/mute`, { end: 'soon' })).status).toBe(400);
    const missing = await t.call('POST', '/api/v1/monitor/123/mute', {});
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ['Monitor not found'] });
  });
});

describe('POST /api/v1/monitor/{id}/unmute', () => {
  it('cancels the downtimes with the same (normalized) scope only', async () => {
    await t.call('POST', `/api/v1/monitor/${M}/mute`, { scope: 'host:web-1,env:prod' });
    await t.call('POST', `/api/v1/monitor/${M}/mute`, { scope: 'host:web-3' });
    const r = await t.call('POST', `/api/v1/monitor/${M}/unmute`, { scope: 'env:prod AND host:WEB-1' });
    expect(r.status).toBe(200);
    expect(r.body.options.silenced).toEqual({ 'host:web-3': null });
    const statuses = (await downtimesOf(M)).map((d: Json) => [d.attributes.scope, d.attributes.status]);
    expect(statuses).toEqual([
      ['host:web-1 AND env:prod', 'canceled'],
      ['host:web-3', 'active'],
    ]);
  });

  it('cancels everything targeting the monitor with all_scopes', async () => {
    await t.call('POST', `/api/v1/monitor/${M}/mute`, { scope: 'host:web-1' });
    await t.call('POST', `/api/v1/monitor/${M}/mute`, {});
    const r = await t.call('POST', `/api/v1/monitor/${M}/unmute?all_scopes=true`);
    expect(r.body.options.silenced).toEqual({});
    expect((await downtimesOf(M)).every((d: Json) => d.attributes.status === 'canceled')).toBe(true);
  });

  it('unmutes "*" by default, and leaves tag-targeted downtimes alone', async () => {
    await t.call('POST', '/api/v2/downtime', {
      data: { type: 'downtime', attributes: { monitor_identifier: { monitor_tags: ['team:checkout'] }, scope: '*' } },
    });
    await t.call('POST', `/api/v1/monitor/${M}/mute`, {});
    const r = await t.call('POST', `/api/v1/monitor/${M}/unmute`, {});
    // The monitor_tags downtime still mutes it.
    expect(r.body.options.silenced).toEqual({ '*': null });
    expect((await downtimesOf(M))[0].attributes.status).toBe('canceled');
  });

  it('cancels a recurring window only during an occurrence (then it is a mute); otherwise it stays scheduled', async () => {
    const schedule = (start: string) => ({ recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start }], timezone: 'UTC' });
    const create = async (start: string) =>
      (await t.call('POST', '/api/v2/downtime', { data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: M }, scope: '*', schedule: schedule(start) } } }))
        .body.data.id as string;
    const during = await create('2025-03-01T11:30');
    const later = await create('2025-03-01T20:00');
    const r = await t.call('POST', `/api/v1/monitor/${M}/unmute?all_scopes=true`);
    expect(r.body.options.silenced).toEqual({});
    const statuses = Object.fromEntries((await downtimesOf(M)).map((d: Json) => [d.id, d.attributes.status]));
    expect(statuses).toEqual({ [during]: 'canceled', [later]: 'scheduled' });
  });

  it('answers 404 for an unknown monitor', async () => {
    expect((await t.call('POST', '/api/v1/monitor/5/unmute', {})).status).toBe(404);
  });
});
