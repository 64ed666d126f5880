import { z } from 'zod';
import { PeopleResponseSchema } from '../../../contract/incidents';
import { defineRoute } from '../define-route';

export const PeopleQuerySchema = z.strictObject({ q: z.string().trim().max(200).optional() });

export const listPeopleRoute = defineRoute({
  method: 'get',
  path: '/api/people',
  minRole: 'viewer',
  action: 'people.list',
  operationId: 'listPeople',
  summary: 'Datadog users to pick as a commander or a team member (at most 100, disabled users left out), filtered by name, handle or email',
  tags: ['people'],
  query: PeopleQuerySchema,
  responses: { 200: { description: 'The people', schema: PeopleResponseSchema } },
  errors: [400, 401, 403, 429, 502, 504],
});
