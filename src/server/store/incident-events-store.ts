import type { Database } from 'better-sqlite3';

/**
 * What watchdeck did to an incident (a state, severity, commander, teams,
 * title or impact change, a note, a todo), kept in the BFF's own database for
 * the timeline: Datadog has no timeline API. `ref` names the todo a todo
 * event is about.
 */
export interface IncidentEvent {
  id: number;
  incidentId: string;
  at: number;
  kind: string;
  /** The signed-in watchdeck user. */
  actor: string;
  summary: string;
  detail: string | null;
  from: string | null;
  to: string | null;
  ref: string | null;
}

export type NewIncidentEvent = Omit<IncidentEvent, 'id'>;

interface RawEvent {
  id: number;
  incident_id: string;
  time: number;
  kind: string;
  actor: string;
  summary: string;
  detail: string | null;
  from_value: string | null;
  to_value: string | null;
  ref: string | null;
}

const fromRaw = (r: RawEvent): IncidentEvent => ({
  id: r.id,
  incidentId: r.incident_id,
  at: r.time,
  kind: r.kind,
  actor: r.actor,
  summary: r.summary,
  detail: r.detail,
  from: r.from_value,
  to: r.to_value,
  ref: r.ref,
});

/** Most events one incident's timeline reads. */
export const MAX_EVENTS_PER_INCIDENT = 5000;

export class IncidentEventsStore {
  constructor(private readonly db: Database) {}

  /** Appends the events in one transaction; returns their ids. */
  append(events: readonly NewIncidentEvent[]): number[] {
    const insert = this.db.prepare(
      `INSERT INTO incident_events (incident_id, time, kind, actor, summary, detail, from_value, to_value, ref)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() =>
      events.map((e) =>
        Number(insert.run(e.incidentId, e.at, e.kind, e.actor, e.summary, e.detail, e.from, e.to, e.ref).lastInsertRowid),
      ),
    )();
  }

  /** One incident's events, oldest first (ties in the order they were recorded). */
  list(incidentId: string): IncidentEvent[] {
    const rows = this.db
      .prepare('SELECT * FROM incident_events WHERE incident_id = ? ORDER BY time, id LIMIT ?')
      .all(incidentId, MAX_EVENTS_PER_INCIDENT) as RawEvent[];
    return rows.map(fromRaw);
  }

  /** Forgets a deleted incident's events; returns how many. */
  deleteFor(incidentId: string): number {
    return this.db.prepare('DELETE FROM incident_events WHERE incident_id = ?').run(incidentId).changes;
  }
}
