import type { MembershipRow, TeamRow } from '../store/team-rows';
import type { UserRow } from '../store/types';
import { isoMicro } from './time';
import { gravatar, userRef } from './user-view';

/** A team resource (type "team") in the recorded shape; `fields` limits the attributes (fields[team]). */
export function renderTeam(t: TeamRow, userCount: number, fields?: ReadonlySet<string>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    name: t.name,
    handle: t.handle,
    summary: t.summary,
    description: t.description,
    avatar: t.avatar,
    banner: t.banner,
    visible_modules: t.visible_modules,
    hidden_modules: t.hidden_modules,
    created_at: isoMicro(t.created_us),
    modified_at: isoMicro(t.modified_us),
    user_count: userCount,
    link_count: 0,
    is_managed: false,
  };
  const attributes = fields && fields.size > 0 ? Object.fromEntries(Object.entries(all).filter(([k]) => fields.has(k))) : all;
  return {
    type: 'team',
    id: t.id,
    attributes,
    relationships: {
      team_links: { links: { related: `/api/v2/team/${t.id}/links` } },
      user_team_permissions: { links: { related: `/api/v2/team/${t.id}/permission-settings` } },
    },
  };
}

/** The membership id Datadog uses: TeamMembership-<team id>-<numeric user id> (REC). */
export function membershipId(teamId: string, userId: number): string {
  return `TeamMembership-${teamId}-${userId}`;
}

export function renderMembership(m: MembershipRow, u: UserRow): Record<string, unknown> {
  return {
    type: 'team_memberships',
    id: membershipId(m.team_id, m.user_id),
    attributes: { role: m.role, provisioned_by: null, provisioned_by_id: null },
    relationships: { user: { data: userRef(u) } },
  };
}

/** A member as memberships answers include it (REC). */
export function renderMemberUser(u: UserRow): Record<string, unknown> {
  return {
    type: 'users',
    id: u.uuid,
    attributes: {
      name: u.name,
      handle: u.handle,
      email: u.email,
      icon: gravatar(u.email),
      disabled: false,
      service_account: false,
      status: 'Active',
    },
  };
}

/** A team through the deprecated Incident Teams API (type "teams"; REC 2023). */
export function renderIncidentTeam(t: TeamRow, creator: UserRow | undefined, modifier: UserRow | undefined): Record<string, unknown> {
  return {
    type: 'teams',
    id: t.id,
    attributes: { name: t.name, created: isoMicro(t.created_us), modified: isoMicro(t.modified_us) },
    relationships: {
      last_modified_by: { data: userRef(modifier) },
      created_by: { data: userRef(creator) },
    },
  };
}
