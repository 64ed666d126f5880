import type { Db } from './db';
import type { TransitionRow } from './incident-rows';

/** State and severity changes of incidents, for the timeline (a sandbox-only record). */
export class TransitionsStore {
  constructor(private readonly db: Db) {}

  insert(t: Omit<TransitionRow, 'seq'>): void {
    this.db
      .prepare(
        `INSERT INTO incident_transitions (incident_id, field, from_value, to_value, at_us, user_id)
         VALUES (@incident_id, @field, @from_value, @to_value, @at_us, @user_id)`,
      )
      .run(t);
  }

  /** An incident's transitions in time order. */
  list(incidentId: string): TransitionRow[] {
    return this.db
      .prepare('SELECT * FROM incident_transitions WHERE incident_id = ? ORDER BY at_us, seq')
      .all(incidentId) as TransitionRow[];
  }
}
