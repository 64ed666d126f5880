import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { notFound } from '../lib/errors';
import { parseIncidentBody } from '../lib/incident-input';
import { getIncidentOr404, includedFor, listFilters, parseIncidentInclude } from '../lib/incident-request';
import { createIncident, incidentNotFound, updateIncident } from '../lib/incident-service';
import { renderIncident } from '../lib/incident-view';
import { readJson } from '../lib/json-body';
import { offsetPage, readOffsetParams } from '../lib/offset-page';
import { isoMicro } from '../lib/time';
import { getUser, userLookup } from '../store/users-store';

/** Incidents v2: list, create, get, update, delete, and the sandbox-only transitions record. */
export function registerIncidentRoutes(app: Hono, deps: SandboxDeps): void {
  app.get('/api/v2/incidents', (c) => {
    const q = (n: string) => c.req.query(n);
    const include = parseIncidentInclude(q('include'));
    const { offset, size } = readOffsetParams(q);
    const rows = deps.incidents.list().filter(listFilters(q));
    const { page, pagination } = offsetPage(rows, offset, size);
    const user = userLookup(deps.db);
    const body: Record<string, unknown> = { data: page.map((i) => renderIncident(i, user, { embedUsers: false })) };
    if (include.size > 0) body.included = includedFor(deps, page, include);
    body.meta = { pagination };
    return c.json(body);
  });

  app.post('/api/v2/incidents', async (c) => {
    const row = createIncident(deps, parseIncidentBody(await readJson(c), 'create'));
    return c.json({ data: renderIncident(row, userLookup(deps.db), { embedUsers: true }) }, 201);
  });

  app.get('/api/v2/incidents/:id', (c) => {
    const include = parseIncidentInclude(c.req.query('include'));
    const i = getIncidentOr404(deps, c.req.param('id'));
    const body: Record<string, unknown> = { data: renderIncident(i, userLookup(deps.db), { embedUsers: false }) };
    if (include.size > 0) body.included = includedFor(deps, [i], include);
    return c.json(body);
  });

  app.patch('/api/v2/incidents/:id', async (c) => {
    const input = parseIncidentBody(await readJson(c), 'update');
    const next = updateIncident(deps, getIncidentOr404(deps, c.req.param('id')), input);
    return c.json({ data: renderIncident(next, userLookup(deps.db), { embedUsers: true }) });
  });

  app.delete('/api/v2/incidents/:id', (c) => {
    const id = c.req.param('id');
    if (!deps.incidents.delete(id.toLowerCase())) throw notFound(incidentNotFound(id));
    return c.body(null, 204);
  });

  /** Sandbox-only extension (no such endpoint in Datadog): state and severity changes, oldest first. */
  app.get('/api/v2/incidents/:id/transitions', (c) => {
    const i = getIncidentOr404(deps, c.req.param('id'));
    return c.json({
      data: deps.transitions.list(i.id).map((t) => {
        const u = getUser(deps.db, t.user_id);
        return {
          type: 'incident_transition',
          id: String(t.seq),
          attributes: { field: t.field, from: t.from_value, to: t.to_value, at: isoMicro(t.at_us) },
          relationships: { user: { data: u ? { type: 'users', id: u.uuid } : null } },
        };
      }),
    });
  });
}
