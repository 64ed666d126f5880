import { randomUUID } from 'node:crypto';
import { checkGuardrails, DEFAULT_LONG_ACTIVE_DAYS } from '../../../contract/maintenance';
import { type PlanRequestParsed } from '../../../contract/maintenance-schedule';
import { actorOf } from '../../auth/actor';
import type { ServerDeps } from '../../lib/deps';
import { HttpError, validationError } from '../../lib/errors';
import { windowTarget } from '../../lib/maintenance-audit';
import { hygieneFindings } from '../../lib/maintenance-hygiene';
import { loadWindowView, monitorsSnapshot, windowAfterChange } from '../../lib/maintenance-load';
import { indexNames, monitorIndex, previewTargets, unknownMonitorIds } from '../../lib/maintenance-monitors';
import { createDowntimes } from '../../lib/maintenance-ops';
import { guardrailError, planDowntimeBodies } from '../../lib/maintenance-plan';
import { isListed } from '../../lib/maintenance-windows';
import type { Actor } from '../../lib/request-context';
import { mutating } from '../cached';
import { bind } from '../define-route';
import { getWindowRoute, hygieneRoute, listWindowsRoute, planWindowRoute, previewWindowRoute } from './maintenance.routes';

/** The reads, the preview and planning a window. */

// Copied into plain objects: the contract's loose response schema types them with an index signature.
const guardrails = (deps: ServerDeps, actor: Actor, plan: PlanRequestParsed) =>
  checkGuardrails(plan, { role: actor.role, maxMuteHours: deps.config.maxMuteHours, nowMs: deps.now() }).map((p) => ({ ...p }));

export const listWindows = bind(listWindowsRoute, async ({ deps, req }) => {
  // Names only: every page reads this list (the banner, the reminders); the index is for previews.
  const view = await loadWindowView(deps, req, { monitors: 'names' });
  const now = deps.now();
  return {
    status: 200,
    body: { windows: view.records.filter((r) => isListed(r, now)).map((r) => r.window), fetchedAt: view.fetchedAt, stale: view.stale },
  };
});

export const getWindow = bind(getWindowRoute, async ({ deps, params, req }) => {
  const view = await loadWindowView(deps, req, { monitors: 'index' });
  const record = view.byId.get(params.id);
  if (!record || !view.index) throw new HttpError(404, 'not_found', 'No such maintenance window');
  const { targets, scope } = record.window;
  const preview = previewTargets(view.index, { monitorIds: targets.monitorIds, monitorTags: targets.monitorTags }, scope);
  return {
    status: 200,
    body: {
      window: record.window,
      preview: { ...preview, guardrails: { problems: [] }, fetchedAt: view.fetchedAt, stale: view.stale },
    },
  };
});

export const previewWindowPlan = bind(previewWindowRoute, async ({ deps, body, req }) => {
  const actor = actorOf(req);
  const snap = await monitorsSnapshot(deps, req);
  const preview = previewTargets(monitorIndex(snap.value), body.targets, body.scope);
  // The preview never refuses: it reports what saving would refuse, for the form to show.
  return {
    status: 200,
    body: { ...preview, guardrails: { problems: guardrails(deps, actor, body) }, fetchedAt: snap.fetchedAt, stale: snap.stale },
  };
});

export const planWindow = bind(planWindowRoute, async ({ deps, body, req }) => {
  const actor = actorOf(req);
  // The guardrails come before any call upstream: a refused plan reads nothing and writes nothing.
  const refusal = guardrailError(guardrails(deps, actor, body));
  if (refusal) throw refusal;
  const windowId = randomUUID();
  req.audit.target = windowTarget(windowId);
  const index = body.targets.monitorIds.length > 0 ? monitorIndex((await monitorsSnapshot(deps, req)).value) : null;
  const unknown = index ? unknownMonitorIds(index, body.targets.monitorIds) : [];
  if (unknown.length > 0) {
    throw validationError({ 'targets.monitorIds': [`No such monitor${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`] });
  }
  const created = await mutating(deps, () => createDowntimes(deps, planDowntimeBodies(body, windowId, actor.username)));
  return { status: 201, body: windowAfterChange(deps, windowId, null, created, index ? indexNames(index) : null).window };
});

export const windowHygiene = bind(hygieneRoute, async ({ deps, query, req }) => {
  const days = query.longActiveDays ?? DEFAULT_LONG_ACTIVE_DAYS;
  const view = await loadWindowView(deps, req, { monitors: 'index' });
  const findings = view.index ? hygieneFindings(view.records, view.index, deps.now(), days) : [];
  return { status: 200, body: { findings, longActiveDays: days, fetchedAt: view.fetchedAt, stale: view.stale } };
});
