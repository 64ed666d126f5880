import { extendedEnd, forecastEnd } from '../../../contract/maintenance';
import { actorOf } from '../../auth/actor';
import type { ServerDeps } from '../../lib/deps';
import { fromUpstreamError, HttpError } from '../../lib/errors';
import { auditWindow } from '../../lib/maintenance-audit';
import { formatWindowMessage } from '../../lib/maintenance-message';
import { loadWindowView, windowAfterChange, windowForChange } from '../../lib/maintenance-load';
import { previewTargets } from '../../lib/maintenance-monitors';
import { cancelParts, updateParts, type PartChange } from '../../lib/maintenance-ops';
import { isFinished, liveParts, onceEnd, type DowntimePart, type WindowRecord } from '../../lib/maintenance-windows';
import { toRawEndSettings } from '../../upstreams/datadog/map';
import { isUpstreamError } from '../../upstreams/upstream-error';
import { mutating } from '../cached';
import { bind } from '../define-route';
import {
  cleanupRoute,
  endWindowRoute,
  extendWindowRoute,
  untilRecoveredRoute,
  windowEndSettingsRoute,
} from './maintenance.routes';

/** Changing a window: extend, end now, end settings, until recovered, and the admins' bulk cleanup. */

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A window that has ended or was canceled cannot change any more (409). */
function assertLive(record: WindowRecord): void {
  if (isFinished(record.window.status)) {
    throw new HttpError(409, 'conflict', `This window has ${record.window.status === 'ended' ? 'ended' : 'been canceled'}; plan a new one instead`);
  }
}

/** The one-off end a change works from; a recurring or indefinite window has none (400). */
function endOf(record: WindowRecord): { start: number; end: number } {
  const times = onceEnd(record.window);
  if (times) return times;
  const message =
    record.window.schedule.kind === 'recurring'
      ? 'A recurring window has no single end to move: change its rule, or end it'
      : 'This window has no end to move: it lasts until it is ended';
  throw new HttpError(400, 'validation_failed', message);
}

const partEnd = (p: DowntimePart): PartChange => ({
  schedule: { end: p.schedule.kind === 'once' && p.schedule.end !== null ? iso(p.schedule.end) : null },
});

/** The admin's override goes into a planned window's message too, where Datadog users see it. */
function withOverride(p: DowntimePart, overrideReason: string | undefined): PartChange {
  const m = p.message;
  if (!overrideReason || m.windowId === null || m.username === null) return {};
  return {
    message: formatWindowMessage({ reason: m.reason ?? '', ticket: m.ticket, overrideReason, username: m.username, windowId: m.windowId }),
  };
}

export const extendWindow = bind(extendWindowRoute, async ({ deps, params, body, req }) => {
  const actor = actorOf(req);
  const { record, view } = await windowForChange(deps, req, params.id, { monitors: 'names' });
  assertLive(record);
  const { start, end } = endOf(record);
  const next = extendedEnd(end, body.minutes);
  req.audit.detail = `end ${iso(end)} -> ${iso(next)} (+${body.minutes} min)${body.overrideReason ? ` override=${body.overrideReason}` : ''}`;
  const hours = deps.config.maxMuteHours;
  if (next - start > hours * HOUR_MS) {
    const tooLong = `Windows longer than ${hours} hours need an admin`;
    if (actor.role !== 'admin') throw new HttpError(403, 'forbidden', tooLong, { fields: { minutes: [tooLong] } });
    if (!body.overrideReason) {
      throw new HttpError(400, 'validation_failed', 'The request is not valid', {
        fields: { overrideReason: [`Say why this window is longer than ${hours} hours`] },
      });
    }
  }
  const change = (p: DowntimePart): PartChange => ({ schedule: { end: iso(next) }, ...withOverride(p, body.overrideReason) });
  // Undo puts back the end, and the message word for word when it was changed.
  const restore = (p: DowntimePart): PartChange => ({ ...partEnd(p), ...('message' in change(p) ? { message: p.rawMessage ?? '' } : {}) });
  const answers = await mutating(deps, () => updateParts(deps, liveParts(record), change, restore));
  return { status: 200, body: windowAfterChange(deps, record.window.id, record, answers, view.names).window };
});

export const endWindow = bind(endWindowRoute, async ({ deps, params, req }) => {
  // Only the downtime ids are needed: no monitor list.
  const { record } = await windowForChange(deps, req, params.id, { monitors: 'none' });
  assertLive(record);
  const result = await mutating(deps, () => cancelParts(deps, liveParts(record).map((p) => p.id)));
  req.audit.detail = `canceled=${result.canceled.join(',') || 'none'}`;
  if (result.error !== undefined) throw result.error;
  deps.store.maintenanceWatches.remove(record.window.id);
  return { status: 200, body: { canceled: result.canceled } };
});

