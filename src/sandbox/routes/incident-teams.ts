import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { additionalPropertyMessage, badRequest, notFound } from '../lib/errors';
import { isPlainObject, readJson } from '../lib/json-body';
import { listParam } from '../lib/query-params';
import { offsetPage, readOffsetParams } from '../lib/offset-page';
import { notOfType, notOneOf, required } from '../lib/schema-messages';
import { parseTeamName } from '../lib/team-input';
import { createTeam, handleFromName, teamNotFoundMessage, updateTeam } from '../lib/team-service';
import { renderIncidentTeam } from '../lib/team-view';
import { renderUser } from '../lib/user-view';
import { isUuid } from '../lib/uuid';
import type { TeamRow } from '../store/team-rows';
import { userLookup } from '../store/users-store';

function parseName(body: unknown): string {
  if (!isPlainObject(body)) notOfType(body, 'object');
  const data = body.data;
  if (data === undefined) required('data');
  if (!isPlainObject(data)) notOfType(data, 'object');
  if (data.type !== 'teams') notOneOf(data.type, ['teams']);
  const a = data.attributes;
  if (a === undefined) required('attributes');
  if (!isPlainObject(a)) notOfType(a, 'object');
  for (const key of Object.keys(a)) if (key !== 'name') throw badRequest(additionalPropertyMessage(key));
  if (a.name === undefined) required('name');
  return parseTeamName(a.name);
}

/**
 * The deprecated Incident Teams API at /api/v2/teams (type "teams", name
 * only), served from the same teams as /api/v2/team. A team created here gets
 * a handle derived from its name.
 */
export function registerIncidentTeamRoutes(app: Hono, deps: SandboxDeps): void {
  function teamOr404(raw: string): TeamRow {
    const t = isUuid(raw) ? deps.teams.get(raw) : undefined;
    if (!t) throw notFound(teamNotFoundMessage(raw));
    return t;
  }

  /** {data, included:[users]} as create and update answer (REC); GET includes users only when asked. */
  function single(t: TeamRow, withUsers: boolean): Record<string, unknown> {
    const user = userLookup(deps.db);
    const body: Record<string, unknown> = { data: renderIncidentTeam(t, user(t.created_by), user(t.modified_by)) };
    if (withUsers) {
      const ids = [...new Set([t.created_by, t.modified_by])];
      body.included = ids.flatMap((id) => {
        const u = user(id);
        return u ? [renderUser(u, deps.orgUuid)] : [];
      });
    }
    return body;
  }

  const wantsUsers = (raw: string | undefined) => listParam(raw).includes('users');

  app.get('/api/v2/teams', (c) => {
    const q = (n: string) => c.req.query(n);
    const { offset, size } = readOffsetParams(q);
    const filter = q('filter')?.trim().toLowerCase();
    const all = deps.teams.list();
    const rows = filter ? all.filter((t) => t.name.toLowerCase().includes(filter)) : all;
    const { page, pagination } = offsetPage(rows, offset, size);
    const user = userLookup(deps.db);
    const body: Record<string, unknown> = { data: page.map((t) => renderIncidentTeam(t, user(t.created_by), user(t.modified_by))) };
    if (wantsUsers(q('include'))) {
      const ids = [...new Set(page.flatMap((t) => [t.created_by, t.modified_by]))];
      body.included = ids.flatMap((id) => {
        const u = user(id);
        return u ? [renderUser(u, deps.orgUuid)] : [];
      });
    }
    // REC: `total` counts every team, not only the filtered ones.
    body.meta = { pagination: { ...pagination, total: all.length }, sort: 'ASC', total: all.length };
    return c.json(body);
  });

  app.post('/api/v2/teams', async (c) => {
    const name = parseName(await readJson(c));
    const row = createTeam(deps, { name, handle: handleFromName(deps, name) });
    return c.json(single(row, true), 201);
  });

  app.get('/api/v2/teams/:id', (c) => c.json(single(teamOr404(c.req.param('id')), wantsUsers(c.req.query('include')))));

  app.patch('/api/v2/teams/:id', async (c) => {
    const name = parseName(await readJson(c));
    return c.json(single(updateTeam(deps, teamOr404(c.req.param('id')), { name }), true));
  });

  /** 204 every time, even for a team already gone (REC). */
  app.delete('/api/v2/teams/:id', (c) => {
    const raw = c.req.param('id');
    if (isUuid(raw)) deps.teams.delete(raw.toLowerCase());
    return c.body(null, 204);
  });
}
