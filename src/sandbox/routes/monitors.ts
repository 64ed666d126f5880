import type { Hono } from 'hono';
import { groupTags } from '../../contract/scope';
import type { SandboxDeps } from '../lib/context';
import { badRequest, notFound } from '../lib/errors';
import { readJsonObject } from '../lib/json-body';
import { applyMonitorUpdate, parseNewMonitor } from '../lib/monitor-input';
import {
  getMonitorOr404,
  MONITOR_NOT_FOUND,
  parseMonitorId,
  parseRenderOptions,
  renderMonitors,
  renderOne,
} from '../lib/monitor-service';
import { intParam, listParam } from '../lib/query-params';
import type { GroupRow, MonitorRow } from '../store/types';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

function lower(tags: readonly string[]): Set<string> {
  return new Set(tags.map((t) => t.toLowerCase()));
}

/** `tags` filter: some group of the monitor (or the monitor alone) carries every tag, counting the monitor's own tags. */
function matchesScopeTags(m: Pick<MonitorRow, 'tags'>, groups: readonly Pick<GroupRow, 'name'>[], wanted: readonly string[]): boolean {
  const own = lower(m.tags);
  const candidates = groups.length > 0 ? groups.map((g) => lower(groupTags(g.name))) : [new Set<string>()];
  return candidates.some((gt) => wanted.every((t) => own.has(t) || gt.has(t)));
}

export function registerMonitorRoutes(app: Hono, deps: SandboxDeps): void {
  const exists = (id: number) => deps.monitors.exists(id);

  app.get('/api/v1/monitor', (c) => {
    const opts = parseRenderOptions((n) => c.req.query(n));
    const idAfter = intParam(c.req.query('id_offset'), 'id_offset');
    const page = intParam(c.req.query('page'), 'page');
    const pageSize = Math.min(intParam(c.req.query('page_size'), 'page_size', 1) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const name = c.req.query('name')?.trim();
    const monitorTags = listParam(c.req.query('monitor_tags')).map((t) => t.toLowerCase());
    const scopeTags = listParam(c.req.query('tags')).map((t) => t.toLowerCase());

    const filter = { name: name || undefined, idAfter };
    // Clamped so an absurd page number binds as an integer (and simply answers an empty page, as slicing did).
    const pageWindow = page === undefined ? undefined : { offset: Math.min(page * pageSize, Number.MAX_SAFE_INTEGER), limit: pageSize };

    // No tag filter: SQL cuts the page, so only its monitors are read, parsed and rendered.
    if (monitorTags.length === 0 && scopeTags.length === 0) {
      return c.json(renderMonitors(deps, deps.monitors.list(filter, pageWindow), opts));
    }
    // Tag filters run in JS (same case folding as before) over ids and tags only; full rows are read for the page.
    let candidates = deps.monitors.listSummaries(filter);
    if (monitorTags.length > 0) {
      candidates = candidates.filter((m) => {
        const own = lower(m.tags);
        return monitorTags.every((t) => own.has(t));
      });
    }
    if (scopeTags.length > 0) {
      const names = deps.monitors.groupNamesFor(candidates.map((m) => m.id));
      candidates = candidates.filter((m) => matchesScopeTags(m, names.get(m.id) ?? [], scopeTags));
    }
    if (pageWindow) candidates = candidates.slice(pageWindow.offset, pageWindow.offset + pageWindow.limit);
    const rows = deps.monitors.getMany(candidates.map((m) => m.id));
    return c.json(renderMonitors(deps, rows, opts));
  });

  app.post('/api/v1/monitor', async (c) => {
    const body = await readJsonObject(c);
    const fields = parseNewMonitor(body, exists);
    const now = deps.nowUs();
    const id = deps.db.transaction(() => {
      const newId = deps.monitors.insert({
        ...fields,
        org_id: deps.orgId,
        creator_id: deps.ownerUserId(),
        created_us: now,
        modified_us: now,
        overall_state_modified_us: null,
      });
      // An ungrouped monitor has its single group from the start; a grouped one gets groups as data arrives.
      if (!fields.multi) deps.monitors.insertGroup(emptyGroup(newId, 'total'));
      return newId;
    })();
    return c.json(renderOne(deps, deps.monitors.get(id)!, { groupStates: null, withDowntimes: false }));
  });

  app.post('/api/v1/monitor/validate', async (c) => {
    parseNewMonitor(await readJsonObject(c), exists);
    return c.json({});
  });

  app.post('/api/v1/monitor/:id/validate', async (c) => {
    const m = getMonitorOr404(deps, c.req.param('id'));
    parseNewMonitor(await readJsonObject(c), exists, m.id);
    return c.json({});
  });

  app.get('/api/v1/monitor/can_delete', (c) => {
    const ids = listParam(c.req.query('monitor_ids'));
    if (ids.length === 0) throw badRequest("'monitor_ids' is a required parameter");
    const ok: number[] = [];
    const errors: Record<string, string[]> = {};
    for (const raw of ids) {
      const id = parseMonitorId(raw);
      if (!deps.monitors.exists(id)) throw notFound(MONITOR_NOT_FOUND);
      const refs = deps.monitors.compositesReferencing(id);
      if (refs.length === 0) ok.push(id);
      else errors[String(id)] = [`monitor [${id}] is referenced in composite monitors: [${refs.join(',')}]`];
    }
    if (Object.keys(errors).length > 0) return c.json({ data: { ok }, errors }, 409);
    return c.json({ data: { ok }, errors: null });
  });

  app.get('/api/v1/monitor/:id', (c) => {
    const m = getMonitorOr404(deps, c.req.param('id'));
    return c.json(renderOne(deps, m, parseRenderOptions((n) => c.req.query(n))));
  });

  app.put('/api/v1/monitor/:id', async (c) => {
    const m = getMonitorOr404(deps, c.req.param('id'));
    const fields = applyMonitorUpdate(m, await readJsonObject(c), exists);
    const now = deps.nowUs();
    deps.db.transaction(() => {
      deps.monitors.update({ ...m, ...fields, modified_us: now });
      const groups = deps.monitors.groupsOf(m.id);
      // A query that stops or starts grouping changes the group set.
      if (!fields.multi && !groups.some((g) => g.name === 'total')) {
        deps.db.prepare('DELETE FROM monitor_groups WHERE monitor_id = ?').run(m.id);
        deps.monitors.insertGroup(emptyGroup(m.id, 'total'));
      } else if (fields.multi && groups.some((g) => g.name === 'total')) {
        deps.db.prepare("DELETE FROM monitor_groups WHERE monitor_id = ? AND name = 'total'").run(m.id);
      }
    })();
    return c.json(renderOne(deps, deps.monitors.get(m.id)!, { groupStates: null, withDowntimes: false }));
  });

  app.delete('/api/v1/monitor/:id', (c) => {
    const m = getMonitorOr404(deps, c.req.param('id'));
    const force = c.req.query('force')?.toLowerCase() === 'true';
    const refs = deps.monitors.compositesReferencing(m.id);
    if (refs.length > 0 && !force) {
      throw badRequest(`monitor [${m.id},${m.name}] is referenced in composite monitors: [${refs.join(',')}]`);
    }
    deps.monitors.delete(m.id);
    return c.json({ deleted_monitor_id: m.id });
  });
}

export function emptyGroup(monitorId: number, name: string): GroupRow {
  return {
    monitor_id: monitorId,
    name,
    status: 'No Data',
    last_triggered_ts: 0,
    last_notified_ts: 0,
    last_resolved_ts: 0,
    last_nodata_ts: 0,
  };
}
