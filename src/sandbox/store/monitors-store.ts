import type { Db } from './db';
import type { GroupRow, MonitorRow } from './types';

interface MonitorDbRow extends Omit<MonitorRow, 'tags' | 'options' | 'multi' | 'restricted_roles'> {
  tags: string;
  options: string;
  multi: number;
  restricted_roles: string | null;
}

function fromDb(r: MonitorDbRow): MonitorRow {
  return {
    ...r,
    tags: JSON.parse(r.tags) as string[],
    options: JSON.parse(r.options) as Record<string, unknown>,
    multi: r.multi === 1,
    restricted_roles: r.restricted_roles === null ? null : (JSON.parse(r.restricted_roles) as string[]),
  };
}

function toDb(m: Omit<MonitorRow, 'id'> & { id?: number }): Record<string, unknown> {
  return {
    ...m,
    id: m.id ?? null,
    tags: JSON.stringify(m.tags),
    options: JSON.stringify(m.options),
    multi: m.multi ? 1 : 0,
    restricted_roles: m.restricted_roles === null ? null : JSON.stringify(m.restricted_roles),
  };
}

export type NewMonitor = Omit<MonitorRow, 'id'> & { id?: number };

export interface MonitorFilter {
  /** Case-insensitive substring of the name. */
  name?: string;
  /** Only ids greater than this. */
  idAfter?: number;
}

/** A page of the id-ordered list, cut by SQL (LIMIT/OFFSET on the primary key) instead of in memory. */
export interface MonitorPage {
  offset: number;
  limit: number;
}

/** What list filters and the group search read of a monitor: no options, message or query to parse. */
export type MonitorSummary = Pick<MonitorRow, 'id' | 'name' | 'tags' | 'type' | 'priority'>;

