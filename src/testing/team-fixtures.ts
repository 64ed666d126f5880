import type { Member, Team, TeamDetail, TeamListResponse } from '../contract/teams';
import { people, uuid } from './incident-fixtures';
import { FIXTURE_NOW } from './monitor-fixtures';

const DAY = 24 * 3_600_000;

export function buildTeam(n: number, overrides: Partial<Team> = {}): Team {
  return {
    id: uuid(900 + n),
    name: `Team ${n}`,
    handle: `team-${n}`,
    description: null,
    userCount: 0,
    createdAt: FIXTURE_NOW - 30 * DAY,
    modifiedAt: FIXTURE_NOW - DAY,
    ...overrides,
  };
}

export const payments: Team = buildTeam(1, { name: 'Payments', handle: 'payments', description: 'Card and wallet payments', userCount: 1 });
export const web: Team = buildTeam(2, { name: 'Web', handle: 'web', userCount: 0 });

export function buildMember(personIndex: number, overrides: Partial<Member> = {}): Member {
  const person = people[personIndex]!;
  return { ...person, membershipId: `m-${person.id}`, role: null, ...overrides };
}

export function teamDetail(team: Team, members: Member[] = []): TeamDetail {
  return { ...team, userCount: members.length, members };
}

/** A list answer for one page (0-based) of `all`. */
export function teamListResponse(all: Team[], page = 0, size = 25): TeamListResponse {
  return {
    teams: all.slice(page * size, page * size + size),
    total: all.length,
    page,
    size,
    lastPage: Math.max(0, Math.ceil(all.length / size) - 1),
  };
}
