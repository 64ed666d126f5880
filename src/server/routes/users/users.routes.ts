import { z } from 'zod';
import {
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  USERNAME_PATTERN,
  UserListResponseSchema,
  UserSchema,
} from '../../../contract/auth';
import { defineRoute } from '../define-route';

const UsernameParams = z.strictObject({ username: z.string().regex(USERNAME_PATTERN, 'must be a username') });
const userTarget = (p: Record<string, string>) => `user:${p.username ?? ''}`;

export const listUsersRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  minRole: 'admin',
  action: 'user.list',
  operationId: 'listUsers',
  summary: 'Every local account (never a password hash)',
  tags: ['users'],
  responses: { 200: { description: 'The users', schema: UserListResponseSchema } },
  errors: [400, 401, 403, 404],
});

export const createUserRoute = defineRoute({
  method: 'post',
  path: '/api/users',
  minRole: 'admin',
  action: 'user.create',
  operationId: 'createUser',
  summary: 'Create a local account with a role (409 when the username is taken)',
  tags: ['users'],
  body: CreateUserRequestSchema,
  responses: { 201: { description: 'Created', schema: UserSchema } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
  auditDetail: ({ body }) => `role=${body.role}`,
});

export const updateUserRoute = defineRoute({
  method: 'patch',
  path: '/api/users/:username',
  minRole: 'admin',
  action: 'user.update',
  target: userTarget,
  operationId: 'updateUser',
  summary:
    "Change a user's role, disable or enable them, or reset their password. Disabling or a new password ends their sessions. You cannot disable or demote yourself (400); the last enabled admin stays (409)",
  tags: ['users'],
  params: UsernameParams,
  body: UpdateUserRequestSchema,
  responses: { 200: { description: 'The user as changed', schema: UserSchema } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
  auditDetail: ({ body }) =>
    [
      body.role !== undefined ? `role=${body.role}` : null,
      body.disabled !== undefined ? `disabled=${body.disabled}` : null,
      body.password !== undefined ? 'password=reset' : null,
    ]
      .filter(Boolean)
      .join(' '),
});
