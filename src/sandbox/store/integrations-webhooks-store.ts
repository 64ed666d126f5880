import type { Db } from './db';
import type { CustomVariableRow, WebhookRow } from './integrations-rows';

const WEBHOOK_COLUMNS = 'name, url, payload, custom_headers, encode_as, created_us, modified_us';

interface VariableDbRow extends Omit<CustomVariableRow, 'is_secret'> {
  is_secret: number;
}

function variableFromDb(r: VariableDbRow): CustomVariableRow {
  return { ...r, is_secret: r.is_secret === 1 };
}

/**
 * Webhooks and their custom variables, keyed by name. The v1 configuration
 * endpoints and the 2018 /api/v1/integration/webhooks body share these rows.
 */
export class WebhooksStore {
  constructor(private readonly db: Db) {}

  get(name: string): WebhookRow | undefined {
    return this.db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM dd_webhooks WHERE name = ?`).get(name) as WebhookRow | undefined;
  }

  /** Every webhook, oldest first. */
  list(): WebhookRow[] {
    return this.db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM dd_webhooks ORDER BY seq`).all() as WebhookRow[];
  }

  insert(w: WebhookRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_webhooks (name, url, payload, custom_headers, encode_as, created_us, modified_us)
         VALUES (@name, @url, @payload, @custom_headers, @encode_as, @created_us, @modified_us)`,
      )
      .run(w);
  }

  /** Rewrites the webhook found under `currentName` (its name may change). */
  update(currentName: string, w: WebhookRow): void {
    this.db
      .prepare(
        `UPDATE dd_webhooks SET name=@name, url=@url, payload=@payload, custom_headers=@custom_headers,
           encode_as=@encode_as, modified_us=@modified_us
         WHERE name=@current`,
      )
      .run({ ...w, current: currentName });
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM dd_webhooks WHERE name = ?').run(name).changes > 0;
  }

  deleteAll(): void {
    this.db.prepare('DELETE FROM dd_webhooks').run();
  }

  getVariable(name: string): CustomVariableRow | undefined {
    const r = this.db.prepare('SELECT name, value, is_secret, created_us, modified_us FROM dd_webhook_custom_variables WHERE name = ?').get(name) as
      | VariableDbRow
      | undefined;
    return r ? variableFromDb(r) : undefined;
  }

  /** Every custom variable, oldest first. */
  listVariables(): CustomVariableRow[] {
    const rows = this.db.prepare('SELECT name, value, is_secret, created_us, modified_us FROM dd_webhook_custom_variables ORDER BY seq').all();
    return (rows as VariableDbRow[]).map(variableFromDb);
  }

  insertVariable(v: CustomVariableRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_webhook_custom_variables (name, value, is_secret, created_us, modified_us)
         VALUES (@name, @value, @is_secret, @created_us, @modified_us)`,
      )
      .run({ ...v, is_secret: v.is_secret ? 1 : 0 });
  }

  /** Rewrites the variable found under `currentName` (its name may change). */
  updateVariable(currentName: string, v: CustomVariableRow): void {
    this.db
      .prepare(
        `UPDATE dd_webhook_custom_variables SET name=@name, value=@value, is_secret=@is_secret, modified_us=@modified_us
         WHERE name=@current`,
      )
      .run({ ...v, is_secret: v.is_secret ? 1 : 0, current: currentName });
  }

  deleteVariable(name: string): boolean {
    return this.db.prepare('DELETE FROM dd_webhook_custom_variables WHERE name = ?').run(name).changes > 0;
  }

  deleteAllVariables(): void {
    this.db.prepare('DELETE FROM dd_webhook_custom_variables').run();
  }
}