export const setWindowEndSettings = bind(windowEndSettingsRoute, async ({ deps, params, body, req }) => {
  const { record, view } = await windowForChange(deps, req, params.id, { monitors: 'names' });
  assertLive(record);
  const answers = await mutating(deps, () =>
    updateParts(
      deps,
      liveParts(record),
      () => toRawEndSettings(body.endSettings),
      (p) => toRawEndSettings(p.endSettings),
    ),
  );
  return { status: 200, body: windowAfterChange(deps, record.window.id, record, answers, view.names).window };
});

export const extendUntilRecovered = bind(untilRecoveredRoute, async ({ deps, params, req }) => {
  const actor = actorOf(req);
  const { record, view } = await windowForChange(deps, req, params.id, { monitors: 'index' });
  assertLive(record);
  if (record.window.status !== 'active') {
    throw new HttpError(409, 'conflict', 'This window has not started yet: nothing is muted to wait for');
  }
  endOf(record);
  const { targets, scope, endSettings } = record.window;
  const preview = previewTargets(view.index!, { monitorIds: targets.monitorIds, monitorTags: targets.monitorTags }, scope, Number.MAX_SAFE_INTEGER);
  const { notify } = forecastEnd(preview.groups, endSettings, 'expired');
  if (notify.length === 0) {
    throw new HttpError(409, 'conflict', 'No group in this window would notify when it ends: there is nothing to wait for');
  }
  const now = deps.now();
  const capAt = actor.role === 'admin' ? null : now + deps.config.maxMuteHours * HOUR_MS;
  deps.store.maintenanceWatches.put({
    windowId: record.window.id,
    groups: notify.map((g) => ({ monitorId: g.monitorId, group: g.group })),
    createdBy: actor.username,
    createdAt: now,
    capAt,
  });
  req.audit.detail = `watching ${notify.length} group(s) until they recover; cap ${capAt === null ? 'none (admin)' : iso(capAt)}`;
  return { status: 200, body: { ...record.window, untilRecovered: true } };
});

function failureText(err: unknown): string {
  if (isUpstreamError(err)) return fromUpstreamError(err, { mutation: true }).message;
  return err instanceof HttpError ? err.message : 'Could not cancel it';
}

/** One window of a cleanup: every live downtime canceled, then one audit record for it. */
interface CleanupAudit {
  actor: { username: string; role: string };
  requestId: string;
}

async function cleanOne(deps: ServerDeps, record: WindowRecord | undefined, id: string, audit: CleanupAudit) {
  if (!record) {
    auditWindow(deps, { ...audit, action: 'maintenance.cleanup.window', windowId: id, detail: 'No such window', outcome: 'invalid', status: 404 });
    return { ok: false as const, error: 'No such maintenance window' };
  }
  const result = await cancelParts(deps, liveParts(record).map((p) => p.id));
  const detail = `canceled=${result.canceled.join(',') || 'none'}`;
  if (result.error !== undefined) {
    const error = failureText(result.error);
    auditWindow(deps, { ...audit, action: 'maintenance.cleanup.window', windowId: id, detail: `${detail}; ${error}`, outcome: 'failed' });
    return { ok: false as const, error };
  }
  deps.store.maintenanceWatches.remove(id);
  auditWindow(deps, { ...audit, action: 'maintenance.cleanup.window', windowId: id, detail });
  return { ok: true as const };
}

export const cleanupWindows = bind(cleanupRoute, async ({ deps, body, req, requestId }) => {
  const actor = actorOf(req);
  const view = await loadWindowView(deps, req, { monitors: 'none' });
  if (view.stale) throw new HttpError(502, 'upstream_error', 'Datadog could not be reached to read the windows; nothing was changed');
  const canceled: string[] = [];
  const failed: { id: string; error: string }[] = [];
  const audit = { actor: { username: actor.username, role: actor.role }, requestId };
  await mutating(deps, async () => {
    // One window at a time; each cancels its own downtimes with bounded concurrency.
    for (const id of new Set(body.windowIds)) {
      const outcome = await cleanOne(deps, view.byId.get(id), id, audit);
      if (outcome.ok) canceled.push(id);
      else failed.push({ id, error: outcome.error });
    }
  });
  req.audit.detail = `windows=${canceled.length + failed.length} canceled=${canceled.length} failed=${failed.length}`;
  return { status: 200, body: { canceled, failed } };
});
