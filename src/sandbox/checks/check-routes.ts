import type { Hono } from 'hono';
import { NOTIFICATION_OUTCOMES } from '../../contract/service-checks';
import type { SandboxDeps } from '../lib/context';
import { coveredGroups, prepareDowntime, targetsMonitor } from '../lib/downtime-matching';
import { windowsBetween } from '../lib/downtime-schedule';
import { badRequest } from '../lib/errors';
import { INVALID_JSON } from '../lib/json-body';
import { getMonitorOr404 } from '../lib/monitor-service';
import { intParam } from '../lib/query-params';
import { usToMs } from '../lib/time';
import type { CheckEngine } from './check-engine';
import { parseCheckRuns, readLimitedText } from './check-run-input';
import type { CheckRunRow, NotificationRow } from './check-store';

export const CHECK_RUN_PATH = '/api/v1/check_run';
const DAY_MS = 86_400_000;
const MAX_PER_PAGE = 200;
const DEFAULT_PER_PAGE = 50;

function renderNotification(n: NotificationRow): Record<string, unknown> {
  return {
    id: n.id,
    at: n.at_ms,
    monitor_id: n.monitor_id,
    monitor_name: n.monitor_name,
    group: n.group_name,
    from_status: n.from_status,
    to_status: n.to_status,
    // Short aliases of from_status / to_status.
    from: n.from_status,
    to: n.to_status,
    transition: n.transition,
    handle: n.handle,
    outcome: n.outcome,
    downtime_id: n.downtime_id,
    receiver_status: n.receiver_status,
    message: n.message,
    detail: n.detail,
  };
}

function renderRun(r: CheckRunRow): Record<string, unknown> {
  return { check: r.check, host_name: r.host_name, status: r.status, tags: r.tags, message: r.message, timestamp: r.timestamp };
}

/**
 * `POST /api/v1/check_run` (Datadog's, API key only), and the sandbox-only
 * reads of what it caused: the notification log, a monitor's group
 * transitions with its mutes, and the latest run per check and host.
 */
export function registerCheckRoutes(app: Hono, deps: SandboxDeps, engine: CheckEngine, now: () => number): void {
  app.post(CHECK_RUN_PATH, async (c) => {
    const text = await readLimitedText(c.req.raw);
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      throw badRequest(INVALID_JSON);
    }
    const runs = parseCheckRuns(body, now());
    engine.ingest(runs);
    return c.body(JSON.stringify({ status: 'ok' }), 202, { 'content-type': 'text/json' });
  });

  app.get('/api/sandbox/notifications', (c) => {
    const monitorId = intParam(c.req.query('monitor_id'), 'monitor_id', 1);
    const handle = c.req.query('handle')?.trim() || undefined;
    const outcome = c.req.query('outcome')?.trim() || undefined;
    if (outcome !== undefined && !(NOTIFICATION_OUTCOMES as readonly string[]).includes(outcome)) {
      throw badRequest(`Invalid value for parameter 'outcome': must be one of ${NOTIFICATION_OUTCOMES.join(', ')}`);
    }
    const page = intParam(c.req.query('page'), 'page') ?? 0;
    const perPage = Math.min(intParam(c.req.query('per_page'), 'per_page', 1) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const { rows, total } = engine.store.listNotifications({ monitorId, handle, outcome }, page * perPage, perPage);
    return c.json({ notifications: rows.map(renderNotification), total, page, per_page: perPage });
  });

  app.get('/api/sandbox/monitor/:id/transitions', (c) => {
    const monitor = getMonitorOr404(deps, c.req.param('id'));
    const nowMs = now();
    const fromS = intParam(c.req.query('from'), 'from');
    const fromMs = fromS === undefined ? nowMs - DAY_MS : fromS * 1000;
    const transitions = engine.store.transitionsOf(monitor.id, fromMs, nowMs + 1);
    const before = engine.store.lastTransitionsBefore(monitor.id, fromMs);
    const groups = deps.monitors.groupsOf(monitor.id);
    const names = [...new Set([...groups.map((g) => g.name), ...transitions.map((t) => t.group_name), ...before.keys()])].sort();

    const initial: Record<string, string | null> = {};
    for (const name of names) {
      const last = before.get(name);
      const first = transitions.find((t) => t.group_name === name);
      if (last) initial[name] = last.to_status;
      else if (first) initial[name] = first.from_status;
      else initial[name] = groups.find((g) => g.name === name)?.status ?? null;
    }

    const nowUs = nowMs * 1000;
    const fromUs = fromMs * 1000;
    const mutes: Record<string, unknown>[] = [];
    for (const row of deps.downtimes.list()) {
      const d = prepareDowntime(row);
      if (!targetsMonitor(d, monitor)) continue;
      const covered = coveredGroups(d, names.map((name) => ({ name })));
      if (covered.length === 0 && !d.matchAll) continue;
      // One entry per window that has begun: a one-off downtime's, or each occurrence of a recurring one.
      for (const w of windowsBetween(row, fromUs, nowUs + 1)) {
        const status = row.canceled_us !== null ? 'canceled' : w.endUs !== null && w.endUs <= nowUs ? 'ended' : 'active';
        mutes.push({
          downtime_id: row.id,
          scope: row.scope,
          start: usToMs(w.startUs),
          end: w.endUs === null ? null : usToMs(w.endUs),
          status,
          groups: covered,
        });
      }
    }

    return c.json({
      monitor_id: monitor.id,
      from_ms: fromMs,
      to_ms: nowMs,
      initial,
      transitions: transitions.map((t) => ({ group: t.group_name, from: t.from_status, to: t.to_status, at: t.at_ms })),
      mutes,
    });
  });

  app.get('/api/sandbox/check_runs/latest', (c) => c.json({ runs: engine.store.latestPerCheckHost().map(renderRun) }));
}
