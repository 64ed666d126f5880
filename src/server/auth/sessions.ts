import type { BffStore } from '../store/open-store';
import type { SessionRow } from '../store/sessions-store';
import type { UserRow } from '../store/users-store';
import { hashSessionId, newSessionId, readSessionId } from './session-cookie';

/**
 * Local sessions: created at login with a fresh id (rotation), found by the
 * SHA-256 of the cookie value, ended by idle time, absolute age, logout, or
 * the user being disabled or removed. The user is read on every request, so
 * a role change or a disable applies to the very next one (SECURITY 11, 17).
 */
export interface SessionOptions {
  store: BffStore;
  idleMs: number;
  maxMs: number;
  now: () => number;
}

export interface LiveSession {
  session: SessionRow;
  user: UserRow;
}

export class Sessions {
  constructor(private readonly options: SessionOptions) {}

  /** How often last_seen is written: often enough for idle expiry, not a disk write per request. */
  private get touchEveryMs(): number {
    return Math.min(30_000, Math.floor(this.options.idleMs / 10));
  }

  create(username: string): { id: string; session: SessionRow } {
    const { store, now, maxMs, idleMs } = this.options;
    const at = now();
    store.sessions.deleteExpired(at, idleMs);
    const id = newSessionId();
    const session: SessionRow = { idHash: hashSessionId(id), username, createdAt: at, lastSeenAt: at, expiresAt: at + maxMs };
    store.sessions.insert(session);
    return { id, session };
  }

  /** The live session a Cookie header names, or null; forgets sessions it finds dead. */
  resolve(cookieHeader: string | undefined): LiveSession | null {
    const id = readSessionId(cookieHeader);
    if (id === null) return null;
    const { store, now, idleMs } = this.options;
    const idHash = hashSessionId(id);
    const session = store.sessions.get(idHash);
    if (!session) return null;
    const at = now();
    if (at >= session.expiresAt || at >= session.lastSeenAt + idleMs) {
      store.sessions.delete(idHash);
      return null;
    }
    const user = store.users.get(session.username);
    if (!user || user.disabled) {
      store.sessions.delete(idHash);
      return null;
    }
    if (at - session.lastSeenAt >= this.touchEveryMs) {
      store.sessions.touch(idHash, at);
      session.lastSeenAt = at;
    }
    return { session, user };
  }

  end(idHash: string): void {
    this.options.store.sessions.delete(idHash);
  }

  endAllFor(username: string, keepIdHash?: string): number {
    return this.options.store.sessions.deleteForUser(username, keepIdHash);
  }

  expiries(session: SessionRow): { expiresAt: number; idleExpiresAt: number } {
    return { expiresAt: session.expiresAt, idleExpiresAt: Math.min(session.expiresAt, session.lastSeenAt + this.options.idleMs) };
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.options.maxMs / 1000);
  }
}
