import type { Database } from 'better-sqlite3';

export interface SessionRow {
  idHash: string;
  username: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

interface RawSession {
  id_hash: string;
  username: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** Sessions by the SHA-256 of their id; the id itself is never stored. */
export class SessionsStore {
  constructor(private readonly db: Database) {}

  insert(s: SessionRow): void {
    this.db
      .prepare('INSERT INTO sessions (id_hash, username, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.idHash, s.username, s.createdAt, s.lastSeenAt, s.expiresAt);
  }

  get(idHash: string): SessionRow | null {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as RawSession | undefined;
    return r
      ? { idHash: r.id_hash, username: r.username, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at }
      : null;
  }

  touch(idHash: string, at: number): void {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
  }

  delete(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  /** Ends every session of a user, except the one with `keepIdHash` when given. */
  deleteForUser(username: string, keepIdHash?: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE username = ? AND id_hash != ?').run(username, keepIdHash ?? '').changes;
  }

  /** Drops sessions past their absolute end or idle for longer than idleMs. */
  deleteExpired(now: number, idleMs: number): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at + ? <= ?').run(now, idleMs, now).changes;
  }

  countForUser(username: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE username = ?').get(username) as { n: number }).n;
  }
}
