import type { Send } from './http';
import {
  RawMembershipListSchema,
  RawMembershipOneSchema,
  RawTeamListSchema,
  RawTeamOneSchema,
  type RawMembershipCreate,
  type RawMembershipList,
  type RawMembershipOne,
  type RawTeamList,
  type RawTeamOne,
  type RawTeamWrite,
} from './team-schemas';

/** Teams API calls (`/api/v2/team`, singular): fixed methods and templates, ids encoded. */
export interface TeamCalls {
  listTeamsPage(keyword: string | undefined, page: number, size: number): Promise<RawTeamList>;
  getTeam(id: string): Promise<RawTeamOne>;
  createTeam(body: RawTeamWrite): Promise<RawTeamOne>;
  updateTeam(id: string, body: RawTeamWrite): Promise<RawTeamOne>;
  deleteTeam(id: string): Promise<void>;
  listMembershipsPage(teamId: string, page: number, size: number): Promise<RawMembershipList>;
  addMembership(teamId: string, body: RawMembershipCreate): Promise<RawMembershipOne>;
  removeMembership(teamId: string, userId: string): Promise<void>;
}

const seg = (value: string) => encodeURIComponent(value);

export function teamCalls(send: Send): TeamCalls {
  return {
    listTeamsPage: (keyword, page, size) =>
      send({
        method: 'GET',
        template: '/api/v2/team',
        path: '/api/v2/team',
        query: { ...(keyword ? { 'filter[keyword]': keyword } : {}), 'page[number]': page, 'page[size]': size },
        schema: RawTeamListSchema,
      }),
    getTeam: (id) => send({ method: 'GET', template: '/api/v2/team/{id}', path: `/api/v2/team/${seg(id)}`, schema: RawTeamOneSchema }),
    createTeam: (body) => send({ method: 'POST', template: '/api/v2/team', path: '/api/v2/team', body, schema: RawTeamOneSchema }),
    updateTeam: (id, body) =>
      send({ method: 'PATCH', template: '/api/v2/team/{id}', path: `/api/v2/team/${seg(id)}`, body, schema: RawTeamOneSchema }),
    deleteTeam: (id) => send({ method: 'DELETE', template: '/api/v2/team/{id}', path: `/api/v2/team/${seg(id)}`, schema: null }),
    listMembershipsPage: (teamId, page, size) =>
      send({
        method: 'GET',
        template: '/api/v2/team/{id}/memberships',
        path: `/api/v2/team/${seg(teamId)}/memberships`,
        query: { 'page[number]': page, 'page[size]': size },
        schema: RawMembershipListSchema,
      }),
    addMembership: (teamId, body) =>
      send({
        method: 'POST',
        template: '/api/v2/team/{id}/memberships',
        path: `/api/v2/team/${seg(teamId)}/memberships`,
        body,
        schema: RawMembershipOneSchema,
      }),
    removeMembership: (teamId, userId) =>
      send({
        method: 'DELETE',
        template: '/api/v2/team/{id}/memberships/{user_id}',
        path: `/api/v2/team/${seg(teamId)}/memberships/${seg(userId)}`,
        schema: null,
      }),
  };
}
