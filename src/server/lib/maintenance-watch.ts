import { extendedEnd } from '../../contract/maintenance';
import { loadMonitorList } from '../routes/monitors/monitors.load';
import type { MaintenanceWatch, WatchedGroup } from '../store/maintenance-watches-store';
import type { ServerDeps } from './deps';
import { auditWindow } from './maintenance-audit';
import { loadDowntimeList, windowsFrom } from './maintenance-load';
import type { MonitorIndex } from './maintenance-monitors';
import { updateParts } from './maintenance-ops';
import { isFinished, liveParts, onceEnd, type WindowRecord } from './maintenance-windows';

/**
 * "Extend until recovered". Every WATCH_INTERVAL_MS the watcher looks at each watched window:
 * - every watched group is OK (or gone): the window ends a minute from now, and the watch stops;
 * - otherwise, when the end is within WATCH_EXTEND_WITHIN_MS, it moves the end by WATCH_STEP_MINUTES
 *   (never past the watch's cap; at the cap the watch stops, and says so in the audit log).
 * It reads Datadog fresh each time (never a cached or stale copy: it changes windows on what it reads).
 */
export const WATCH_INTERVAL_MS = 60_000;
export const WATCH_STEP_MINUTES = 30;
export const WATCH_EXTEND_WITHIN_MS = 15 * 60_000;
/** A recovered window ends this long after the watcher sees it: a minute to notice a flap. */
export const RECOVERED_END_DELAY_MS = 60_000;

// A type, not an interface: it goes out through a loose response schema (an index signature).
export type TickReport = {
  /** Windows looked at. */
  checked: number;
  extended: string[];
  /** Ended because their groups recovered. */
  ended: string[];
  /** Watches dropped without a change: at the cap, or the window is gone or over. */
  stopped: string[];
  /** Windows whose change failed (tried again next time). */
  failed: string[];
};

const iso = (ms: number) => new Date(ms).toISOString();

/** The watched groups still not OK; a group (or monitor) that is gone counts as recovered. */
export function pendingGroups(groups: readonly WatchedGroup[], index: MonitorIndex): WatchedGroup[] {
  return groups.filter((g) => {
    const state = index.byId.get(g.monitorId)?.groups.find((mg) => mg.name === g.group)?.status;
    return state !== undefined && state !== 'OK';
  });
}

async function moveEnd(deps: ServerDeps, record: WindowRecord, from: number, to: number): Promise<void> {
  const endAt = (ms: number) => ({ schedule: { end: iso(ms) } });
  await updateParts(deps, liveParts(record), () => endAt(to), () => endAt(from));
}

function stop(deps: ServerDeps, report: TickReport, windowId: string, action: string, detail: string): void {
  deps.store.maintenanceWatches.remove(windowId);
  auditWindow(deps, { action, windowId, detail });
  report.stopped.push(windowId);
}

async function tickOne(
  deps: ServerDeps,
  watch: MaintenanceWatch,
  record: WindowRecord | undefined,
  index: MonitorIndex,
  report: TickReport,
): Promise<void> {
  const id = watch.windowId;
  if (!record || isFinished(record.window.status)) {
    stop(deps, report, id, 'maintenance.until_recovered.stop', 'The window is over or gone; the watch stopped');
    return;
  }
  const times = onceEnd(record.window);
  if (!times) {
    stop(deps, report, id, 'maintenance.until_recovered.stop', 'The window has no end to move any more; the watch stopped');
    return;
  }
  const now = deps.now();
  const pending = pendingGroups(watch.groups, index);
  if (pending.length === 0) {
    const end = now + RECOVERED_END_DELAY_MS;
    await moveEnd(deps, record, times.end, end);
    deps.store.maintenanceWatches.remove(id);
    const detail = `Every watched group recovered; the window ends at ${iso(end)}`;
    auditWindow(deps, { action: 'maintenance.until_recovered.end', windowId: id, detail });
    report.ended.push(id);
    return;
  }
  if (times.end - now > WATCH_EXTEND_WITHIN_MS) return;
  const wanted = extendedEnd(times.end, WATCH_STEP_MINUTES);
  const next = watch.capAt === null ? wanted : Math.min(wanted, watch.capAt);
  if (next <= times.end) {
    stop(
      deps,
      report,
      id,
      'maintenance.until_recovered.cap',
      `The window reached its cap (${iso(times.end)}) with ${pending.length} group(s) still not OK; it ends then`,
    );
    return;
  }
  await moveEnd(deps, record, times.end, next);
  auditWindow(deps, {
    action: 'maintenance.until_recovered.extend',
    windowId: id,
    detail: `end ${iso(times.end)} -> ${iso(next)}; ${pending.length} group(s) still not OK`,
  });
  report.extended.push(id);
}

async function tick(deps: ServerDeps): Promise<TickReport> {
  const report: TickReport = { checked: 0, extended: [], ended: [], stopped: [], failed: [] };
  const watches = deps.store.maintenanceWatches.list();
  if (watches.length === 0) return report;
  const [downtimes, monitors] = await Promise.all([loadDowntimeList(deps), loadMonitorList(deps)]);
  const { byId, index } = windowsFrom(deps, downtimes, monitors);
  for (const watch of watches) {
    report.checked += 1;
    try {
      await tickOne(deps, watch, byId.get(watch.windowId), index!, report);
    } catch (err) {
      // Left in place: the next tick tries again (the window's end is still ahead, or it ended on its own).
      report.failed.push(watch.windowId);
      auditWindow(deps, {
        action: 'maintenance.until_recovered.error',
        windowId: watch.windowId,
        detail: 'Could not change the window; trying again next time',
        outcome: 'failed',
      });
      deps.logger.warn('maintenance watch failed', { windowId: watch.windowId, error: err });
    }
  }
  if (report.extended.length + report.ended.length > 0) deps.snapshots.invalidate();
  return report;
}

// One tick at a time per app: the interval and the test control share it.
const running = new WeakMap<ServerDeps, Promise<TickReport>>();

/** Runs one pass over the watches (or joins the one already running). */
export function tickMaintenanceWatches(deps: ServerDeps): Promise<TickReport> {
  const current = running.get(deps);
  if (current) return current;
  const pass = tick(deps).finally(() => running.delete(deps));
  running.set(deps, pass);
  return pass;
}

/** Starts the watcher; the timer never keeps the process alive. Returns a stop function. */
export function startMaintenanceWatcher(deps: ServerDeps, intervalMs = WATCH_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    tickMaintenanceWatches(deps).catch((err: unknown) => deps.logger.warn('maintenance watcher could not read Datadog', { error: err }));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
