import type { Db } from './db';
import type { UserRow } from './types';

export function insertUser(db: Db, u: UserRow): void {
  db.prepare(
    `INSERT INTO users (id, uuid, name, handle, email, title, created_us, modified_us)
     VALUES (@id, @uuid, @name, @handle, @email, @title, @created_us, @modified_us)`,
  ).run(u);
}

export function getUser(db: Db, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function listUsers(db: Db): UserRow[] {
  return db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[];
}

export function getUserByUuid(db: Db, uuid: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE uuid = ? COLLATE NOCASE').get(uuid) as UserRow | undefined;
}

/** Inserts a user unless one with that id exists (for upgrading older data files). */
export function insertUserIfMissing(db: Db, u: UserRow): void {
  db.prepare(
    `INSERT OR IGNORE INTO users (id, uuid, name, handle, email, title, created_us, modified_us)
     VALUES (@id, @uuid, @name, @handle, @email, @title, @created_us, @modified_us)`,
  ).run(u);
}

/** A user lookup for one request, remembering what it already read. */
export function userLookup(db: Db): (id: number) => UserRow | undefined {
  const seen = new Map<number, UserRow | undefined>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, getUser(db, id));
    return seen.get(id);
  };
}
