import type { PersonRef } from '../../../contract/incidents';
import type { Member } from '../../../contract/teams';
import type { ServerDeps } from '../../lib/deps';
import { conflictsAs } from '../../lib/errors';
import { includedPeople } from '../../upstreams/datadog/incident-map';
import { toMember, toTeam, toTeamList } from '../../upstreams/datadog/team-map';
import type { RawMembership, RawTeamWrite } from '../../upstreams/datadog/team-schemas';
import { mutating, roleKey } from '../cached';
import { bind, type BoundRoute } from '../define-route';
import {
  addMemberRoute,
  createTeamRoute,
  deleteTeamRoute,
  getTeamRoute,
  listTeamsRoute,
  removeMemberRoute,
  updateTeamRoute,
} from './teams.routes';

export const MEMBER_PAGE_SIZE = 100;
const MAX_MEMBER_PAGES = 50;

async function loadMembers(deps: ServerDeps, teamId: string): Promise<Member[]> {
  const byId = new Map<string, RawMembership>();
  const people = new Map<string, PersonRef>();
  for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
    const res = await deps.datadog.listMembershipsPage(teamId, page, MEMBER_PAGE_SIZE);
    for (const [id, person] of includedPeople(res.included)) people.set(id, person);
    const before = byId.size;
    for (const m of res.data) if (!byId.has(m.id)) byId.set(m.id, m);
    if (res.data.length < MEMBER_PAGE_SIZE || byId.size === before) break;
  }
  return [...byId.values()].flatMap((raw) => {
    const member = toMember(raw, people);
    return member ? [member] : [];
  });
}

const listTeams = bind(listTeamsRoute, async ({ deps, query, req }) => {
  const q = query.q?.trim() || undefined;
  const page = { page: query.page, size: query.size };
  const snap = await deps.snapshots.get(roleKey(req, `teams:${page.page}:${page.size}:${q ?? ''}`), () =>
    deps.datadog.listTeamsPage(q, page.page, page.size),
  );
  return { status: 200, body: { ...toTeamList(snap.value, page), fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

const createTeam = bind(createTeamRoute, async ({ deps, body, req }) => {
  const write: RawTeamWrite = {
    data: {
      type: 'team',
      attributes: { name: body.name, handle: body.handle, ...(body.description ? { description: body.description } : {}) },
      relationships: { users: { data: [] } },
    },
  };
  const created = await mutating(deps, () =>
    conflictsAs(['name', 'handle'], 'A team with this name or handle exists', () => deps.datadog.createTeam(write)),
  );
  const team = toTeam(created.data);
  req.audit.target = `team:${team.id}`;
  return { status: 201, body: team };
});

const getTeam = bind(getTeamRoute, async ({ deps, params, req }) => {
  const snap = await deps.snapshots.get(roleKey(req, `team:${params.id}`), async () => {
    const [one, members] = await Promise.all([deps.datadog.getTeam(params.id), loadMembers(deps, params.id)]);
    return { team: toTeam(one.data), members };
  });
  return { status: 200, body: { ...snap.value.team, members: snap.value.members, fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

const updateTeam = bind(updateTeamRoute, async ({ deps, params, body }) => {
  // Datadog requires name and handle on every update: the current ones fill in what is not changing.
  const current = toTeam((await deps.datadog.getTeam(params.id)).data);
  const write: RawTeamWrite = {
    data: {
      type: 'team',
      attributes: {
        name: body.name ?? current.name,
        handle: body.handle ?? current.handle,
        // null clears the description; left out, it stays as it is.
        ...(body.description !== undefined ? { description: body.description ?? '' } : {}),
      },
    },
  };
  const fields = ['name', 'handle'].filter((f) => f in body);
  const updated = await mutating(deps, () =>
    conflictsAs(fields.length > 0 ? fields : ['name'], 'A team with this name or handle exists', () =>
      deps.datadog.updateTeam(params.id, write),
    ),
  );
  return { status: 200, body: toTeam(updated.data) };
});

const deleteTeam = bind(deleteTeamRoute, async ({ deps, params }) => {
  await mutating(deps, () => deps.datadog.deleteTeam(params.id));
  return { status: 204 };
});

const addMember = bind(addMemberRoute, async ({ deps, params, body }) => {
  const created = await mutating(deps, () =>
    conflictsAs(['userId'], 'This user is on the team already', () =>
      deps.datadog.addMembership(params.id, {
        data: { type: 'team_memberships', relationships: { user: { data: { type: 'users', id: body.userId } } } },
      }),
    ),
  );
  const member = toMember(created.data, includedPeople(created.included));
  // An answer without the user names them by the id that was asked for.
  return {
    status: 201,
    body: member ?? { id: body.userId, name: null, handle: body.userId, email: null, membershipId: created.data.id, role: null },
  };
});

const removeMember = bind(removeMemberRoute, async ({ deps, params }) => {
  await mutating(deps, () => deps.datadog.removeMembership(params.id, params.userId));
  return { status: 204 };
});

export const teamRoutes: BoundRoute[] = [listTeams, createTeam, getTeam, updateTeam, deleteTeam, addMember, removeMember];
