import type { Database } from 'better-sqlite3';

/**
 * The names of integration items added through watchdeck: Slack accounts it
 * verified, PagerDuty services, webhooks and custom variables it created. A
 * Datadog without the 2018 listings cannot say which exist, so the BFF asks
 * for each of these by name. Names only: never a key or a value.
 */
export const INTEGRATION_NAME_KINDS = ['slack_account', 'pagerduty_service', 'webhook', 'custom_variable'] as const;
export type IntegrationNameKind = (typeof INTEGRATION_NAME_KINDS)[number];

/** At most this many names per kind are read back (each costs an upstream call). */
export const MAX_NAMES_PER_KIND = 200;

export class IntegrationNamesStore {
  constructor(private readonly db: Database) {}

  /** Remembers a name; a name already known keeps its first record. */
  add(kind: IntegrationNameKind, name: string, addedBy: string, at: number): void {
    this.db
      .prepare('INSERT INTO integration_names (kind, name, added_at, added_by) VALUES (?, ?, ?, ?) ON CONFLICT (kind, name) DO NOTHING')
      .run(kind, name, at, addedBy);
  }

  remove(kind: IntegrationNameKind, name: string): void {
    this.db.prepare('DELETE FROM integration_names WHERE kind = ? AND name = ?').run(kind, name);
  }

  /** The names of one kind, in name order (SQLite's binary collation). */
  list(kind: IntegrationNameKind): string[] {
    const rows = this.db
      .prepare('SELECT name FROM integration_names WHERE kind = ? ORDER BY name LIMIT ?')
      .all(kind, MAX_NAMES_PER_KIND) as { name: string }[];
    return rows.map((r) => r.name);
  }
}
