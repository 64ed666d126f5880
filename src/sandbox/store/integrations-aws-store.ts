import type { Db } from './db';
import type { AwsAccountRow } from './integrations-rows';

interface AwsDbRow extends Omit<AwsAccountRow, 'config'> {
  seq: number;
  config: string;
}

function fromDb(r: AwsDbRow): AwsAccountRow {
  const { seq: _seq, ...rest } = r;
  return { ...rest, config: JSON.parse(r.config) as Record<string, unknown> };
}

function toDb(a: AwsAccountRow): Record<string, unknown> {
  return { ...a, config: JSON.stringify(a.config) };
}

/** v1 AWS accounts (role-based), keyed by account_id. */
export class AwsAccountsStore {
  constructor(private readonly db: Db) {}

  insert(a: AwsAccountRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_aws_accounts (account_id, role_name, external_id, config, created_us, modified_us)
         VALUES (@account_id, @role_name, @external_id, @config, @created_us, @modified_us)`,
      )
      .run(toDb(a));
  }

  /** Rewrites the account found under `currentAccountId` (its id may change). */
  replace(currentAccountId: string, a: AwsAccountRow): void {
    this.db
      .prepare(
        `UPDATE dd_aws_accounts SET account_id=@account_id, role_name=@role_name, external_id=@external_id,
           config=@config, modified_us=@modified_us
         WHERE account_id=@current`,
      )
      .run({ ...toDb(a), current: currentAccountId });
  }

  get(accountId: string): AwsAccountRow | undefined {
    const r = this.db.prepare('SELECT * FROM dd_aws_accounts WHERE account_id = ?').get(accountId) as AwsDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  /** Every account, oldest first. */
  list(): AwsAccountRow[] {
    return (this.db.prepare('SELECT * FROM dd_aws_accounts ORDER BY seq').all() as AwsDbRow[]).map(fromDb);
  }

  delete(accountId: string): boolean {
    return this.db.prepare('DELETE FROM dd_aws_accounts WHERE account_id = ?').run(accountId).changes > 0;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM dd_aws_accounts').get() as { n: number }).n;
  }
}
