import type { CheckResult } from '../../../contract/service-checks';
import { actorOf } from '../../auth/actor';
import type { ServerDeps } from '../../lib/deps';
import { HttpError } from '../../lib/errors';
import type { CheckSubmission } from '../../store/check-submissions-store';
import {
  checkRunWrite,
  latestRuns,
  messageDropped,
  toCheckResult,
  toMonitorHistory,
  toNotificationList,
  toSeconds,
  unavailableHistory,
} from '../../upstreams/datadog/check-map';
import type { RawCheckRun } from '../../upstreams/datadog/check-schemas';
import { mutating, roleKey } from '../cached';
import { bind, type BoundRoute } from '../define-route';
import { listNotificationsRoute, monitorHistoryRoute, recentChecksRoute, submitCheckRoute } from './service-checks.routes';

export const NOTIFICATIONS_NEED_LOCAL_DATADOG = 'The notification log needs the local Datadog (embedded mode)';
export const HISTORY_DEFAULT_MS = 24 * 3_600_000;

const isEmbedded = (deps: ServerDeps) => deps.config.mode === 'embedded';

/** A run as the local Datadog keeps it (whole seconds), to find who submitted it. */
const runKey = (check: string, host: string, seconds: number, status: number) => JSON.stringify([check, host, seconds, status]);

/** Who submitted each run through watchdeck, newest submission first when the same run was sent twice. */
function submitters(deps: ServerDeps): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of deps.store.checkSubmissions.list()) {
    const key = runKey(s.check, s.host, toSeconds(s.at), s.status);
    if (!out.has(key)) out.set(key, s.by);
  }
  return out;
}

const fromSubmission = (s: CheckSubmission): CheckResult => ({
  check: s.check,
  host: s.host,
  status: s.status,
  tags: s.tags,
  message: s.message,
  at: s.at,
  by: s.by,
});

const submitCheck = bind(submitCheckRoute, async ({ deps, body, req }) => {
  const actor = actorOf(req);
  req.audit.target = `check:${body.check}@${body.host}`;
  const now = deps.now();
  const run = checkRunWrite(body, now);
  // A run changes monitor states: every cached read is old once it is in, whether it went in or not.
  await mutating(deps, () => deps.datadog.submitCheckRuns([run]));
  // Datadog has the run: failing to remember it locally is logged, never answered as a failed submit.
  try {
    deps.store.checkSubmissions.add({
      check: run.check,
      host: run.host_name,
      status: run.status,
      tags: run.tags,
      message: run.message ?? null,
      at: body.timestamp ?? now,
      by: actor.username,
    });
  } catch (err) {
    deps.logger.error('service check run could not be recorded', { target: req.audit.target, error: err });
  }
  return { status: 202, body: { accepted: true, messageDropped: messageDropped(body) } };
});

const recentChecks = bind(recentChecksRoute, async ({ deps, req }) => {
  if (!isEmbedded(deps)) {
    // Datadog has no API to read runs back: only what was submitted through watchdeck.
    return { status: 200, body: { results: deps.store.checkSubmissions.latestPerCheckHost().map(fromSubmission), source: 'watchdeck' } };
  }
  const snap = await deps.snapshots.get(roleKey(req, 'check-runs:latest'), () => deps.datadog.latestCheckRuns());
  const by = submitters(deps);
  const results = latestRuns(snap.value).map((r: RawCheckRun) =>
    toCheckResult(r, by.get(runKey(r.check, r.host_name, r.timestamp, r.status)) ?? null),
  );
  return { status: 200, body: { results, source: 'local' } };
});

const listNotifications = bind(listNotificationsRoute, async ({ deps, query, req }) => {
  if (!isEmbedded(deps)) throw new HttpError(404, 'not_found', NOTIFICATIONS_NEED_LOCAL_DATADOG);
  const raw = {
    ...(query.monitorId !== undefined ? { monitor_id: query.monitorId } : {}),
    ...(query.handle ? { handle: query.handle } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    page: query.page,
    per_page: query.size,
  };
  const snap = await deps.snapshots.get(roleKey(req, `notifications:${JSON.stringify(raw)}`), () => deps.datadog.listNotifications(raw));
  return { status: 200, body: toNotificationList(snap.value, { page: query.page, size: query.size }) };
});

const monitorHistory = bind(monitorHistoryRoute, async ({ deps, params, query, req }) => {
  const now = deps.now();
  const window = { from: query.from ?? now - HISTORY_DEFAULT_MS, to: now };
  if (!isEmbedded(deps)) return { status: 200, body: unavailableHistory(window) };
  const fromSeconds = toSeconds(window.from);
  const snap = await deps.snapshots.get(roleKey(req, `monitor-history:${params.id}:${fromSeconds}`), () =>
    deps.datadog.monitorTransitions(params.id, fromSeconds),
  );
  return { status: 200, body: toMonitorHistory(snap.value, window) };
});

export const serviceCheckRoutes: BoundRoute[] = [submitCheck, recentChecks, listNotifications, monitorHistory];
