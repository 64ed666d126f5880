import { afterEach, describe, expect, it } from 'vitest';
import type { TestReceiver } from '../lib/webhook-test-receiver';
import { APP_OK, harness, trackedHarnesses, type CheckHarness } from '../testing/check-helpers';
import { ddTime, MIN, postDowntime, recurring } from '../testing/downtime-helpers';
import { makeTempDir, type Json } from '../testing/temp-sandbox';

const { make, receiver, keepDir } = trackedHarnesses(afterEach);

const RECOVERED = `[Recovered on {host:app-1}] ${APP_OK.name}`;
const TRIGGERED = `[Triggered on {host:app-1}] ${APP_OK.name}`;

/** A downtime on host:app-1 of app.ok with mute_first_recovery_notification and no end notifications, ending in `minutes`. */
function muteFirstRecovery(h: CheckHarness, minutes: number): Promise<Json> {
  return postDowntime(h.t, {
    monitor_identifier: { monitor_id: APP_OK.id },
    scope: 'host:app-1',
    schedule: { end: ddTime(h.t.clock.now + minutes * MIN) },
    mute_first_recovery_notification: true,
    notify_end_types: [],
  });
}

function titles(r: TestReceiver): string[] {
  return r.requests.map((q) => JSON.parse(q.body).title);
}

/** app-1's recoveries in the log (→ OK) for its Slack handle, oldest first. */
async function recoveries(h: CheckHarness): Promise<Json[]> {
  return (await h.notifications('&handle=slack-ops-alerts')).filter((n) => n.group === 'host:app-1' && n.to_status === 'OK').reverse();
}

describe('mute_first_recovery_notification', () => {
  it('a group still alerting when the downtime ends: its first recovery is logged as suppressed naming the downtime, the next is delivered', async () => {
    const h = make();
    const r = await receiver(h);
    const d = await muteFirstRecovery(h, 30);
    await h.submit({ host_name: 'app-1', status: 2 });
    await h.advanceAndTick(31 * MIN); // ended, app-1 in Alert
    const notifiedBefore = (await h.groups())['host:app-1'].last_notified_ts;

    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(r.requests).toHaveLength(0);
    const [first] = await recoveries(h);
    expect(first).toMatchObject({
      outcome: 'suppressed',
      downtime_id: d.id,
      transition: 'Alert → OK',
      detail: `first recovery after downtime ${d.id} ended (mute_first_recovery_notification)`,
    });
    expect((await h.groups())['host:app-1']).toMatchObject({ status: 'OK', last_notified_ts: notifiedBefore });

    // Spent: the next alert and recovery are delivered.
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(titles(r)).toEqual([TRIGGERED, RECOVERED]);
  });

  it('a group that recovers while the downtime is active: that recovery was the first (muted anyway); after the end, recoveries are delivered', async () => {
    const h = make();
    const r = await receiver(h);
    const d = await muteFirstRecovery(h, 30);
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.clock.advance(5 * MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect((await recoveries(h))[0]).toMatchObject({ outcome: 'suppressed', detail: `muted by downtime ${d.id} (scope host:app-1)` });
    h.t.clock.advance(5 * MIN);
    await h.submit({ host_name: 'app-1', status: 2 }); // alerting again when the downtime ends
    await h.advanceAndTick(25 * MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(titles(r)).toEqual([RECOVERED]);
  });

  it('a group OK when the downtime ends has nothing pending', async () => {
    const h = make();
    const r = await receiver(h);
    await muteFirstRecovery(h, 10);
    await h.advanceAndTick(11 * MIN);
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(titles(r)).toEqual([TRIGGERED, RECOVERED]);
  });

  it('without the flag the first recovery after the end is delivered', async () => {
    const h = make();
    const r = await receiver(h);
    await postDowntime(h.t, { monitor_identifier: { monitor_id: APP_OK.id }, scope: 'host:app-1', schedule: { end: ddTime(h.t.clock.now + 10 * MIN) }, notify_end_types: [] });
    await h.submit({ host_name: 'app-1', status: 2 });
    await h.advanceAndTick(11 * MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(titles(r)).toEqual([RECOVERED]);
  });

  it('a cancellation leaves the first recovery muted too, and what is pending survives a restart', async () => {
    const dataDir = makeTempDir();
    keepDir(dataDir);
    const first = harness({ dataDir });
    const d = await muteFirstRecovery(first, 60);
    await first.submit({ host_name: 'app-1', status: 2 });
    first.t.clock.advance(MIN);
    await first.t.call('DELETE', `/api/v2/downtime/${d.id}`);
    first.t.sandbox.tick();
    await first.t.sandbox.idle();
    const at = first.t.clock.now + MIN;
    first.t.sandbox.close();

    const second = make({ dataDir, now: () => at });
    await second.submit({ host_name: 'app-1', status: 0 });
    expect((await recoveries(second))[0]).toMatchObject({ outcome: 'suppressed', downtime_id: d.id });
  });

  it('each occurrence of a recurring window has its own flag', async () => {
    const h = make();
    const r = await receiver(h);
    // Daily 12:10-12:30 UTC; the clock is at 12:00.
    const d = await postDowntime(h.t, {
      monitor_identifier: { monitor_id: APP_OK.id },
      scope: 'host:app-1',
      schedule: recurring('FREQ=DAILY', '20m', '2025-03-10T12:10', 'UTC'),
      mute_first_recovery_notification: true,
      notify_end_types: [],
    });
    await h.advanceAndTick(15 * MIN); // in the first occurrence
    await h.submit({ host_name: 'app-1', status: 2 });
    await h.advanceAndTick(20 * MIN); // 12:35: it ended with app-1 in Alert
    await h.submit({ host_name: 'app-1', status: 0 });
    expect((await recoveries(h)).map((n) => [n.outcome, n.downtime_id])).toEqual([['suppressed', d.id]]);

    await h.advanceAndTick(24 * 60 * MIN - 20 * MIN); // 12:15 the next day: in the second occurrence, OK
    await h.advanceAndTick(20 * MIN); // it ends with app-1 OK: nothing pending
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(titles(r)).toEqual([TRIGGERED, RECOVERED]);
  });
});
