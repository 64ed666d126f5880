import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from './seed/anchors';
import { expectExact, expectShape, rec, RECORDINGS_DIR as DIR } from './testing/recorded';
import { createTempSandbox, type Json, type TempSandbox } from './testing/temp-sandbox';

/**
 * The sandbox's answers against the recorded real Datadog bodies in
 * ../shared/conformance/datadog: same keys, same JSON types (null is
 * compatible with anything; arrays compare their first element).
 * Incidents and teams: conformance-incidents.test.ts, conformance-teams.test.ts.
 */
const A = DEMO_ANCHORS;

/**
 * Documented deviations: matching_downtimes[].id is the v2 downtime UUID (a
 * string) where the real v1 id is an integer, because the sandbox only has v2
 * downtimes.
 */
const MATCHING_DOWNTIME_ID = '$.matching_downtimes[0].id';

let t: TempSandbox;
beforeAll(() => {
  t = createTempSandbox();
});
afterAll(() => t.dispose());

describe('conformance with recorded Datadog bodies', () => {
  it('has the recordings', () => {
    expect(fs.existsSync(path.join(DIR, 'INDEX.md')), DIR).toBe(true);
  });

  describe('monitors', () => {
    it('list items (page0, page1)', async () => {
      const p0 = await t.call('GET', '/api/v1/monitor?page_size=2&page=0&with_downtimes=true');
      expectShape('monitors.list.page0.response.json', p0, 200);
      expect(p0.body).toHaveLength(2);
      const p1 = await t.call('GET', '/api/v1/monitor?page_size=2&page=1&with_downtimes=true');
      expectShape('monitors.list.page1.response.json', p1, 200);
    });

    it('get with downtimes (none, and a muted monitor)', async () => {
      // The recordings GET the log monitor their scenario created; so do we.
      const created = await t.call('POST', '/api/v1/monitor', rec('monitors.create.log_alert.request.json'));
      expectShape(
        'monitors.get.with_downtimes.response.json',
        await t.call('GET', `/api/v1/monitor/${created.body.id}?with_downtimes=true`),
        200,
      );
      // The recorded scenario muted it with a v1 downtime for "*"; the legacy mute does the same here.
      const end = Math.floor(t.clock.now / 1000) + 7 * 86400;
      await t.call('POST', `/api/v1/monitor/${created.body.id}/mute`, { scope: '*', end });
      const muted = await t.call('GET', `/api/v1/monitor/${created.body.id}?with_downtimes=true`);
      expectShape('monitors.get.with_matching_downtimes.response.json', muted, 200, { ignore: [MATCHING_DOWNTIME_ID] });
      expect(muted.body.matching_downtimes).toHaveLength(1);
      expect(typeof muted.body.matching_downtimes[0].id).toBe('string');
      expect(muted.body.options.silenced).toEqual({ '*': end });
      expect(muted.body.matching_downtimes[0].scope).toEqual(['*']);
    });

    it('get a synthetics monitor', async () => {
      const synth = (await t.call('GET', '/api/v1/monitor')).body.find((m: Json) => m.type === 'synthetics alert');
      expectShape('monitors.get.synthetics.response.json', await t.call('GET', `/api/v1/monitor/${synth.id}`), 200);
    });

    it.each([
      'monitors.create.log_alert',
      'monitors.create.metric_alert',
      'monitors.create.metric_custom_schedule',
      'monitors.create.metric_restricted_roles',
      'monitors.create.rum_formula',
    ])('create: %s', async (name) => {
      const r = await t.call('POST', '/api/v1/monitor', rec(`${name}.request.json`));
      expectShape(`${name}.response.json`, r, 200);
      const recorded = rec(`${name}.response.json`);
      expect(r.body.type).toBe(recorded.type);
      expect(r.body.multi).toBe(recorded.multi);
      expect(r.body.overall_state).toBe(recorded.overall_state);
      expect(r.body.options.silenced).toEqual({});
    });

    it('create 400 (recorded request, exact body)', async () => {
      expectExact('monitors.create.400.response.json', await t.call('POST', '/api/v1/monitor', rec('monitors.create.400.request.json')), 400);
    });

    it('update and update 404', async () => {
      const created = await t.call('POST', '/api/v1/monitor', rec('monitors.create.log_alert.request.json'));
      const r = await t.call('PUT', `/api/v1/monitor/${created.body.id}`, rec('monitors.update.request.json'));
      expectShape('monitors.update.response.json', r, 200);
      expect(r.body.options.thresholds).toEqual(rec('monitors.update.response.json').options.thresholds);
      expectExact('monitors.update.404.response.json', await t.call('PUT', '/api/v1/monitor/0', rec('monitors.update.404.request.json')), 404);
    });

    it('delete and the second delete', async () => {
      const created = await t.call('POST', '/api/v1/monitor', rec('monitors.create.log_alert.request.json'));
      expectShape('monitors.delete.response.json', await t.call('DELETE', `/api/v1/monitor/${created.body.id}`), 200);
      expectExact('monitors.delete.404_already_deleted.response.json', await t.call('DELETE', `/api/v1/monitor/${created.body.id}`), 404);
    });

    it('get 404 and bad group_states', async () => {
      expectExact('monitors.get.404.response.json', await t.call('GET', '/api/v1/monitor/12345'), 404);
      expectExact('monitors.list.400_bad_group_states.response.json', await t.call('GET', '/api/v1/monitor?group_states=notagroupstate'), 400);
    });

    it('validate: 200 {}, multi alert, 400, existing 400', async () => {
      expectExact('monitors.validate.response.json', await t.call('POST', '/api/v1/monitor/validate', rec('monitors.validate.request.json')), 200);
      expectExact(
        'monitors.validate.multi_alert.response.json',
        await t.call('POST', '/api/v1/monitor/validate', rec('monitors.validate.multi_alert.request.json')),
        200,
      );
      expectExact('monitors.validate.400.response.json', await t.call('POST', '/api/v1/monitor/validate', rec('monitors.validate.400.request.json')), 400);
      expectExact(
        'monitors.validate_existing.400.response.json',
        await t.call('POST', `/api/v1/monitor/${A.checkoutLatency.id}/validate`, rec('monitors.validate_existing.400.request.json')),
        400,
      );
    });

    it('can_delete', async () => {
      expectShape('monitors.can_delete.response.json', await t.call('GET', `/api/v1/monitor/can_delete?monitor_ids=${A.partiallyMuted.id}`), 200);
    });

    it('group search and its 400', async () => {
      const r = await t.call('GET', '/api/v1/monitor/groups/search');
      expectShape('monitors.groups_search.response.json', r, 200);
      // Every counts facet of the recording, with items shaped {count, name}.
      expect(Object.keys(r.body.counts)).toEqual(expect.arrayContaining(Object.keys(rec('monitors.groups_search.response.json').counts)));
      expectExact('monitors.groups_search.400.response.json', await t.call('GET', '/api/v1/monitor/groups/search?query=status%3Anotastatus'), 400);
    });
  });

  describe('downtimes v2', () => {
    it('create (recorded request) and its 400', async () => {
      const r = await t.call('POST', '/api/v2/downtime', rec('downtimes.create.request.json'));
      expectShape('downtimes.create.response.json', r, 200);
      expect(r.body.data.attributes.notify_end_types).toEqual(rec('downtimes.create.response.json').data.attributes.notify_end_types);
      expectExact('downtimes.create.400.response.json', await t.call('POST', '/api/v2/downtime', rec('downtimes.create.400.request.json')), 400);
    });

    it('get, get 404, get 400', async () => {
      // The recording is a monitor_tags downtime, like the seeded scheduled one.
      expectShape('downtimes.get.response.json', await t.call('GET', `/api/v2/downtime/${A.scheduled.downtimeId}`), 200);
      expectExact('downtimes.get.404.response.json', await t.call('GET', '/api/v2/downtime/00000000-0000-1234-0000-000000000000'), 404);
      expectExact('downtimes.get.400_invalid_uuid.response.json', await t.call('GET', '/api/v2/downtime/INVALID_UUID_LENGTH'), 400);
    });

    it('list, and its pages', async () => {
      // The recorded lists hold monitor_tags downtimes only; list the same kind from an empty org.
      const e = createTempSandbox({ seed: 'empty' });
      try {
        for (let i = 0; i < 3; i++) {
          const attrs = { monitor_identifier: { monitor_tags: ['*'] }, scope: `host:"java-hostsMuteErrorsTest-local-${i}"` };
          expect((await e.call('POST', '/api/v2/downtime', { data: { type: 'downtime', attributes: attrs } })).status).toBe(200);
        }
        expectShape('downtimes.list.response.json', await e.call('GET', '/api/v2/downtime'), 200);
        const p0 = await e.call('GET', '/api/v2/downtime?page%5Blimit%5D=2');
        expectShape('downtimes.list.page0.response.json', p0, 200);
        expect(p0.body.meta).toEqual(rec('downtimes.list.page0.response.json').meta);
        const p1 = await e.call('GET', '/api/v2/downtime?page%5Blimit%5D=2&page%5Boffset%5D=2');
        expectShape('downtimes.list.page1.response.json', p1, 200);
        expect(p1.body.data).toHaveLength(1);
      } finally {
        e.dispose();
      }
      // The demo org's list, with monitor_id targets, still has the recorded envelope.
      const demo = await t.call('GET', '/api/v2/downtime');
      expectShape('downtimes.list.response.json', demo, 200, { ignore: ['$.data[0].attributes.monitor_identifier'] });
    });

    it('update, update 400, update 404', async () => {
      const created = await t.call('POST', '/api/v2/downtime', rec('downtimes.create.request.json'));
      const req = rec('downtimes.update.request.json');
      req.data.id = created.body.data.id;
      expectShape('downtimes.update.response.json', await t.call('PATCH', `/api/v2/downtime/${created.body.data.id}`, req), 200);
      const bad = rec('downtimes.update.400.request.json');
      bad.data.id = created.body.data.id;
      expectExact('downtimes.update.400.response.json', await t.call('PATCH', `/api/v2/downtime/${created.body.data.id}`, bad), 400);
      expectExact(
        'downtimes.update.404.response.json',
        await t.call('PATCH', '/api/v2/downtime/00000000-0000-1234-0000-000000000000', rec('downtimes.update.404.request.json')),
        404,
      );
    });

    it('cancel: 204 twice, 404', async () => {
      const created = await t.call('POST', '/api/v2/downtime', rec('downtimes.create.request.json'));
      for (let i = 0; i < 2; i++) {
        const r = await t.call('DELETE', `/api/v2/downtime/${created.body.data.id}`);
        expect(r.status).toBe(204);
        expect(r.text).toBe('');
      }
      expectExact('downtimes.cancel.404.response.json', await t.call('DELETE', '/api/v2/downtime/00000000-0000-1234-0000-000000000000'), 404);
    });

    it('downtime_matches and its 404', async () => {
      expectShape('downtimes.monitor_downtime_matches.response.json', await t.call('GET', `/api/v2/monitor/${A.fullyMuted.id}/downtime_matches`), 200);
      expectExact('downtimes.monitor_downtime_matches.404.response.json', await t.call('GET', '/api/v2/monitor/0/downtime_matches'), 404);
    });
  });

  it('auth 403', async () => {
    expectExact('auth.validate.403.response.json', await t.call('GET', '/api/v1/validate', undefined, { 'DD-API-KEY': 'wrong' }), 403);
  });
});
