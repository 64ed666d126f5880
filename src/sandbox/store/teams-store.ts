import type { Db } from './db';
import type { MembershipRow, TeamRow } from './team-rows';

interface TeamDbRow extends Omit<TeamRow, 'visible_modules' | 'hidden_modules'> {
  seq: number;
  visible_modules: string | null;
  hidden_modules: string | null;
}

function fromDb(r: TeamDbRow): TeamRow {
  const { seq: _seq, ...rest } = r;
  return {
    ...rest,
    visible_modules: r.visible_modules === null ? null : (JSON.parse(r.visible_modules) as string[]),
    hidden_modules: r.hidden_modules === null ? null : (JSON.parse(r.hidden_modules) as string[]),
  };
}

function toDb(t: TeamRow): Record<string, unknown> {
  return {
    ...t,
    visible_modules: t.visible_modules === null ? null : JSON.stringify(t.visible_modules),
    hidden_modules: t.hidden_modules === null ? null : JSON.stringify(t.hidden_modules),
  };
}

/**
 * Teams and their members. One table serves both the Teams API (/api/v2/team)
 * and the deprecated Incident Teams API (/api/v2/teams).
 */
export class TeamsStore {
  constructor(private readonly db: Db) {}

  insert(t: TeamRow): void {
    this.db
      .prepare(
        `INSERT INTO teams (id, name, handle, summary, description, avatar, banner, visible_modules, hidden_modules,
           created_us, modified_us, created_by, modified_by)
         VALUES (@id, @name, @handle, @summary, @description, @avatar, @banner, @visible_modules, @hidden_modules,
           @created_us, @modified_us, @created_by, @modified_by)`,
      )
      .run(toDb(t));
  }

  update(t: TeamRow): void {
    this.db
      .prepare(
        `UPDATE teams SET name=@name, handle=@handle, summary=@summary, description=@description, avatar=@avatar,
           banner=@banner, visible_modules=@visible_modules, hidden_modules=@hidden_modules,
           modified_us=@modified_us, modified_by=@modified_by
         WHERE id=@id`,
      )
      .run(toDb(t));
  }

  get(id: string): TeamRow | undefined {
    const r = this.db.prepare('SELECT * FROM teams WHERE id = ?').get(id.toLowerCase()) as TeamDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  /** Another team with this name or handle (case-insensitive), if any. */
  conflicting(name: string, handle: string, exceptId?: string): TeamRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM teams WHERE (name = ? COLLATE NOCASE OR handle = ? COLLATE NOCASE) AND id IS NOT ? LIMIT 1')
      .get(name, handle, exceptId ?? null) as TeamDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  handleTaken(handle: string): boolean {
    return this.db.prepare('SELECT 1 FROM teams WHERE handle = ? COLLATE NOCASE').get(handle) !== undefined;
  }

  /** Every team, oldest first. */
  list(): TeamRow[] {
    return (this.db.prepare('SELECT * FROM teams ORDER BY seq').all() as TeamDbRow[]).map(fromDb);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM teams').get() as { n: number }).n;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM teams WHERE id = ?').run(id).changes > 0;
  }

  members(teamId: string): MembershipRow[] {
    return this.db
      .prepare('SELECT team_id, user_id, role, created_us FROM team_memberships WHERE team_id = ? ORDER BY seq')
      .all(teamId) as MembershipRow[];
  }

  /** Member counts by team id. */
  userCounts(): Map<string, number> {
    const rows = this.db.prepare('SELECT team_id, COUNT(*) AS n FROM team_memberships GROUP BY team_id').all() as {
      team_id: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.team_id, r.n]));
  }

  /** Ids of the teams a user belongs to. */
  teamsOf(userId: number): Set<string> {
    const rows = this.db.prepare('SELECT team_id FROM team_memberships WHERE user_id = ?').all(userId) as { team_id: string }[];
    return new Set(rows.map((r) => r.team_id));
  }

  isMember(teamId: string, userId: number): boolean {
    return this.db.prepare('SELECT 1 FROM team_memberships WHERE team_id = ? AND user_id = ?').get(teamId, userId) !== undefined;
  }

  addMember(m: MembershipRow): void {
    this.db
      .prepare('INSERT INTO team_memberships (team_id, user_id, role, created_us) VALUES (@team_id, @user_id, @role, @created_us)')
      .run(m);
  }

  removeMember(teamId: string, userId: number): boolean {
    return this.db.prepare('DELETE FROM team_memberships WHERE team_id = ? AND user_id = ?').run(teamId, userId).changes > 0;
  }
}
