import type { ServerDeps } from '../../lib/deps';
import { HttpError } from '../../lib/errors';
import { tickMaintenanceWatches } from '../../lib/maintenance-watch';
import { bind, type BoundRoute } from '../define-route';
import { idleRoute, maintenanceTickRoute, resetRoute, slackWorkspacesRoute, upstreamFaultRoute } from './test-controls.routes';

function controls(deps: ServerDeps) {
  // The routes are only registered with controls; this guards a miswired app.
  if (!deps.testControls) throw new HttpError(404, 'not_found', 'No such route');
  return deps.testControls;
}

const reset = bind(resetRoute, async ({ deps }) => {
  controls(deps).reset();
  deps.snapshots.clear();
  deps.loginThrottle.clear();
  return { status: 204 };
});

const upstreamFault = bind(upstreamFaultRoute, async ({ deps, body }) => {
  controls(deps).setUpstreamFault(body.status);
  // The next read meets the fault (or its end) at once, as it would a change made through
  // watchdeck, instead of a cached copy (the monitor list is kept 10 s): the old copy stays as the
  // stale fallback.
  deps.snapshots.invalidate();
  return { status: 204 };
});

const idle = bind(idleRoute, async ({ deps }) => {
  await controls(deps).idle();
  // Deliveries change the notification log: cached reads are old now.
  deps.snapshots.invalidate();
  return { status: 204 };
});

const slackWorkspaces = bind(slackWorkspacesRoute, async ({ deps, body }) => {
  await controls(deps).setSlackWorkspaces(body.accounts);
  // Changed behind watchdeck's back, like a change in Datadog's UI: the next read sees it.
  deps.snapshots.invalidate();
  return { status: 204 };
});

const maintenanceTick = bind(maintenanceTickRoute, async ({ deps }) => {
  controls(deps);
  // A journey test cannot wait a minute for the watcher: this runs the same pass now.
  return { status: 200, body: await tickMaintenanceWatches(deps) };
});

export const testControlRoutes: BoundRoute[] = [reset, upstreamFault, idle, slackWorkspaces, maintenanceTick];
