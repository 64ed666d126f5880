import type { Db } from './db';
import type { TodoRow } from './incident-rows';

interface TodoDbRow extends Omit<TodoRow, 'assignees'> {
  seq: number;
  assignees: string;
}

function fromDb(r: TodoDbRow): TodoRow {
  const { seq: _seq, ...rest } = r;
  return { ...rest, assignees: JSON.parse(r.assignees) as TodoRow['assignees'] };
}

function toDb(t: TodoRow): Record<string, unknown> {
  return { ...t, assignees: JSON.stringify(t.assignees) };
}

export class TodosStore {
  constructor(private readonly db: Db) {}

  insert(t: TodoRow): void {
    this.db
      .prepare(
        `INSERT INTO incident_todos (id, incident_id, content, assignees, due_us, completed_us, created_us, modified_us, created_by, modified_by)
         VALUES (@id, @incident_id, @content, @assignees, @due_us, @completed_us, @created_us, @modified_us, @created_by, @modified_by)`,
      )
      .run(toDb(t));
  }

  update(t: TodoRow): void {
    this.db
      .prepare(
        `UPDATE incident_todos SET content=@content, assignees=@assignees, due_us=@due_us, completed_us=@completed_us,
           modified_us=@modified_us, modified_by=@modified_by
         WHERE id=@id`,
      )
      .run(toDb(t));
  }

  get(incidentId: string, id: string): TodoRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM incident_todos WHERE incident_id = ? AND id = ?')
      .get(incidentId.toLowerCase(), id.toLowerCase()) as TodoDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  /** An incident's todos, oldest first. */
  list(incidentId: string): TodoRow[] {
    return (this.db.prepare('SELECT * FROM incident_todos WHERE incident_id = ? ORDER BY seq').all(incidentId) as TodoDbRow[]).map(fromDb);
  }

  delete(incidentId: string, id: string): boolean {
    return this.db.prepare('DELETE FROM incident_todos WHERE incident_id = ? AND id = ?').run(incidentId, id).changes > 0;
  }
}
