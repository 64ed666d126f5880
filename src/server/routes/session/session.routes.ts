import { LoginRequestSchema, SessionResponseSchema } from '../../../contract/auth';
import { defineRoute } from '../define-route';

export const loginRoute = defineRoute({
  method: 'post',
  path: '/api/session',
  minRole: 'public',
  action: 'session.login',
  operationId: 'login',
  summary:
    'Sign in with a local account: sets the __Host-watchdeck_session cookie (a new id at every sign-in). Local mode only; throttled per account and per address',
  tags: ['session'],
  body: LoginRequestSchema,
  responses: { 200: { description: 'Signed in', schema: SessionResponseSchema } },
  errors: [400, 401, 403, 404, 413, 415, 429],
});

export const getSessionRoute = defineRoute({
  method: 'get',
  path: '/api/session',
  minRole: 'public',
  action: 'session.get',
  operationId: 'getSession',
  summary: 'Who is signed in, with which role, and when the session ends (401 without a session)',
  tags: ['session'],
  responses: { 200: { description: 'The current session', schema: SessionResponseSchema } },
  errors: [401, 403],
});

export const logoutRoute = defineRoute({
  method: 'delete',
  path: '/api/session',
  minRole: 'public',
  action: 'session.logout',
  operationId: 'logout',
  summary: 'Sign out: ends the session on the server, clears the cookie, sends Clear-Site-Data (401 without a session)',
  tags: ['session'],
  responses: { 204: { description: 'Signed out' } },
  errors: [401, 403, 404],
});
