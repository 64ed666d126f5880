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
