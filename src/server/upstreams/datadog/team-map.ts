import type { PersonRef } from '../../../contract/incidents';
import type { Member, Team, TeamListResponse } from '../../../contract/teams';
import { unknownPerson } from './incident-map';
import { isoToMs } from './map';
import type { RawMembership, RawTeam, RawTeamList } from './team-schemas';

/**
 * Raw Datadog teams and memberships -> the contract. Pure. An Incident Team
 * (the deprecated `/api/v2/teams`, name only) maps too: its name stands in
 * for the handle it does not have.
 */
export function toTeam(raw: RawTeam): Team {
  const a = raw.attributes;
  const name = a?.name ?? '';
  const count = a?.user_count;
  return {
    id: raw.id,
    name,
    handle: a?.handle ?? name,
    description: a?.description || null,
    userCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0,
    createdAt: isoToMs(a?.created_at) ?? isoToMs(a?.created),
    modifiedAt: isoToMs(a?.modified_at) ?? isoToMs(a?.modified),
  };
}

const int = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

/**
 * One page of the team list. Total and the last page come from the
 * number_size pagination; the offset form (a server that ignored
 * page[number]) and a missing total are worked out from what is there.
 */
export function toTeamList(raw: RawTeamList, page: { page: number; size: number }): TeamListResponse {
  const teams = raw.data.map(toTeam);
  const p = raw.meta?.pagination;
  const total = int(p?.total) ?? int(raw.meta?.total) ?? page.page * page.size + teams.length;
  const fromTotal = total === 0 ? 0 : Math.ceil(total / page.size) - 1;
  const lastPage = int(p?.last_number) ?? fromTotal;
  return { teams, total, page: page.page, size: page.size, lastPage: Math.max(0, lastPage) };
}

export function toMember(raw: RawMembership, users: Map<string, PersonRef>): Member | null {
  const userId = raw.relationships?.user?.data?.id;
  if (userId === undefined) return null;
  const person = users.get(userId) ?? unknownPerson(userId);
  return { ...person, membershipId: raw.id, role: raw.attributes?.role ?? null };
}
