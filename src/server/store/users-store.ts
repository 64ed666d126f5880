import type { Database } from 'better-sqlite3';
import type { Role, User } from '../../contract/auth';

export interface UserRow {
  username: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

interface RawUser {
  username: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
}

const fromRaw = (r: RawUser): UserRow => ({
  username: r.username,
  role: r.role,
  passwordHash: r.password_hash,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

/** What the API shows of a user: never the hash. */
export const toUser = (u: UserRow): User => ({
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
  lastLoginAt: u.lastLoginAt,
});

export class UsersStore {
  constructor(private readonly db: Database) {}

  get(username: string): UserRow | null {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as RawUser | undefined;
    return row ? fromRaw(row) : null;
  }

  list(): UserRow[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as RawUser[]).map(fromRaw);
  }

  /** False when the username is taken. */
  create(user: { username: string; role: Role; passwordHash: string; createdAt: number }): boolean {
    const result = this.db
      .prepare(
        'INSERT INTO users (username, role, password_hash, disabled, created_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT(username) DO NOTHING',
      )
      .run(user.username, user.role, user.passwordHash, user.createdAt);
    return result.changes === 1;
  }

  update(username: string, change: { role?: Role; disabled?: boolean; passwordHash?: string }): void {
    const columns: [string, string | number][] = [];
    if (change.role !== undefined) columns.push(['role', change.role]);
    if (change.disabled !== undefined) columns.push(['disabled', change.disabled ? 1 : 0]);
    if (change.passwordHash !== undefined) columns.push(['password_hash', change.passwordHash]);
    if (columns.length === 0) return;
    const sets = columns.map(([name]) => `${name} = ?`);
    const values = columns.map(([, value]) => value);
    this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE username = ?`).run(...values, username);
  }

  recordLogin(username: string, at: number): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE username = ?').run(at, username);
  }

  countEnabledAdmins(): number {
    const row = this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number };
    return row.n;
  }

  /** Runs fn in one transaction (a check-then-write that must not interleave). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
