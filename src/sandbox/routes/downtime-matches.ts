import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { mutesFor } from '../lib/downtime-matching';
import { notFound } from '../lib/errors';
import { currentActive } from '../lib/monitor-service';
import { intParam } from '../lib/query-params';
import { isoMicro } from '../lib/time';

const DEFAULT_LIMIT = 30;

export function registerDowntimeMatchRoutes(app: Hono, deps: SandboxDeps): void {
  app.get('/api/v2/monitor/:id/downtime_matches', (c) => {
    const raw = c.req.param('id');
    const m = /^\d{1,15}$/.test(raw) ? deps.monitors.get(Number(raw)) : undefined;
    if (!m) throw notFound(`Monitor with id ${raw} not found`);
    const offset = intParam(c.req.query('page[offset]'), 'page[offset]') ?? 0;
    const limit = intParam(c.req.query('page[limit]'), 'page[limit]', 1) ?? DEFAULT_LIMIT;
    const mutes = mutesFor(m, deps.monitors.groupsOf(m.id), currentActive(deps));
    return c.json({
      data: mutes.slice(offset, offset + limit).map(({ downtime, groups }) => ({
        type: 'downtime_match',
        id: downtime.row.id,
        attributes: {
          // A "*" scope is reported as covering "*" (REC), not as a list of group names.
          groups: downtime.matchAll ? ['*'] : groups,
          scope: downtime.row.scope,
          // A recurring downtime matches during an occurrence, and shows that occurrence.
          start: isoMicro(downtime.window.startUs),
          end: downtime.window.endUs === null ? null : isoMicro(downtime.window.endUs),
        },
      })),
      meta: { page: { total_filtered_count: mutes.length } },
    });
  });
}
