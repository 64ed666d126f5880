import { z } from 'zod';

/**
 * Who is acting and what they may do: the BFF-to-SPA wire for sessions,
 * users and the audit log. Roles are ordered: each includes the ones before it.
 */
export const ROLES = ['viewer', 'responder', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** True when `role` may do what `needed` may do. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const SessionUserSchema = z.looseObject({
  username: z.string(),
  role: RoleSchema,
  /** local: a watchdeck account; proxy: identity from a trusted auth proxy. */
  authMode: z.enum(['local', 'proxy']).or(z.string()),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionResponseSchema = z.looseObject({
  user: SessionUserSchema,
  /** When the session ends regardless of activity, and when it ends if idle from now (epoch ms); null in proxy mode. */
  expiresAt: z.number().nullable(),
  idleExpiresAt: z.number().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const UserSchema = z.looseObject({
  username: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListResponseSchema = z.looseObject({ users: z.array(UserSchema) });

const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);

export const CreateUserRequestSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(USERNAME_PATTERN, '2-64 characters: lower-case letters, digits, dot, dash, underscore; starting with a letter or digit'),
  password: PasswordSchema,
  role: RoleSchema,
});
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

/** Change a user's role, disable or enable them, or reset their password. At least one field. */
export const UpdateUserRequestSchema = z
  .strictObject({
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.password !== undefined, {
    message: 'Give a role, disabled, or a password',
  });
export type UpdateUserRequest = z.input<typeof UpdateUserRequestSchema>;

export const UsernameParamSchema = z.object({ username: z.string().regex(USERNAME_PATTERN) });

/** One audit record: every mutation, allowed or denied, writes exactly one. */
export const AuditRecordSchema = z.looseObject({
  id: z.number().int(),
  /** Epoch ms, UTC. */
  time: z.number(),
  /** Username, or "anonymous" for a request with no session. */
  actor: z.string(),
  role: z.string().nullable(),
  /** e.g. "monitor.mute", "monitor.unmute", "downtime.cancel", "user.create", "session.login". */
  action: z.string(),
  /** e.g. "monitor:1000012", "downtime:<uuid>", "user:alice". */
  target: z.string(),
  /** allowed (done), denied (403/401/CSRF), invalid (400), failed (upstream or server error). */
  outcome: z.enum(['allowed', 'denied', 'invalid', 'failed']).or(z.string()),
  /** HTTP status the BFF answered. */
  status: z.number().int(),
  upstreamStatus: z.number().int().nullable(),
  requestId: z.string(),
  /** Short, single-line, secret-free detail: the scope and end of a mute, the reason of a denial. */
  detail: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditQuerySchema = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  target: z.string().max(200).optional(),
  outcome: z.string().max(16).optional(),
  /** Epoch ms bounds, inclusive. */
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Records with id below this, for the next page. */
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditListResponseSchema = z.looseObject({
  records: z.array(AuditRecordSchema),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

/**
 * Error codes for sign-in and user management, alongside contract/errors.ts ERROR_CODES:
 * 401 unauthorized (no valid session: show the login page), 401 invalid_credentials
 * (wrong username or password, one message for both), 409 conflict (a duplicate user,
 * or removing the last enabled admin). Throttled logins answer 429 rate_limited.
 */
export const AUTH_ERROR_CODES = ['unauthorized', 'invalid_credentials', 'conflict'] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];
