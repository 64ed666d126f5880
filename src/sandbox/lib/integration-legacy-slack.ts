import { isMasked } from '../../contract/secrets';
import type { SlackChannelRow } from '../store/integrations-rows';
import { badRequest } from './errors';
import type { IntegrationDeps } from './integration-context';
import { booleanish, httpUrl, objectBody, objectList, onlyKeys, slackAccountName, slackChannelName } from './integration-fields';
import { DEFAULT_SLACK_DISPLAY } from './integration-slack-input';
import { required } from './schema-messages';

/**
 * The 2018 body of /api/v1/integration/slack:
 * `{service_hooks:[{account,url}], channels:[{channel_name, transfer_all_user_comments, account}]}`.
 * Its accounts and channels are the rows the v1 configuration endpoints serve.
 */

/** A hook URL sent back as its mask: keep the stored one. */
const KEEP = Symbol('keep');

interface HookInput {
  account: string;
  url: string | typeof KEEP;
}

interface ChannelInput {
  account: string;
  channel_name: string;
  transfer_all_user_comments?: boolean;
}

export interface LegacySlackInput {
  service_hooks?: HookInput[];
  channels?: ChannelInput[];
}

export function parseLegacySlack(body: unknown): LegacySlackInput {
  const b = objectBody(body);
  onlyKeys(b, ['service_hooks', 'channels', 'run_check']);
  const out: LegacySlackInput = {};
  if (b.service_hooks !== undefined && b.service_hooks !== null) {
    out.service_hooks = objectList(b.service_hooks).map((h) => {
      onlyKeys(h, ['account', 'url']);
      if (h.account === undefined) required('account');
      if (h.url === undefined || h.url === null) required('url');
      const account = slackAccountName(h.account);
      // The hook URL is a secret: its messages do not quote it.
      return { account, url: typeof h.url === 'string' && isMasked(h.url) ? KEEP : httpUrl(h.url, 'url', { secret: true }) };
    });
  }
  if (b.channels !== undefined && b.channels !== null) {
    out.channels = objectList(b.channels).map((ch) => {
      onlyKeys(ch, ['channel_name', 'account', 'transfer_all_user_comments']);
      if (ch.channel_name === undefined) required('channel_name');
      if (ch.account === undefined) required('account');
      const parsed: ChannelInput = { account: slackAccountName(ch.account), channel_name: slackChannelName(ch.channel_name, 'channel_name') };
      if (ch.transfer_all_user_comments !== undefined && ch.transfer_all_user_comments !== null) {
        parsed.transfer_all_user_comments = booleanish(ch.transfer_all_user_comments);
      }
      return parsed;
    });
  }
  return out;
}

const channelKey = (account: string, name: string) => `${account}\u0000${name}`;

/**
 * POST adds to the configuration (accounts and channels are upserted); PUT
 * replaces each part the body has (accounts or channels it does not list are
 * removed). All or nothing: one transaction.
 */
export function applyLegacySlack(deps: IntegrationDeps, input: LegacySlackInput, mode: 'add' | 'replace'): void {
  const { slack } = deps;
  deps.db.transaction(() => {
    const now = deps.nowUs();
    if (input.service_hooks) {
      const listed = new Set(input.service_hooks.map((h) => h.account));
      if (mode === 'replace') for (const a of slack.listAccounts()) if (!listed.has(a.name)) slack.deleteAccount(a.name);
      for (const h of input.service_hooks) {
        const existing = slack.getAccount(h.account);
        let url: string;
        if (h.url === KEEP) {
          if (!existing?.service_hook_url) {
            throw badRequest(`Invalid url for account '${h.account}': send the service hook URL itself, not its mask`);
          }
          url = existing.service_hook_url;
        } else {
          url = h.url;
        }
        slack.upsertAccount({ name: h.account, service_hook_url: url, created_us: existing?.created_us ?? now, modified_us: now });
      }
    }
    if (input.channels) {
      const listed = new Set(input.channels.map((ch) => channelKey(ch.account, ch.channel_name)));
      if (mode === 'replace') {
        for (const ch of slack.listChannels()) if (!listed.has(channelKey(ch.account, ch.name))) slack.deleteChannel(ch.account, ch.name);
      }
      for (const ch of input.channels) {
        if (!slack.getAccount(ch.account)) {
          throw badRequest(`Slack account '${ch.account}' does not exist in integration: add it in service_hooks first`);
        }
        const existing = slack.getChannel(ch.account, ch.channel_name);
        if (existing) {
          const transfer = ch.transfer_all_user_comments ?? (mode === 'replace' ? false : existing.transfer_all_user_comments);
          slack.updateChannel(existing.name, { ...existing, transfer_all_user_comments: transfer, modified_us: now });
        } else {
          const row: SlackChannelRow = {
            account: ch.account,
            name: ch.channel_name,
            display: { ...DEFAULT_SLACK_DISPLAY },
            transfer_all_user_comments: ch.transfer_all_user_comments ?? false,
            created_us: now,
            modified_us: now,
          };
          slack.insertChannel(row);
        }
      }
    }
  })();
}
