import type { Db } from './db';
import type { SlackAccountRow, SlackChannelRow, SlackDisplay } from './integrations-rows';

interface ChannelDbRow extends Omit<SlackChannelRow, 'display' | 'transfer_all_user_comments'> {
  seq: number;
  display: string;
  transfer_all_user_comments: number;
}

function channelFromDb(r: ChannelDbRow): SlackChannelRow {
  const { seq: _seq, ...rest } = r;
  return { ...rest, display: JSON.parse(r.display) as SlackDisplay, transfer_all_user_comments: r.transfer_all_user_comments === 1 };
}

function channelToDb(ch: SlackChannelRow): Record<string, unknown> {
  return { ...ch, display: JSON.stringify(ch.display), transfer_all_user_comments: ch.transfer_all_user_comments ? 1 : 0 };
}

/**
 * Slack accounts (each with its service hook URL) and their channels. The v1
 * configuration endpoints and the 2018 /api/v1/integration/slack body both
 * read and write these rows.
 */
export class SlackStore {
  constructor(private readonly db: Db) {}

  getAccount(name: string): SlackAccountRow | undefined {
    const r = this.db.prepare('SELECT name, service_hook_url, created_us, modified_us FROM dd_slack_accounts WHERE name = ?').get(name);
    return r as SlackAccountRow | undefined;
  }

  /** Every account, oldest first. */
  listAccounts(): SlackAccountRow[] {
    return this.db.prepare('SELECT name, service_hook_url, created_us, modified_us FROM dd_slack_accounts ORDER BY seq').all() as SlackAccountRow[];
  }

  /** Inserts the account, or sets the hook URL of an existing one. */
  upsertAccount(a: SlackAccountRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_slack_accounts (name, service_hook_url, created_us, modified_us)
         VALUES (@name, @service_hook_url, @created_us, @modified_us)
         ON CONFLICT(name) DO UPDATE SET service_hook_url = excluded.service_hook_url, modified_us = excluded.modified_us`,
      )
      .run(a);
  }

  /** Deletes an account and (by cascade) its channels. */
  deleteAccount(name: string): boolean {
    return this.db.prepare('DELETE FROM dd_slack_accounts WHERE name = ?').run(name).changes > 0;
  }

  deleteAllAccounts(): void {
    this.db.prepare('DELETE FROM dd_slack_accounts').run();
  }

  countAccounts(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM dd_slack_accounts').get() as { n: number }).n;
  }

  getChannel(account: string, name: string): SlackChannelRow | undefined {
    const r = this.db.prepare('SELECT * FROM dd_slack_channels WHERE account = ? AND name = ?').get(account, name) as ChannelDbRow | undefined;
    return r ? channelFromDb(r) : undefined;
  }

  /** One account's channels (or every channel), oldest first. */
  listChannels(account?: string): SlackChannelRow[] {
    const rows =
      account === undefined
        ? this.db.prepare('SELECT * FROM dd_slack_channels ORDER BY seq').all()
        : this.db.prepare('SELECT * FROM dd_slack_channels WHERE account = ? ORDER BY seq').all(account);
    return (rows as ChannelDbRow[]).map(channelFromDb);
  }

  insertChannel(ch: SlackChannelRow): void {
    this.db
      .prepare(
        `INSERT INTO dd_slack_channels (account, name, display, transfer_all_user_comments, created_us, modified_us)
         VALUES (@account, @name, @display, @transfer_all_user_comments, @created_us, @modified_us)`,
      )
      .run(channelToDb(ch));
  }

  /** Rewrites the channel found under `currentName` in its account (its name may change). */
  updateChannel(currentName: string, ch: SlackChannelRow): void {
    this.db
      .prepare(
        `UPDATE dd_slack_channels SET name=@name, display=@display, transfer_all_user_comments=@transfer_all_user_comments,
           modified_us=@modified_us
         WHERE account=@account AND name=@current`,
      )
      .run({ ...channelToDb(ch), current: currentName });
  }

  deleteChannel(account: string, name: string): boolean {
    return this.db.prepare('DELETE FROM dd_slack_channels WHERE account = ? AND name = ?').run(account, name).changes > 0;
  }
}
