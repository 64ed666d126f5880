import type { UnmuteResponse } from '../../../contract/monitors';
import { normalizeScope } from '../../../contract/scope';
import type { ServerDeps } from '../../lib/deps';
import { actorOf } from '../../auth/actor';
import type { Actor, RequestContext } from '../../lib/request-context';
import {
  FINISHED_DOWNTIME,
  includedUsers,
  toDowntime,
  toMonitorDetail,
} from '../../upstreams/datadog/map';
import type { RawDowntimeOne } from '../../upstreams/datadog/schemas';
import { isUpstreamError } from '../../upstreams/upstream-error';
import { bind, JSON_CONTENT_TYPE, type BoundRoute } from '../define-route';
import { chooseEncoding, encodedBody, etagFor, etagMatches, preparedList } from './list-body';
import { loadMonitorList, loadCurrentDowntimes, loadDowntimeMatches } from './monitors.load';
import { getMonitorRoute, listMonitorsRoute, muteMonitorRoute, unmuteMonitorRoute } from './monitors.routes';

/**
 * The downtime message names the real author (SECURITY 36, karma's rewrite):
 * the signed-in user, never anything the client sent.
 */
export const muteMessage = (actor: Actor, reason: string) => `by ${actor.username} via watchdeck: ${reason}`;

/** Cached reads are kept per role (SECURITY 29): one role's answer is never served to another. */
const cacheKey = (req: RequestContext, resource: string) => `${actorOf(req).role}:${resource}`;

const isGone = (err: unknown) => isUpstreamError(err) && err.kind === 'not_found';

/** Runs a mutation and makes every cached read old afterwards, whether it worked or not. */
async function mutating<T>(deps: ServerDeps, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    deps.snapshots.invalidate();
  }
}

/**
 * The list is kept longer than other reads (the cache's FRESH_MS, 2 s). A load of 10,000
 * monitors reads 48 MB from Datadog and takes a second or two: with a 2 s window, steady traffic
 * kept the BFF reloading most of the time, which set its memory and CPU under load. The SPA
 * asks every 30 s (WATCHDECK_REFRESH_MS), so one user sees the same; only many readers are
 * answered from one load for longer. A change made through watchdeck still shows on the next
 * read (a mutation invalidates the cache).
 */
export const LIST_FRESH_MS = 10_000;

/**
 * Past the fresh window the list is served stale-while-revalidate: up to this old it is answered
 * at once while one coalesced reload runs, with its real fetchedAt (the SPA shows it). After a
 * mutation it is never served this way (invalidate), so a mute shows on the next read.
 */
export const LIST_REVALIDATE_MS = 30_000;

const listMonitors = bind(listMonitorsRoute, async ({ deps, req }) => {
  const snap = await deps.snapshots.get(cacheKey(req, 'monitors'), () => loadMonitorList(deps), {
    freshMs: LIST_FRESH_MS,
    revalidateMs: LIST_REVALIDATE_MS,
  });
  const prepared = preparedList(snap.value, snap, deps.now(), deps.redact);
  const encoding = chooseEncoding(req.header?.('accept-encoding'));
  const headers: Record<string, string> = {
    'Content-Type': JSON_CONTENT_TYPE,
    ETag: etagFor(prepared, encoding),
    Vary: 'Accept-Encoding',
  };
  if (etagMatches(req.header?.('if-none-match'), prepared)) return { status: 304, headers };
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  return { status: 200, bytes: await encodedBody(prepared, encoding), headers };
});

const getMonitor = bind(getMonitorRoute, async ({ deps, params, req }) => {
  const snap = await deps.snapshots.get(cacheKey(req, `monitor:${params.id}`), async () => {
    const [monitor, downtimes] = await Promise.all([deps.datadog.getMonitor(params.id), loadCurrentDowntimes(deps)]);
    return { monitor, downtimes };
  });
  const { monitor, downtimes } = snap.value;
  return {
    status: 200,
    body: toMonitorDetail(monitor, downtimes, { now: deps.now(), fetchedAt: snap.fetchedAt, stale: snap.stale }),
  };
});

const muteMonitor = bind(muteMonitorRoute, async ({ deps, params, body, req }) => {
  const actor = actorOf(req);
  const created = await mutating(deps, () =>
    deps.datadog.createDowntime({
      data: {
        type: 'downtime',
        attributes: {
          monitor_identifier: { monitor_id: params.id },
          scope: body.scope,
          schedule: { end: body.end === null ? null : new Date(body.end).toISOString() },
          message: muteMessage(actor, body.reason),
          display_timezone: 'UTC',
        },
      },
    }),
  );
  return { status: 200, body: toDowntime(created.data, includedUsers(created.included)) };
});

const unmuteMonitor = bind(unmuteMonitorRoute, async ({ deps, params, body }) => {
  const wanted = body.scope === undefined ? null : normalizeScope(body.scope);
  const result: UnmuteResponse = { canceled: [], skipped: [] };
  await mutating(deps, async () => {
    const matches = await loadDowntimeMatches(deps, params.id);
    for (const match of matches) {
      const matchScope = match.attributes?.scope;
      if (wanted !== null && matchScope && normalizeScope(matchScope) !== wanted) continue;
      let one: RawDowntimeOne;
      try {
        one = await deps.datadog.getDowntime(match.id);
      } catch (err) {
        if (isGone(err)) continue;
        throw err;
      }
      const downtime = toDowntime(one.data);
      if (FINISHED_DOWNTIME.has(downtime.status)) continue;
      if (wanted !== null && normalizeScope(downtime.scope) !== wanted) continue;
      if (downtime.monitorId === params.id) {
        try {
          await deps.datadog.cancelDowntime(match.id);
        } catch (err) {
          if (isGone(err)) continue;
          throw err;
        }
        result.canceled.push(match.id);
      } else {
        const reason = downtime.monitorTags
          ? `It targets every monitor tagged ${downtime.monitorTags.join(', ')}, so it also mutes other monitors; cancel it from the downtime list`
          : 'It targets another monitor';
        result.skipped.push({ id: match.id, scope: downtime.scope, reason });
      }
    }
  });
  return { status: 200, body: result };
});

export const monitorRoutes: BoundRoute[] = [listMonitors, getMonitor, muteMonitor, unmuteMonitor];
