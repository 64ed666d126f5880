import { groupVariables } from '../../contract/monitor-message';
import { activeDowntimes, type PreparedDowntime } from '../lib/downtime-matching';
import { overallState } from '../lib/monitor-view';
import { msToUs } from '../lib/time';
import type { WebhookDeliveryOptions } from '../lib/webhook-delivery';
import type { Db } from '../store/db';
import type { DowntimesStore } from '../store/downtimes-store';
import type { WebhooksStore } from '../store/integrations-webhooks-store';
import type { MonitorsStore } from '../store/monitors-store';
import type { GroupRow, MonitorRow } from '../store/types';
import type { CheckRunInput } from './check-run-input';
import { CheckStore, type CheckRunRow } from './check-store';
import { DeliveryQueue, type Job } from './delivery-queue';
import { downtimeEndJobs, type EvaluatedMonitor } from './downtime-ends';
import { evaluateGroup, thresholdsOf } from './evaluate';
import type { NotificationEvent, OrgFacts } from './notification-event';
import { notificationJobs, planNotification, muteFor, type NotifierDeps } from './notifier';
import { applyFirstRecovery, RecoveryMutes } from './recovery-mutes';
import {
  byValues,
  groupNameFor,
  groupValues,
  parseServiceCheckQuery,
  runMatches,
  valuesKey,
  type ServiceCheckQuery,
} from './service-check-query';

/** no_data_timeframe when a monitor has none: twice the (5-minute) check interval. */
export const DEFAULT_NO_DATA_TIMEFRAME_MIN = 10;
const TRIGGERED = new Set(['Alert', 'Warn']);
const DEFAULT_RENOTIFY_STATUSES = ['alert', 'warn', 'no data'];

export interface CheckEngineDeps {
  db: Db;
  monitors: MonitorsStore;
  downtimes: DowntimesStore;
  webhooks: WebhooksStore;
  /** Epoch ms. */
  now: () => number;
  org: OrgFacts;
  delivery?: Partial<WebhookDeliveryOptions>;
}

interface LiveMonitor {
  monitor: MonitorRow;
  q: ServiceCheckQuery;
}

