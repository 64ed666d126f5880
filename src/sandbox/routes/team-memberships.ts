import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SandboxDeps } from '../lib/context';
import { additionalPropertyMessage, badRequest, notFound } from '../lib/errors';
import { userNotFound } from '../lib/incident-service';
import { isPlainObject, readJson } from '../lib/json-body';
import { notOfType, notOneOf, required } from '../lib/schema-messages';
import { readTeamPageParams, teamPage } from '../lib/team-pagination';
import { getTeamOr404 } from '../lib/team-service';
import { renderMemberUser, renderMembership } from '../lib/team-view';
import type { UserRow } from '../store/types';
import { getUser, getUserByUuid } from '../store/users-store';

const ROLES = ['admin'];
const SORTS = ['name', '-name', 'email', '-email', 'handle', '-handle'];

/** Membership answers are JSON:API documents (REC content-type). */
function jsonApi(c: Context, body: unknown, status: ContentfulStatusCode): Response {
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/vnd.api+json' });
}

function parseMembershipBody(body: unknown): { role: string | null; userId: string } {
  if (!isPlainObject(body)) notOfType(body, 'object');
  const data = body.data;
  if (data === undefined) required('data');
  if (!isPlainObject(data)) notOfType(data, 'object');
  for (const key of Object.keys(data)) {
    if (!['type', 'attributes', 'relationships'].includes(key)) throw badRequest(additionalPropertyMessage(key));
  }
  if (data.type !== 'team_memberships') notOneOf(data.type, ['team_memberships']);
  let role: string | null = null;
  if (data.attributes !== undefined) {
    if (!isPlainObject(data.attributes)) notOfType(data.attributes, 'object');
    const r = data.attributes.role;
    if (r !== undefined && r !== null && (typeof r !== 'string' || !ROLES.includes(r))) notOneOf(r, ROLES);
    role = (r as string | null | undefined) ?? null;
  }
  const rel = data.relationships;
  if (!isPlainObject(rel) || !isPlainObject(rel.user)) required('relationships.user');
  const ref = rel.user.data;
  if (!isPlainObject(ref)) notOfType(ref, 'object');
  if (ref.type !== 'users') notOneOf(ref.type, ['users']);
  if (typeof ref.id !== 'string') notOfType(ref.id, 'string');
  return { role, userId: ref.id };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Team memberships: list, add (200, REC), remove (204). `user_count` follows. */
export function registerTeamMembershipRoutes(app: Hono, deps: SandboxDeps): void {
  app.get('/api/v2/team/:id/memberships', (c) => {
    const q = (n: string) => c.req.query(n);
    const team = getTeamOr404(deps, c.req.param('id'));
    const req = readTeamPageParams(q);
    const sort = q('sort');
    if (sort !== undefined && !SORTS.includes(sort)) throw badRequest(`Invalid value for parameter 'sort': '${sort}'`);
    const keyword = q('filter[keyword]')?.trim().toLowerCase();
    let rows = deps.teams.members(team.id).flatMap((m) => {
      const u = getUser(deps.db, m.user_id);
      return u ? [{ m, u }] : [];
    });
    if (keyword) rows = rows.filter(({ u }) => [u.name ?? '', u.handle, u.email].some((s) => s.toLowerCase().includes(keyword)));
    if (sort) {
      const key = sort.replace('-', '') as 'name' | 'email' | 'handle';
      rows.sort((a, b) => cmp((a.u[key] ?? '').toLowerCase(), (b.u[key] ?? '').toLowerCase()));
      if (sort.startsWith('-')) rows.reverse();
    }
    const { page, meta, links } = teamPage(rows, req, c.req.url);
    const body: Record<string, unknown> = { data: page.map(({ m, u }) => renderMembership(m, u)) };
    if (page.length > 0) body.included = page.map(({ u }) => renderMemberUser(u));
    return c.json({ ...body, meta, links });
  });

  app.post('/api/v2/team/:id/memberships', async (c) => {
    const input = parseMembershipBody(await readJson(c));
    const team = getTeamOr404(deps, c.req.param('id'));
    const u: UserRow | undefined = getUserByUuid(deps.db, input.userId);
    if (!u) throw notFound(userNotFound(input.userId));
    if (deps.teams.isMember(team.id, u.id)) {
      return jsonApi(c, { errors: [{ status: '409', title: 'Conflict', detail: `users already present on the team [${u.uuid}]` }] }, 409);
    }
    const m = { team_id: team.id, user_id: u.id, role: input.role, created_us: deps.nowUs() };
    deps.teams.addMember(m);
    return jsonApi(c, { data: renderMembership(m, u), included: [renderMemberUser(u)] }, 200);
  });

  app.delete('/api/v2/team/:id/memberships/:userId', (c) => {
    const team = getTeamOr404(deps, c.req.param('id'));
    const raw = c.req.param('userId');
    const u = getUserByUuid(deps.db, raw);
    if (!u || !deps.teams.removeMember(team.id, u.id)) throw notFound(`User ${raw} is not a member of team ${team.id}`);
    return c.body(null, 204);
  });
}
