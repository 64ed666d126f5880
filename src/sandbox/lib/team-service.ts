import type { TeamRow } from '../store/team-rows';
import { getUserByUuid } from '../store/users-store';
import type { SandboxDeps } from './context';
import { HttpError, notFound } from './errors';
import { userNotFound } from './incident-service';
import type { TeamInput } from './team-input';
import { isUuid } from './uuid';

/** The recorded 409 body (teams.create.409). */
export const TEAM_CONFLICT = 'Team name and handle must be unique';

/** The recorded 404 messages: a malformed id (teams.get.404) and an unknown one (teams.delete.404). */
export function teamNotFoundMessage(raw: string): string {
  return isUuid(raw) ? `Team for ID ${raw} not found` : `${raw} is not a valid UUID not found`;
}

export function getTeamOr404(deps: SandboxDeps, raw: string): TeamRow {
  const t = isUuid(raw) ? deps.teams.get(raw) : undefined;
  if (!t) throw notFound(teamNotFoundMessage(raw));
  return t;
}

function checkUnique(deps: SandboxDeps, name: string, handle: string, exceptId?: string): void {
  if (deps.teams.conflicting(name, handle, exceptId)) throw new HttpError(409, [TEAM_CONFLICT]);
}

/** Creates a team (and its first members); a taken name or handle is a 409, an unknown user a 404. */
export function createTeam(deps: SandboxDeps, input: TeamInput & { name: string; handle: string }): TeamRow {
  checkUnique(deps, input.name, input.handle);
  const members = (input.users ?? []).map((id) => {
    const u = getUserByUuid(deps.db, id);
    if (!u) throw notFound(userNotFound(id));
    return u.id;
  });
  const now = deps.nowUs();
  const owner = deps.ownerUserId();
  const row: TeamRow = {
    id: deps.newUuid(),
    name: input.name,
    handle: input.handle,
    summary: input.summary ?? null,
    description: input.description ?? null,
    avatar: input.avatar ?? null,
    banner: input.banner ?? null,
    visible_modules: input.visible_modules ?? [],
    hidden_modules: input.hidden_modules ?? [],
    created_us: now,
    modified_us: now,
    created_by: owner,
    modified_by: owner,
  };
  deps.db.transaction(() => {
    deps.teams.insert(row);
    for (const userId of new Set(members)) deps.teams.addMember({ team_id: row.id, user_id: userId, role: null, created_us: now });
  })();
  return row;
}

export function updateTeam(deps: SandboxDeps, existing: TeamRow, input: TeamInput): TeamRow {
  const next: TeamRow = { ...existing, modified_us: deps.nowUs(), modified_by: deps.ownerUserId() };
  if (input.name !== undefined) next.name = input.name;
  if (input.handle !== undefined) next.handle = input.handle;
  if (input.summary !== undefined) next.summary = input.summary;
  if (input.description !== undefined) next.description = input.description;
  if (input.avatar !== undefined) next.avatar = input.avatar;
  if (input.banner !== undefined) next.banner = input.banner;
  if (input.visible_modules !== undefined) next.visible_modules = input.visible_modules;
  if (input.hidden_modules !== undefined) next.hidden_modules = input.hidden_modules;
  checkUnique(deps, next.name, next.handle, existing.id);
  deps.teams.update(next);
  return next;
}

/** A free handle for a team created by name only (Incident Teams API): "Data Platform" -> "data-platform". */
export function handleFromName(deps: SandboxDeps, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-_]+|[-_]+$/g, '')
      .slice(0, 180) || 'team';
  let handle = base;
  for (let n = 2; deps.teams.handleTaken(handle); n++) handle = `${base}-${n}`;
  return handle;
}