/** Reads a number of minutes from the options; 0 when absent or not positive. */
function minutes(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function renotifyStatuses(options: Record<string, unknown>): Set<string> {
  const raw = options.renotify_statuses;
  const list = Array.isArray(raw) && raw.every((s) => typeof s === 'string') ? (raw as string[]) : DEFAULT_RENOTIFY_STATUSES;
  return new Set(list.map((s) => s.toLowerCase()));
}

/**
 * The live part of the local Datadog: stores check runs, evaluates the service
 * check monitors they concern, records group transitions, and queues the
 * notifications those transitions (and renotifications) cause. `tick` moves
 * silent groups to No Data and renotifies. Metric and other monitors stay as seeded.
 */
export class CheckEngine {
  readonly store: CheckStore;
  private readonly recovery: RecoveryMutes;
  private readonly queue = new DeliveryQueue();
  private readonly notifier: NotifierDeps;
  private open = true;
  private gen = 0;

  constructor(private readonly deps: CheckEngineDeps) {
    this.store = new CheckStore(deps.db);
    this.recovery = new RecoveryMutes(deps.db);
    this.notifier = {
      store: this.store,
      webhooks: deps.webhooks,
      org: deps.org,
      delivery: deps.delivery ?? {},
      isOpen: () => this.open,
      generation: () => this.gen,
    };
  }

  /** Stores the runs and evaluates the monitors they concern; notifications are delivered later, in order. */
  ingest(runs: readonly CheckRunInput[]): void {
    const nowMs = this.deps.now();
    const jobs: Job[] = [];
    this.deps.db.transaction(() => {
      this.store.insertRuns(runs, msToUs(nowMs));
      let active: PreparedDowntime[] | null = null;
      const activeNow = () => (active ??= this.activeDowntimes(nowMs));
      // Ends first: a group whose downtime just ended and that recovers in these runs is a first recovery.
      jobs.push(...this.downtimeEnds(nowMs, activeNow));
      for (const live of this.serviceCheckMonitors()) {
        const matching = runs.filter((r) => runMatches(live.q, r));
        if (matching.length === 0) continue;
        const groups = this.deps.monitors.groupsOf(live.monitor.id);
        const names = this.existingGroupNames(live.q, groups);
        const affected = new Map<string, string[]>();
        for (const r of matching) {
          const values = byValues(live.q, r);
          if (values !== null) affected.set(valuesKey(values), values);
        }
        for (const [key, values] of affected) {
          const name = names.get(key) ?? groupNameFor(live.q, values);
          jobs.push(...this.evaluate(live, groups, name, values, nowMs, activeNow));
        }
      }
    })();
    this.queue.push(...jobs);
  }

  /** Downtimes that ended (end notifications), No Data for silent groups (with notify_no_data), then renotifications that are due. */
  tick(nowMs = this.deps.now()): void {
    const jobs: Job[] = [];
    this.deps.db.transaction(() => {
      let active: PreparedDowntime[] | null = null;
      const activeNow = () => (active ??= this.activeDowntimes(nowMs));
      jobs.push(...this.downtimeEnds(nowMs, activeNow));
      for (const id of this.store.monitorsWithLiveGroups()) {
        const live = this.liveMonitor(this.deps.monitors.get(id));
        if (!live) continue;
        const { monitor, q } = live;
        const lastRuns = this.store.liveGroups(id);
        const groups = this.deps.monitors.groupsOf(id);
        const noData = monitor.options.notify_no_data === true;
        const timeframeMs = (minutes(monitor.options.no_data_timeframe) || DEFAULT_NO_DATA_TIMEFRAME_MIN) * 60_000;
        for (const g of [...groups]) {
          const lastRunS = lastRuns.get(g.name);
          if (lastRunS === undefined) continue;
          if (noData && g.status !== 'No Data' && lastRunS * 1000 < nowMs - timeframeMs) {
            const host = groupVariables(g.name).host ?? '';
            jobs.push(...this.transition(live, groups, g.name, 'No Data', nowMs, { value: '', hostName: host }, activeNow()));
            continue;
          }
          jobs.push(...this.renotifyIfDue(live, g, nowMs, () => this.groupRuns(q, groupValues(q, g.name))[0], activeNow));
        }
      }
    })();
    this.queue.push(...jobs);
  }

  /** Resolves once every queued notification has been delivered and logged. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Forgets queued notifications, and what a running one would write (after a reset). */
  clearQueue(): void {
    this.gen += 1;
    this.queue.clear();
  }

  /** No more deliveries or writes (before the database closes). */
  stop(): void {
    this.open = false;
    this.queue.stop();
  }

  // ---------- internals ----------

  /** End notifications and first-recovery mutes of the downtimes that stopped covering their groups. */
  private downtimeEnds(nowMs: number, activeNow: () => PreparedDowntime[]): Job[] {
    return downtimeEndJobs(
      {
        downtimes: this.deps.downtimes,
        recovery: this.recovery,
        evaluatedMonitors: () =>
          this.serviceCheckMonitors().map((live) => ({ monitor: live.monitor, groups: this.deps.monitors.groupsOf(live.monitor.id) })),
        notifyEnd: (target, g, label, atMs) => this.notifyEnd(target, g, label, atMs, activeNow()),
      },
      nowMs,
    );
  }

  /** A group's current state, notified as a transition would be, because a downtime stopped covering it. */
  private notifyEnd(target: EvaluatedMonitor, g: GroupRow, label: string, nowMs: number, active: readonly PreparedDowntime[]): Job[] {
    const q = parseServiceCheckQuery(target.monitor.query);
    const event: NotificationEvent = {
      monitor: target.monitor,
      group: g.name,
      from: g.status,
      to: g.status,
      renotify: false,
      label,
      atMs: nowMs,
      value: '',
      hostName: groupVariables(g.name).host ?? '',
      check: q?.check ?? '',
    };
    const planned = planNotification(event, active);
    if (!planned.suppression) this.setNotified(target.monitor.id, g, nowMs);
    return notificationJobs(this.notifier, planned);
  }

  private setNotified(monitorId: number, g: GroupRow, nowMs: number): void {
    g.last_notified_ts = Math.floor(nowMs / 1000);
    this.deps.db
      .prepare('UPDATE monitor_groups SET last_notified_ts = ? WHERE monitor_id = ? AND name = ?')
      .run(g.last_notified_ts, monitorId, g.name);
  }

  private activeDowntimes(nowMs: number): PreparedDowntime[] {
    const nowUs = msToUs(nowMs);
    return activeDowntimes(this.deps.downtimes.listLive(nowUs), nowUs);
  }

  private liveMonitor(m: MonitorRow | undefined): LiveMonitor | null {
    if (!m || m.type !== 'service check' || m.draft_status === 'draft') return null;
    const q = parseServiceCheckQuery(m.query);
    return q ? { monitor: m, q } : null;
  }

  private serviceCheckMonitors(): LiveMonitor[] {
    const ids = this.deps.db.prepare("SELECT id FROM monitors WHERE type = 'service check' ORDER BY id").all() as { id: number }[];
    const out: LiveMonitor[] = [];
    for (const { id } of ids) {
      const live = this.liveMonitor(this.deps.monitors.get(id));
      if (live) out.push(live);
    }
    return out;
  }

  /** by-values key -> the name of an existing group standing for them (exact by-order names first). */
  private existingGroupNames(q: ServiceCheckQuery, groups: readonly GroupRow[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const g of groups) {
      const values = groupValues(q, g.name);
      if (values === null) continue;
      const key = valuesKey(values);
      if (g.name === groupNameFor(q, values) || !out.has(key)) out.set(key, g.name);
    }
    return out;
  }

  /** The runs of a group (by its by-values), newest first, at most last(N). */
  private groupRuns(q: ServiceCheckQuery, values: readonly string[] | null): CheckRunRow[] {
    if (values === null) return [];
    const hostAt = q.by.indexOf('host');
    const key = valuesKey(values);
    const candidates = this.store.runsOf(q.check, hostAt >= 0 ? values[hostAt] : undefined);
    const out: CheckRunRow[] = [];
    for (const r of candidates) {
      if (!runMatches(q, r)) continue;
      const v = byValues(q, r);
      if (v === null || valuesKey(v) !== key) continue;
      out.push(r);
      if (out.length >= q.last) break;
    }
    return out;
  }

  private evaluate(
    live: LiveMonitor,
    groups: GroupRow[],
    name: string,
    values: readonly string[],
    nowMs: number,
    activeNow: () => PreparedDowntime[],
  ): Job[] {
    const runs = this.groupRuns(live.q, values);
    const latest = runs[0];
    if (!latest) return [];
    this.store.touchGroup(live.monitor.id, name, latest.timestamp);
    const current = groups.find((g) => g.name === name);
    const next = evaluateGroup(
      runs.map((r) => r.status),
      thresholdsOf(live.monitor.options),
      current?.status ?? null,
    );
    if (next !== (current?.status ?? null)) {
      return this.transition(live, groups, name, next, nowMs, { value: latest.message ?? '', hostName: latest.host_name }, activeNow());
    }
    return current ? this.renotifyIfDue(live, current, nowMs, () => latest, activeNow) : [];
  }

  /** Moves a group to `to`: its row, the monitor's overall_state_modified, the history, and the notification. */
  private transition(
    live: LiveMonitor,
    groups: GroupRow[],
    name: string,
    to: string,
    nowMs: number,
    ctx: { value: string; hostName: string },
    active: readonly PreparedDowntime[],
  ): Job[] {
    const { monitor } = live;
    const nowS = Math.floor(nowMs / 1000);
    const before = overallState(groups);
    const i = groups.findIndex((g) => g.name === name);
    const current = i >= 0 ? groups[i]! : null;
    const from = current?.status ?? null;
    const row: GroupRow = current
      ? { ...current }
      : { monitor_id: monitor.id, name, status: to, last_triggered_ts: 0, last_notified_ts: 0, last_resolved_ts: 0, last_nodata_ts: 0 };
    row.status = to;
    if (TRIGGERED.has(to)) row.last_triggered_ts = nowS;
    if (to === 'OK' && from !== null && from !== 'OK') row.last_resolved_ts = nowS;
    if (to === 'No Data') row.last_nodata_ts = nowS;

    const event: NotificationEvent = {
      monitor,
      group: name,
      from,
      to,
      renotify: false,
      atMs: nowMs,
      value: ctx.value,
      hostName: ctx.hostName,
      check: live.q.check,
    };
    // A new group that starts OK is news to nobody.
    const notify = !(from === null && to === 'OK');
    const planned = notify ? planNotification(event, active) : null;
    if (planned && to === 'OK' && from !== 'OK') applyFirstRecovery(this.recovery, monitor, name, planned, active, nowMs);
    if (planned && !planned.suppression) row.last_notified_ts = nowS;

    if (current) groups[i] = row;
    else groups.push(row);
    this.saveGroup(row, current === null);
    this.store.insertTransition(monitor.id, name, from, to, nowMs);
    if (overallState(groups) !== before) {
      this.deps.db.prepare('UPDATE monitors SET overall_state_modified_us = ? WHERE id = ?').run(msToUs(nowMs), monitor.id);
    }
    return planned ? notificationJobs(this.notifier, planned) : [];
  }

  private renotifyIfDue(
    live: LiveMonitor,
    g: GroupRow,
    nowMs: number,
    latestRun: () => CheckRunRow | undefined,
    activeNow: () => PreparedDowntime[],
  ): Job[] {
    const { monitor } = live;
    const intervalMin = minutes(monitor.options.renotify_interval);
    if (intervalMin === 0 || !renotifyStatuses(monitor.options).has(g.status.toLowerCase())) return [];
    if (nowMs - g.last_notified_ts * 1000 < intervalMin * 60_000) return [];
    // Muted: nothing is sent, and the renotification waits for the mute to end.
    const active = activeNow();
    if (muteFor(monitor, g.name, active)) return [];
    const latest = latestRun();
    const event: NotificationEvent = {
      monitor,
      group: g.name,
      from: g.status,
      to: g.status,
      renotify: true,
      atMs: nowMs,
      value: g.status === 'No Data' ? '' : (latest?.message ?? ''),
      hostName: latest?.host_name ?? groupVariables(g.name).host ?? '',
      check: live.q.check,
    };
    const planned = planNotification(event, active);
    this.setNotified(monitor.id, g, nowMs);
    return notificationJobs(this.notifier, planned);
  }

  private saveGroup(g: GroupRow, isNew: boolean): void {
    if (isNew) {
      this.deps.monitors.insertGroup(g);
      return;
    }
    this.deps.db
      .prepare(
        `UPDATE monitor_groups SET status = @status, last_triggered_ts = @last_triggered_ts, last_notified_ts = @last_notified_ts,
           last_resolved_ts = @last_resolved_ts, last_nodata_ts = @last_nodata_ts
         WHERE monitor_id = @monitor_id AND name = @name`,
      )
      .run(g);
  }
}
