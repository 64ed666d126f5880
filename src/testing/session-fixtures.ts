import type { AuditRecord, Role, SessionResponse, User } from '../contract/auth';
import { FIXTURE_NOW } from './monitor-fixtures';

const HOUR = 3_600_000;

const USERNAMES: Record<Role, string> = { viewer: 'vera', responder: 'alice', admin: 'root-admin' };

/** GET /api/session for a user with this role: vera (viewer), alice (responder) or root-admin (admin). */
export function sessionFor(role: Role, overrides: { username?: string; authMode?: string } = {}): SessionResponse {
  return {
    user: { username: overrides.username ?? USERNAMES[role], role, authMode: overrides.authMode ?? 'local' },
    expiresAt: FIXTURE_NOW + 12 * HOUR,
    idleExpiresAt: FIXTURE_NOW + HOUR,
  };
}

/** The 401 the BFF answers when nobody is signed in (or the session ended). */
export const UNAUTHENTICATED = {
  status: 401,
  body: { error: { code: 'unauthorized', message: 'Sign in to continue', requestId: 'req-401' } },
};

export function buildUser(username: string, overrides: Partial<User> = {}): User {
  return {
    username,
    role: 'responder',
    disabled: false,
    createdAt: FIXTURE_NOW - 30 * 24 * HOUR,
    lastLoginAt: FIXTURE_NOW - 2 * HOUR,
    ...overrides,
  };
}

export const users: User[] = [
  buildUser('root-admin', { role: 'admin', createdAt: FIXTURE_NOW - 90 * 24 * HOUR, lastLoginAt: FIXTURE_NOW - 60_000 }),
  buildUser('alice', { role: 'responder' }),
  buildUser('vera', { role: 'viewer', lastLoginAt: null }),
  buildUser('olaf', { role: 'responder', disabled: true, lastLoginAt: FIXTURE_NOW - 10 * 24 * HOUR }),
];

export function buildAuditRecord(id: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id,
    time: FIXTURE_NOW - (1000 - id) * 60_000,
    actor: 'alice',
    role: 'responder',
    action: 'monitor.mute',
    target: `monitor:${1000 + id}`,
    outcome: 'allowed',
    status: 200,
    upstreamStatus: 200,
    requestId: `req-${id}`,
    detail: 'scope=* end=+1h',
    ...overrides,
  };
}
