import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { parseDowntimeAttributes, unwrapDowntimeBody } from '../lib/downtime-input';
import { downtimeStatus } from '../lib/downtime-schedule';
import { createDowntime, updateDowntime } from '../lib/downtime-service';
import { renderDowntime, renderMonitorIncluded } from '../lib/downtime-view';
import { renderUserIncluded } from '../lib/user-view';
import { badRequest, notFound } from '../lib/errors';
import { readJson } from '../lib/json-body';
import { intParam, listParam } from '../lib/query-params';
import { isUuid } from '../lib/uuid';
import type { DowntimeRow, UserRow } from '../store/types';
import { getUser } from '../store/users-store';

const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 1000;
export const INVALID_DOWNTIME_ID = 'Invalid URL param: downtime_id must be an uuid';
export const DOWNTIME_NOT_FOUND = 'Downtime not found';
const INCLUDES = new Set(['created_by', 'monitor']);

function checkId(raw: string): string {
  if (!isUuid(raw)) throw badRequest(INVALID_DOWNTIME_ID);
  return raw.toLowerCase();
}

function parseInclude(raw: string | undefined): Set<string> {
  const wanted = new Set(listParam(raw));
  for (const w of wanted) if (!INCLUDES.has(w)) throw badRequest(`Invalid include parameter: '${w}'`);
  return wanted;
}

export function registerDowntimeRoutes(app: Hono, deps: SandboxDeps): void {
  const user = (id: number): UserRow | undefined => getUser(deps.db, id);

  /** `included` for a set of downtimes: their creators, and their monitors when asked. */
  function included(rows: readonly DowntimeRow[], include: Set<string>): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    if (include.has('created_by')) {
      const seen = new Set<number>();
      for (const d of rows) {
        const u = user(d.created_by);
        if (u && !seen.has(u.id)) {
          seen.add(u.id);
          out.push(renderUserIncluded(u));
        }
      }
    }
    if (include.has('monitor')) {
      const seen = new Set<number>();
      for (const d of rows) {
        if (d.monitor_id === null || seen.has(d.monitor_id)) continue;
        seen.add(d.monitor_id);
        const m = deps.monitors.get(d.monitor_id);
        if (m) out.push(renderMonitorIncluded(m));
      }
    }
    return out;
  }

  function single(d: DowntimeRow, include: Set<string>, always: boolean): Record<string, unknown> {
    const withRel = always || include.size > 0;
    const body: Record<string, unknown> = { data: renderDowntime(d, deps.nowUs(), user(d.created_by), withRel) };
    if (withRel) body.included = included([d], always ? new Set([...include, 'created_by']) : include);
    return body;
  }

  app.post('/api/v2/downtime', async (c) => {
    const { attributes } = unwrapDowntimeBody(await readJson(c));
    const row = createDowntime(deps, parseDowntimeAttributes(attributes, 'create'));
    return c.json(single(row, new Set(), true));
  });

  app.get('/api/v2/downtime', (c) => {
    const include = parseInclude(c.req.query('include'));
    const currentOnly = c.req.query('current_only')?.toLowerCase() === 'true';
    const offset = intParam(c.req.query('page[offset]'), 'page[offset]') ?? 0;
    const limit = Math.min(intParam(c.req.query('page[limit]'), 'page[limit]', 1) ?? DEFAULT_LIMIT, MAX_LIMIT);
    const now = deps.nowUs();
    let rows = deps.downtimes.list();
    if (currentOnly) rows = rows.filter((d) => downtimeStatus(d, now) === 'active');
    const page = rows.slice(offset, offset + limit);
    const body: Record<string, unknown> = {
      data: page.map((d) => renderDowntime(d, now, user(d.created_by), include.size > 0)),
    };
    if (include.size > 0) body.included = included(page, include);
    body.meta = { page: { total_filtered_count: rows.length } };
    return c.json(body);
  });

  app.get('/api/v2/downtime/:id', (c) => {
    const include = parseInclude(c.req.query('include'));
    const d = deps.downtimes.get(checkId(c.req.param('id')));
    if (!d) throw notFound(DOWNTIME_NOT_FOUND);
    return c.json(single(d, include, false));
  });

  app.patch('/api/v2/downtime/:id', async (c) => {
    const id = checkId(c.req.param('id'));
    const { attributes, id: bodyId } = unwrapDowntimeBody(await readJson(c));
    const input = parseDowntimeAttributes(attributes, 'update');
    const d = deps.downtimes.get(id);
    if (!d) throw notFound(DOWNTIME_NOT_FOUND);
    if (bodyId !== undefined && (typeof bodyId !== 'string' || bodyId.toLowerCase() !== id)) {
      throw badRequest('The downtime id in the body does not match the URL');
    }
    return c.json(single(updateDowntime(deps, d, input), new Set(), true));
  });

  app.delete('/api/v2/downtime/:id', (c) => {
    const raw = c.req.param('id');
    const id = checkId(raw);
    const d = deps.downtimes.get(id);
    if (!d) throw notFound(`Downtime ${raw} not found`);
    // Cancelling twice is fine: the second one answers 204 too (REC).
    if (d.canceled_us === null) deps.downtimes.cancel(id, deps.nowUs());
    return c.body(null, 204);
  });
}
