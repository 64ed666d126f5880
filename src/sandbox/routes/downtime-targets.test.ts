import { describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { FAST_DELIVERY } from '../testing/check-helpers';
import { ddTime, HOUR, listedIds, postDowntime, recurring } from '../testing/downtime-helpers';
import { createTempSandbox, disposedAfterEach, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';

const make = disposedAfterEach(createTempSandbox);
const A = DEMO_ANCHORS;
const SEARCH_LATENCY = A.bulkMuteTeam.monitorIds[0]!;

async function monitor(t: TempSandbox, id: number): Promise<Json> {
  return (await t.call('GET', `/api/v1/monitor/${id}?with_downtimes=true&group_states=all`)).body;
}

async function createLateServiceCheck(t: TempSandbox, tags: string[]): Promise<number> {
  const r = await t.call('POST', '/api/v1/monitor', {
    name: 'late.ok service check',
    type: 'service check',
    query: '"late.ok".over("*").by("host").last(1).count_by_status()',
    message: 'late.ok is down on {{host.name}} @slack-late-oncall',
    tags,
    options: { thresholds: { critical: 1, warning: 1, ok: 1 } },
  });
  expect(r.status, r.text).toBe(200);
  return r.body.id;
}

describe('monitor_tags targets catch monitors created after the window', () => {
  it('a monitor created later with all the tags is matched; one missing a tag is not', async () => {
    const t = make();
    const w = await postDowntime(t, { monitor_identifier: { monitor_tags: ['team:late', 'env:prod'] }, scope: '*', schedule: { end: ddTime(TEST_NOW_MS + HOUR) } });
    const tagged = await createLateServiceCheck(t, ['team:late', 'env:prod', 'service:late']);
    const partly = await createLateServiceCheck(t, ['team:late']);

    const m = await monitor(t, tagged);
    expect(m.matching_downtimes).toEqual([expect.objectContaining({ id: w.id, scope: ['*'], end: (TEST_NOW_MS + HOUR) / 1000 })]);
    expect(m.options.silenced).toEqual({ '*': (TEST_NOW_MS + HOUR) / 1000 });
    const matches = await t.call('GET', `/api/v2/monitor/${tagged}/downtime_matches`);
    expect(matches.body.data.map((d: Json) => d.id)).toEqual([w.id]);
    expect((await monitor(t, partly)).matching_downtimes).toEqual([]);
  });

  it('the check engine suppresses the later monitor\'s groups, created by runs after the window', async () => {
    const t = make({ webhookDelivery: FAST_DELIVERY });
    const w = await postDowntime(t, { monitor_identifier: { monitor_tags: ['team:late'] }, scope: 'host:h1', schedule: { end: ddTime(TEST_NOW_MS + HOUR) } });
    const id = await createLateServiceCheck(t, ['team:late']);
    await t.call('POST', '/api/v1/check_run', [
      { check: 'late.ok', host_name: 'h1', status: 2, tags: [] },
      { check: 'late.ok', host_name: 'h2', status: 2, tags: [] },
    ]);
    await t.sandbox.idle();
    const log = (await t.call('GET', `/api/sandbox/notifications?monitor_id=${id}`)).body.notifications;
    expect(log.map((n: Json) => [n.group, n.outcome, n.downtime_id])).toEqual([
      ['host:h2', 'delivered', null],
      ['host:h1', 'suppressed', w.id],
    ]);
    expect((await monitor(t, id)).matching_downtimes).toEqual([expect.objectContaining({ id: w.id, groups: ['host:h1'] })]);
  });

  it('a recurring tag window matches a later monitor only during an occurrence', async () => {
    const t = make();
    const w = await postDowntime(t, { monitor_identifier: { monitor_tags: ['team:late'] }, scope: '*', schedule: recurring('FREQ=DAILY', '1h', '2025-03-01T20:00', 'UTC') });
    const id = await createLateServiceCheck(t, ['team:late']);
    expect((await monitor(t, id)).matching_downtimes).toEqual([]);
    t.clock.now = Date.UTC(2025, 2, 10, 20, 30);
    expect((await monitor(t, id)).matching_downtimes).toEqual([
      expect.objectContaining({ id: w.id, start: Date.UTC(2025, 2, 10, 20) / 1000, end: Date.UTC(2025, 2, 10, 21) / 1000 }),
    ]);
  });
});

describe('every reader honours a recurring window\'s occurrences (the seeded nightly search reindex)', () => {
  const DURING = Date.UTC(2025, 2, 11, 2, 10); // 03:10 in Berlin
  const OCCURRENCE = { start: Date.UTC(2025, 2, 11, 2), end: Date.UTC(2025, 2, 11, 2, 30) };

  it('mutes nothing outside an occurrence', async () => {
    const t = make();
    expect((await monitor(t, SEARCH_LATENCY)).matching_downtimes).toEqual([]);
    expect((await t.call('GET', `/api/v2/monitor/${SEARCH_LATENCY}/downtime_matches`)).body.data).toEqual([]);
    const muted = await t.call('GET', `/api/v1/monitor/groups/search?query=${encodeURIComponent('muted:true tag:"team:search"')}&per_page=1000`);
    expect(muted.body.metadata.total_count).toBe(0);
    expect(await listedIds(t, true)).not.toContain(A.recurring.downtimeId);
  });

  it('during one: matching_downtimes, silenced, downtime_matches, group search and current_only show the occurrence', async () => {
    const t = make();
    t.clock.now = DURING;
    const m = await monitor(t, SEARCH_LATENCY);
    const prodGroups = Object.keys(m.state.groups).filter((g) => g.startsWith('env:prod,'));
    expect(prodGroups.length).toBeGreaterThan(0);
    expect(m.matching_downtimes).toEqual([
      { id: A.recurring.downtimeId, monitor_id: null, start: OCCURRENCE.start / 1000, end: OCCURRENCE.end / 1000, scope: ['env:prod'], groups: prodGroups, active: true },
    ]);
    expect(m.options.silenced).toEqual({ 'env:prod': OCCURRENCE.end / 1000 });
    const matches = await t.call('GET', `/api/v2/monitor/${SEARCH_LATENCY}/downtime_matches`);
    expect(matches.body.data[0].attributes).toEqual({ groups: prodGroups, scope: 'env:prod', start: ddTime(OCCURRENCE.start), end: ddTime(OCCURRENCE.end) });
    const muted = await t.call('GET', `/api/v1/monitor/groups/search?query=${encodeURIComponent(`muted:true monitor_id:${SEARCH_LATENCY}`)}&per_page=1000`);
    expect(muted.body.groups.map((g: Json) => g.group).sort()).toEqual([...prodGroups].sort());
    expect(muted.body.groups[0]).toMatchObject({ muted_until_ts: OCCURRENCE.end / 1000, muted_remaining: 20 * 60 });
    expect(await listedIds(t, true)).toContain(A.recurring.downtimeId);
  });

  it('the sandbox history lists each occurrence as its own mute', async () => {
    const t = make();
    t.clock.now = DURING;
    const from = Date.UTC(2025, 2, 10) / 1000;
    const h = await t.call('GET', `/api/sandbox/monitor/${SEARCH_LATENCY}/transitions?from=${from}`);
    const nightly = h.body.mutes.filter((x: Json) => x.downtime_id === A.recurring.downtimeId);
    expect(nightly.map((x: Json) => [x.start, x.end, x.status])).toEqual([
      [Date.UTC(2025, 2, 10, 2), Date.UTC(2025, 2, 10, 2, 30), 'ended'],
      [OCCURRENCE.start, OCCURRENCE.end, 'active'],
    ]);
  });
});
