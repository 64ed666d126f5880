import { createHash, randomBytes } from 'node:crypto';

/**
 * The session cookie: the only cookie the BFF sets (SECURITY 7). `__Host-`
 * means Secure, Path=/ and no Domain, which browsers enforce; Chromium and
 * Firefox accept Secure cookies on http://127.0.0.1 and http://localhost.
 */
export const SESSION_COOKIE = '__Host-watchdeck_session';
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url (43 characters). */
export const newSessionId = () => randomBytes(32).toString('base64url');

/** What the store keeps instead of the id. */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

export function sessionCookie(id: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${id}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

/** The session id from a Cookie header, or null (absent or not shaped like one of ours). */
export function readSessionId(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (ID_PATTERN.test(value)) return value;
  }
  return null;
}
