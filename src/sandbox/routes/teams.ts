import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { badRequest, notFound } from '../lib/errors';
import { readJson } from '../lib/json-body';
import { listParam } from '../lib/query-params';
import { parseTeamBody } from '../lib/team-input';
import { readTeamPageParams, teamPage } from '../lib/team-pagination';
import { createTeam, getTeamOr404, teamNotFoundMessage, updateTeam } from '../lib/team-service';
import { renderTeam } from '../lib/team-view';
import { isUuid } from '../lib/uuid';
import type { TeamRow } from '../store/team-rows';

const SORTS = ['name', '-name', 'user_count', '-user_count'];

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Teams API, /api/v2/team (type "team"). */
export function registerTeamRoutes(app: Hono, deps: SandboxDeps): void {
  const count = (t: TeamRow) => deps.teams.members(t.id).length;

  app.get('/api/v2/team', (c) => {
    const q = (n: string) => c.req.query(n);
    const req = readTeamPageParams(q);
    const sort = q('sort') ?? 'name';
    if (!SORTS.includes(sort)) throw badRequest(`Invalid value for parameter 'sort': '${sort}'`);
    const keyword = q('filter[keyword]')?.trim().toLowerCase();
    const fields = new Set(listParam(q('fields[team]')));
    const counts = deps.teams.userCounts();
    let rows = deps.teams.list();
    if (keyword) {
      rows = rows.filter((t) => [t.name, t.handle, t.description ?? ''].some((s) => s.toLowerCase().includes(keyword)));
    }
    if (q('filter[me]')?.toLowerCase() === 'true') {
      const mine = deps.teams.teamsOf(deps.ownerUserId());
      rows = rows.filter((t) => mine.has(t.id));
    }
    const byName = (a: TeamRow, b: TeamRow) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id);
    const byCount = (a: TeamRow, b: TeamRow) => (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0) || byName(a, b);
    rows.sort(sort.endsWith('name') ? byName : byCount);
    if (sort.startsWith('-')) rows.reverse();
    const { page, meta, links } = teamPage(rows, req, c.req.url);
    return c.json({ data: page.map((t) => renderTeam(t, counts.get(t.id) ?? 0, fields)), meta, links });
  });

  app.post('/api/v2/team', async (c) => {
    const input = parseTeamBody(await readJson(c), 'create');
    const row = createTeam(deps, { ...input, name: input.name!, handle: input.handle! });
    return c.json({ data: renderTeam(row, count(row)) }, 201);
  });

  app.get('/api/v2/team/:id', (c) => {
    const t = getTeamOr404(deps, c.req.param('id'));
    return c.json({ data: renderTeam(t, count(t)) });
  });

  app.patch('/api/v2/team/:id', async (c) => {
    const input = parseTeamBody(await readJson(c), 'update');
    const next = updateTeam(deps, getTeamOr404(deps, c.req.param('id')), input);
    return c.json({ data: renderTeam(next, count(next)) });
  });

  app.delete('/api/v2/team/:id', (c) => {
    const raw = c.req.param('id');
    if (!isUuid(raw) || !deps.teams.delete(raw.toLowerCase())) throw notFound(teamNotFoundMessage(raw));
    return c.body(null, 204);
  });
}
