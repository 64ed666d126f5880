import {
  AddMemberRequestSchema,
  CreateTeamRequestSchema,
  MemberParamsSchema,
  MemberSchema,
  TeamDetailSchema,
  TeamIdParamSchema,
  TeamListQuerySchema,
  TeamListResponseSchema,
  TeamSchema,
  UpdateTeamRequestSchema,
} from '../../../contract/teams';
import { defineRoute } from '../define-route';
import { CONFLICT_WRITE_ERRORS as WRITE_ERRORS, READ_ERRORS } from '../route-errors';

/** Teams (Datadog's /api/v2/team): anyone signed in reads them; only admins change them (SECURITY 14). */
const teamTarget = (p: Record<string, string>) => `team:${p.id ?? ''}`;
const IdParams = TeamIdParamSchema.strict();
const tags = ['teams'];

export const listTeamsRoute = defineRoute({
  method: 'get',
  path: '/api/teams',
  minRole: 'viewer',
  action: 'team.list',
  operationId: 'listTeams',
  summary: 'Teams, searched by keyword, one page at a time (page is 0-based)',
  tags,
  query: TeamListQuerySchema,
  responses: { 200: { description: 'One page of teams', schema: TeamListResponseSchema } },
  errors: READ_ERRORS,
});

export const createTeamRoute = defineRoute({
  method: 'post',
  path: '/api/teams',
  minRole: 'admin',
  action: 'team.create',
  operationId: 'createTeam',
  summary: 'Create a team (409 conflict when the name or handle is taken)',
  tags,
  body: CreateTeamRequestSchema,
  responses: { 201: { description: 'The team', schema: TeamSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `handle=${body.handle}`,
});

export const getTeamRoute = defineRoute({
  method: 'get',
  path: '/api/teams/:id',
  minRole: 'viewer',
  action: 'team.get',
  target: teamTarget,
  operationId: 'getTeam',
  summary: 'One team with its members',
  tags,
  params: IdParams,
  responses: { 200: { description: 'The team', schema: TeamDetailSchema } },
  errors: READ_ERRORS,
});

export const updateTeamRoute = defineRoute({
  method: 'patch',
  path: '/api/teams/:id',
  minRole: 'admin',
  action: 'team.update',
  target: teamTarget,
  operationId: 'updateTeam',
  summary: 'Rename a team, change its handle or description (null clears it); 409 conflict when the name or handle is taken',
  tags,
  params: IdParams,
  body: UpdateTeamRequestSchema,
  responses: { 200: { description: 'The team as changed', schema: TeamSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `fields=${Object.keys(body).sort().join(',')}`,
});

export const deleteTeamRoute = defineRoute({
  method: 'delete',
  path: '/api/teams/:id',
  minRole: 'admin',
  action: 'team.delete',
  target: teamTarget,
  operationId: 'deleteTeam',
  summary: 'Delete a team',
  tags,
  params: IdParams,
  responses: { 204: { description: 'Deleted' } },
  errors: READ_ERRORS,
});

export const addMemberRoute = defineRoute({
  method: 'post',
  path: '/api/teams/:id/members',
  minRole: 'admin',
  action: 'team.member.add',
  target: teamTarget,
  operationId: 'addTeamMember',
  summary: 'Add a Datadog user to a team (409 conflict when they are a member already)',
  tags,
  params: IdParams,
  body: AddMemberRequestSchema,
  responses: { 201: { description: 'The member', schema: MemberSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `user=${body.userId}`,
});

export const removeMemberRoute = defineRoute({
  method: 'delete',
  path: '/api/teams/:id/members/:userId',
  minRole: 'admin',
  action: 'team.member.remove',
  target: teamTarget,
  operationId: 'removeTeamMember',
  summary: 'Remove a user from a team',
  tags,
  params: MemberParamsSchema.strict(),
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
  auditDetail: ({ params }) => `user=${params.userId}`,
});
