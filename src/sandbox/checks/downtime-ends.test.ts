import { afterEach, describe, expect, it } from 'vitest';
import { APP_OK, harness, trackedHarnesses, type CheckHarness } from '../testing/check-helpers';
import { ddTime, HOUR, MIN, postDowntime, recurring } from '../testing/downtime-helpers';
import { makeTempDir, type Json } from '../testing/temp-sandbox';

const { make, receiver, keepDir } = trackedHarnesses(afterEach);

const ALERT_MSG = 'app.ok is CRITICAL on app-1:  @webhook-ops-bridge @slack-ops-alerts';

/** A downtime on the app.ok monitor, ending `minutes` from the fake clock's now. */
function muteApp(h: CheckHarness, scope: string, minutes: number, extra: Record<string, unknown> = {}): Promise<Json> {
  return postDowntime(h.t, {
    monitor_identifier: { monitor_id: APP_OK.id },
    scope,
    schedule: { end: ddTime(h.t.clock.now + minutes * MIN) },
    ...extra,
  });
}

/** The log rows of end notifications (their transition says "downtime …"), oldest first. */
async function endRows(h: CheckHarness): Promise<Json[]> {
  return (await h.notifications()).filter((n) => n.transition.startsWith('downtime ')).reverse();
}

describe('a downtime that expires notifies what is still wrong (notify_end_types, notify_end_states)', () => {
  it('notifies each covered group in a notify_end_states state once, to its handles, as a transition would; OK groups get nothing', async () => {
    const h = make();
    const r = await receiver(h);
    await muteApp(h, '*', 30);
    await h.submit({ host_name: 'app-1', status: 2 }, { host_name: 'app-2', status: 0 });
    expect(r.requests).toHaveLength(0);

    await h.advanceAndTick(31 * MIN);
    const rows = await endRows(h);
    expect(rows.map((n) => [n.group, n.handle, n.outcome, n.transition, n.from_status, n.to_status])).toEqual([
      ['host:app-1', '@webhook-ops-bridge', 'delivered', 'downtime ended: Alert', 'Alert', 'Alert'],
      ['host:app-1', '@slack-ops-alerts', 'delivered', 'downtime ended: Alert', 'Alert', 'Alert'],
    ]);
    expect(rows[0]).toMatchObject({ message: ALERT_MSG, downtime_id: null, at: h.t.clock.now });
    expect(r.requests.map((q) => JSON.parse(q.body).title)).toEqual([`[Triggered on {host:app-1}] ${APP_OK.name}`]);
    expect((await h.groups())['host:app-1'].last_notified_ts).toBe(Math.floor(h.t.clock.now / 1000));

    // Exactly once: later ticks and runs with the same status add nothing.
    await h.advanceAndTick(MIN);
    await h.submit({ host_name: 'app-1', status: 2 });
    await h.advanceAndTick(HOUR);
    expect(await endRows(h)).toHaveLength(2);
    expect(r.requests).toHaveLength(1);
  });

  it('notify_end_states picks the states: a Warn group is notified, an Alert one is not', async () => {
    const h = make();
    await muteApp(h, '*', 10, { notify_end_states: ['warn'] });
    await h.submit({ host_name: 'app-1', status: 2 }, { host_name: 'app-2', status: 1 });
    await h.advanceAndTick(11 * MIN);
    expect((await endRows(h)).map((n) => [n.group, n.transition])).toEqual([
      ['host:app-2', 'downtime ended: Warn'],
      ['host:app-2', 'downtime ended: Warn'],
    ]);
  });

  it('a group still muted by another downtime is logged as suppressed, naming that one', async () => {
    const h = make();
    await muteApp(h, '*', 10);
    const other = await muteApp(h, 'host:app-1', 60);
    await h.submit({ host_name: 'app-1', status: 2 });
    await h.advanceAndTick(11 * MIN);
    const rows = await endRows(h);
    expect(rows.map((n) => [n.outcome, n.downtime_id, n.transition])).toEqual([
      ['suppressed', other.id, 'downtime ended: Alert'],
      ['suppressed', other.id, 'downtime ended: Alert'],
    ]);
  });

  it('a downtime that covers no evaluated group, or ended before it began, notifies nothing', async () => {
    const h = make();
    await muteApp(h, 'host:app-9', 10);
    const early = await postDowntime(h.t, {
      monitor_identifier: { monitor_id: APP_OK.id },
      scope: '*',
      notify_end_types: ['canceled', 'expired'],
      schedule: { start: ddTime(h.t.clock.now + HOUR), end: ddTime(h.t.clock.now + 2 * HOUR) },
    });
    await h.submit({ host_name: 'app-1', status: 2 });
    await h.t.call('DELETE', `/api/v2/downtime/${early.id}`);
    await h.advanceAndTick(3 * HOUR);
    expect(await endRows(h)).toEqual([]);
  });
});

