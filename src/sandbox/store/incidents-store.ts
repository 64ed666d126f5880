import type { Db } from './db';
import type { IncidentRow, NewIncident } from './incident-rows';

interface IncidentDbRow
  extends Omit<IncidentRow, 'fields' | 'customer_impacted' | 'notification_handles' | 'initial_cells' | 'is_test'> {
  fields: string;
  customer_impacted: number;
  notification_handles: string | null;
  initial_cells: string | null;
  is_test: number;
}

function fromDb(r: IncidentDbRow): IncidentRow {
  return {
    ...r,
    fields: JSON.parse(r.fields) as IncidentRow['fields'],
    customer_impacted: r.customer_impacted === 1,
    notification_handles: r.notification_handles === null ? null : (JSON.parse(r.notification_handles) as IncidentRow['notification_handles']),
    initial_cells: r.initial_cells === null ? null : (JSON.parse(r.initial_cells) as unknown[]),
    is_test: r.is_test === 1,
  };
}

function toDb(i: NewIncident | IncidentRow): Record<string, unknown> {
  return {
    public_id: null,
    ...i,
    fields: JSON.stringify(i.fields),
    customer_impacted: i.customer_impacted ? 1 : 0,
    notification_handles: i.notification_handles === null ? null : JSON.stringify(i.notification_handles),
    initial_cells: i.initial_cells === null ? null : JSON.stringify(i.initial_cells),
    is_test: i.is_test ? 1 : 0,
  };
}

const COLUMNS = [
  'id',
  'title',
  'state',
  'severity',
  'fields',
  'customer_impacted',
  'customer_impact_scope',
  'customer_impact_start_us',
  'customer_impact_end_us',
  'detected_us',
  'resolved_us',
  'declared_us',
  'created_us',
  'modified_us',
  'notification_handles',
  'initial_cells',
  'is_test',
  'incident_type_uuid',
  'commander_id',
  'created_by',
  'modified_by',
  'declared_by',
] as const;

export class IncidentsStore {
  constructor(private readonly db: Db) {}

  /** Stores a new incident and returns its public id (the next in sequence, never reused). */
  insert(i: NewIncident): number {
    const sql = `INSERT INTO incidents (public_id, ${COLUMNS.join(', ')}) VALUES (@public_id, ${COLUMNS.map((c) => `@${c}`).join(', ')})`;
    return Number(this.db.prepare(sql).run(toDb(i)).lastInsertRowid);
  }

  update(i: IncidentRow): void {
    const sets = COLUMNS.filter((c) => c !== 'id' && c !== 'created_us' && c !== 'created_by').map((c) => `${c}=@${c}`);
    this.db.prepare(`UPDATE incidents SET ${sets.join(', ')} WHERE id=@id`).run(toDb(i));
  }

  get(id: string): IncidentRow | undefined {
    const r = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id.toLowerCase()) as IncidentDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  /** Every incident, newest first (by creation, then by public id). */
  list(): IncidentRow[] {
    return (this.db.prepare('SELECT * FROM incidents ORDER BY created_us DESC, public_id DESC').all() as IncidentDbRow[]).map(fromDb);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM incidents WHERE id = ?').run(id).changes > 0;
  }
}