export class MonitorsStore {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly insertGroupStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO monitors (id, org_id, type, name, message, query, tags, options, multi, priority, restricted_roles,
         draft_status, creator_id, created_us, modified_us, overall_state_modified_us)
       VALUES (@id, @org_id, @type, @name, @message, @query, @tags, @options, @multi, @priority, @restricted_roles,
         @draft_status, @creator_id, @created_us, @modified_us, @overall_state_modified_us)`,
    );
    this.getStmt = db.prepare('SELECT * FROM monitors WHERE id = ?');
    this.insertGroupStmt = db.prepare(
      `INSERT INTO monitor_groups (monitor_id, name, status, last_triggered_ts, last_notified_ts, last_resolved_ts, last_nodata_ts)
       VALUES (@monitor_id, @name, @status, @last_triggered_ts, @last_notified_ts, @last_resolved_ts, @last_nodata_ts)`,
    );
  }

  /** Inserts a monitor and returns its id (the given one, or the next in sequence). */
  insert(m: NewMonitor): number {
    const info = this.insertStmt.run(toDb(m));
    return Number(info.lastInsertRowid);
  }

  insertGroup(g: GroupRow): void {
    this.insertGroupStmt.run(g);
  }

  /** Makes the next generated id `next` (only when it would move the sequence forward). */
  reserveIdsFrom(next: number): void {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'monitors'").get() as { seq: number } | undefined;
    if (row && row.seq >= next - 1) return;
    if (row) this.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'monitors'").run(next - 1);
    else this.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('monitors', ?)").run(next - 1);
  }

  get(id: number): MonitorRow | undefined {
    const r = this.getStmt.get(id) as MonitorDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  exists(id: number): boolean {
    return this.db.prepare('SELECT 1 FROM monitors WHERE id = ?').get(id) !== undefined;
  }

  /**
   * Monitors ordered by id; the SQL-side filters only (tags are filtered by the caller). With `page`,
   * only that page is read and parsed: at 10,000 monitors a page of 1000 no longer costs the whole table.
   */
  list(filter: MonitorFilter = {}, page?: MonitorPage): MonitorRow[] {
    const { where, params } = filterSql(filter);
    let sql = `SELECT * FROM monitors ${where} ORDER BY id`;
    if (page) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(page.limit, page.offset);
    }
    return (this.db.prepare(sql).all(...params) as MonitorDbRow[]).map(fromDb);
  }

  /** The same monitors as list(), with only the columns filters and searches need. */
  listSummaries(filter: MonitorFilter = {}): MonitorSummary[] {
    const { where, params } = filterSql(filter);
    const rows = this.db.prepare(`SELECT id, name, tags, type, priority FROM monitors ${where} ORDER BY id`).all(...params) as (Omit<
      MonitorSummary,
      'tags'
    > & { tags: string })[];
    return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
  }

  /** Full rows for these ids, ordered by id (ids that do not exist are skipped). */
  getMany(ids: readonly number[]): MonitorRow[] {
    const out: MonitorRow[] = [];
    // Bound the number of SQL variables per statement (SQLite's default limit is far above, but keep statements small).
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT * FROM monitors WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as MonitorDbRow[];
      out.push(...rows.map(fromDb));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  update(m: MonitorRow): void {
    this.db
      .prepare(
        `UPDATE monitors SET type=@type, name=@name, message=@message, query=@query, tags=@tags, options=@options,
           multi=@multi, priority=@priority, restricted_roles=@restricted_roles, draft_status=@draft_status,
           modified_us=@modified_us, overall_state_modified_us=@overall_state_modified_us
         WHERE id=@id`,
      )
      .run(toDb(m));
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM monitors WHERE id = ?').run(id).changes > 0;
  }

  groupsOf(id: number): GroupRow[] {
    return this.db.prepare('SELECT * FROM monitor_groups WHERE monitor_id = ? ORDER BY name').all(id) as GroupRow[];
  }

  /** Groups of many monitors at once, keyed by monitor id. */
  groupsFor(ids: readonly number[]): Map<number, GroupRow[]> {
    return this.groupsQuery<GroupRow>('*', ids);
  }

  /** Group names only (what scope matching reads), keyed by monitor id: cheaper than groupsFor over many monitors. */
  groupNamesFor(ids: readonly number[]): Map<number, Pick<GroupRow, 'monitor_id' | 'name'>[]> {
    return this.groupsQuery<Pick<GroupRow, 'monitor_id' | 'name'>>('monitor_id, name', ids);
  }

  private groupsQuery<T extends { monitor_id: number }>(columns: string, ids: readonly number[]): Map<number, T[]> {
    const out = new Map<number, T[]>();
    if (ids.length === 0) return out;
    let min = Infinity;
    let max = -Infinity;
    for (const id of ids) {
      out.set(id, []);
      // A loop, not Math.min(...ids): spreading 10,000+ arguments can overflow the stack.
      if (id < min) min = id;
      if (id > max) max = id;
    }
    // Both read the primary key (monitor_id, name) in order: a range scan for many ids, point lookups for few.
    const rows =
      ids.length > 500
        ? (this.db
            .prepare(`SELECT ${columns} FROM monitor_groups WHERE monitor_id BETWEEN ? AND ? ORDER BY monitor_id, name`)
            .all(min, max) as T[])
        : (this.db
            .prepare(`SELECT ${columns} FROM monitor_groups WHERE monitor_id IN (${ids.map(() => '?').join(',')}) ORDER BY monitor_id, name`)
            .all(...ids) as T[]);
    for (const g of rows) out.get(g.monitor_id)?.push(g);
    return out;
  }

  /** Monitor ids of composites whose query mentions this id. */
  compositesReferencing(id: number): number[] {
    const rows = this.db.prepare("SELECT id, query FROM monitors WHERE type = 'composite' AND id != ?").all(id) as {
      id: number;
      query: string;
    }[];
    return rows.filter((r) => referencedIds(r.query).includes(id)).map((r) => r.id);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM monitors').get() as { n: number }).n;
  }
}

function filterSql(filter: MonitorFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.name) {
    where.push('instr(lower(name), lower(?)) > 0');
    params.push(filter.name);
  }
  if (filter.idAfter !== undefined) {
    where.push('id > ?');
    params.push(filter.idAfter);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Monitor ids in a composite query such as "1000001 && !1000002". */
export function referencedIds(query: string): number[] {
  return [...query.matchAll(/\d+/g)].map((m) => Number(m[0]));
}