describe('a cancelled downtime notifies only when canceled is in notify_end_types', () => {
  it('"canceled" in the types: notified as "downtime canceled"; the default (expired only): nothing', async () => {
    const h = make();
    await receiver(h);
    const both = await muteApp(h, 'host:app-1', 60, { notify_end_types: ['canceled', 'expired'] });
    const expiredOnly = await muteApp(h, 'host:app-2', 60);
    await h.submit({ host_name: 'app-1', status: 2 }, { host_name: 'app-2', status: 2 });
    expect((await h.t.call('DELETE', `/api/v2/downtime/${both.id}`)).status).toBe(204);
    expect((await h.t.call('DELETE', `/api/v2/downtime/${expiredOnly.id}`)).status).toBe(204);
    await h.advanceAndTick(MIN);
    expect((await endRows(h)).map((n) => [n.group, n.outcome, n.transition])).toEqual([
      ['host:app-1', 'delivered', 'downtime canceled: Alert'],
      ['host:app-1', 'delivered', 'downtime canceled: Alert'],
    ]);
    // Its original end passing later is no second end; cancelling again is no new end either.
    await h.t.call('DELETE', `/api/v2/downtime/${both.id}`);
    await h.advanceAndTick(2 * HOUR);
    expect(await endRows(h)).toHaveLength(2);
  });
});

describe('recurring windows', () => {
  it('suppress only during an occurrence, and each occurrence\'s end notifies once', async () => {
    const h = make();
    await receiver(h);
    // Daily 12:10-12:30 UTC; the clock is at 12:00.
    await postDowntime(h.t, { monitor_identifier: { monitor_id: APP_OK.id }, scope: '*', schedule: recurring('FREQ=DAILY', '20m', '2025-03-10T12:10', 'UTC') });
    await h.submit({ host_name: 'app-1', status: 2 });
    expect((await h.notifications()).map((n) => n.outcome)).toEqual(['delivered', 'delivered']);

    await h.advanceAndTick(15 * MIN); // 12:15, inside the occurrence
    await h.submit({ host_name: 'app-2', status: 2 });
    expect((await h.notifications('&outcome=suppressed')).map((n) => n.group)).toEqual(['host:app-2', 'host:app-2']);
    expect(await endRows(h)).toEqual([]);

    await h.advanceAndTick(16 * MIN); // 12:31: the occurrence is over
    expect((await endRows(h)).map((n) => n.group)).toEqual(['host:app-1', 'host:app-1', 'host:app-2', 'host:app-2']);
    await h.advanceAndTick(MIN);
    expect(await endRows(h)).toHaveLength(4);

    await h.advanceAndTick(24 * HOUR); // the next day's occurrence has come and gone
    expect(await endRows(h)).toHaveLength(8);
  });
});

describe('exactly once across a restart', () => {
  it('an end seen after a restart is notified once, and not again after the next restart', async () => {
    const dataDir = makeTempDir();
    keepDir(dataDir);
    const first = harness({ dataDir });
    await muteApp(first, '*', 10);
    await first.submit({ host_name: 'app-1', status: 2 });
    const endAt = first.t.clock.now + 11 * MIN;
    first.t.sandbox.close(); // stopped before the end

    const second = harness({ dataDir, now: () => endAt });
    second.t.sandbox.tick();
    await second.t.sandbox.idle();
    expect(await endRows(second)).toHaveLength(2);
    second.t.sandbox.close();

    const third = make({ dataDir, now: () => endAt + MIN });
    third.t.sandbox.tick();
    await third.t.sandbox.idle();
    expect(await endRows(third)).toHaveLength(2);
  });
});
