import type { Db } from './db';
import type { PagerDutyServiceRow, PagerDutySettingsRow } from './integrations-rows';

const SERVICE_COLUMNS = 'service_name, service_key, created_us, modified_us';

/**
 * PagerDuty services (name + key) and the account-wide settings (subdomain,
 * schedules, API token). The v1 configuration endpoints and the 2018
 * /api/v1/integration/pagerduty body share these rows.
 */
export class PagerDutyStore {
  constructor(private readonly db: Db) {}

  getService(name: string): PagerDutyServiceRow | undefined {
    return this.db.prepare(`SELECT ${SERVICE_COLUMNS} FROM dd_pagerduty_services WHERE service_name = ?`).get(name) as
      | PagerDutyServiceRow
      | undefined;
  }

  /** Every service, oldest first. */
  listServices(): PagerDutyServiceRow[] {
    return this.db.prepare(`SELECT ${SERVICE_COLUMNS} FROM dd_pagerduty_services ORDER BY seq`).all() as PagerDutyServiceRow[];
  }

  insertService(s: PagerDutyServiceRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_pagerduty_services (service_name, service_key, created_us, modified_us)
         VALUES (@service_name, @service_key, @created_us, @modified_us)`,
      )
      .run(s);
  }

  setServiceKey(name: string, key: string, modifiedUs: number): boolean {
    return (
      this.db.prepare('UPDATE dd_pagerduty_services SET service_key = ?, modified_us = ? WHERE service_name = ?').run(key, modifiedUs, name)
        .changes > 0
    );
  }

  deleteService(name: string): boolean {
    return this.db.prepare('DELETE FROM dd_pagerduty_services WHERE service_name = ?').run(name).changes > 0;
  }

  getSettings(): PagerDutySettingsRow | undefined {
    const r = this.db.prepare('SELECT subdomain, schedules, api_token, modified_us FROM dd_pagerduty_settings WHERE id = 1').get() as
      | (Omit<PagerDutySettingsRow, 'schedules'> & { schedules: string })
      | undefined;
    return r ? { ...r, schedules: JSON.parse(r.schedules) as string[] } : undefined;
  }

  putSettings(s: PagerDutySettingsRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_pagerduty_settings (id, subdomain, schedules, api_token, modified_us)
         VALUES (1, @subdomain, @schedules, @api_token, @modified_us)
         ON CONFLICT(id) DO UPDATE SET subdomain = excluded.subdomain, schedules = excluded.schedules,
           api_token = excluded.api_token, modified_us = excluded.modified_us`,
      )
      .run({ ...s, schedules: JSON.stringify(s.schedules) });
  }

  /** Removes every service and the settings. */
  deleteAll(): void {
    this.db.prepare('DELETE FROM dd_pagerduty_services').run();
    this.db.prepare('DELETE FROM dd_pagerduty_settings').run();
  }
}
