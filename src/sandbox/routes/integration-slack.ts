import type { Context, Hono } from 'hono';
import type { IntegrationDeps } from '../lib/integration-context';
import { parseSlackChannelCreate, parseSlackChannelUpdate } from '../lib/integration-slack-input';
import { renderSlackChannel } from '../lib/integration-views';
import { HttpError, notFound } from '../lib/errors';
import { readJson } from '../lib/json-body';
import type { SlackAccountRow, SlackChannelRow } from '../store/integrations-rows';

const BASE = '/api/v1/integration/slack/configuration/accounts/:account/channels';

/** No recording has these; the sandbox's wording. */
export const slackAccountMissing = (account: string) => `Slack account '${account}' does not exist in integration`;
export const slackChannelMissing = (account: string, channel: string) => `Channel ${channel} does not exist in Slack account '${account}'`;
export const slackChannelExists = (account: string, channel: string) => `Channel ${channel} already exists in Slack account '${account}'`;

/** A channel name from a path: decoded, with or without its "#". */
export function channelFromPath(raw: string): string {
  const name = raw.trim();
  return name.startsWith('#') ? name : `#${name}`;
}

/** The v1 Slack configuration: one account's channels. */
export function registerSlackIntegrationRoutes(app: Hono, deps: IntegrationDeps): void {
  const { slack } = deps;

  const account = (c: Context): SlackAccountRow => {
    const name = c.req.param('account') ?? '';
    const a = slack.getAccount(name);
    if (!a) throw notFound(slackAccountMissing(name));
    return a;
  };

  const channel = (c: Context): SlackChannelRow => {
    const a = account(c);
    const name = channelFromPath(c.req.param('channel') ?? '');
    const ch = slack.getChannel(a.name, name);
    if (!ch) throw notFound(slackChannelMissing(a.name, name));
    return ch;
  };

  app.get(BASE, (c) => c.json(slack.listChannels(account(c).name).map(renderSlackChannel)));

  app.post(BASE, async (c) => {
    const a = account(c);
    const input = parseSlackChannelCreate(await readJson(c));
    if (slack.getChannel(a.name, input.name)) throw new HttpError(409, [slackChannelExists(a.name, input.name)]);
    const now = deps.nowUs();
    const row: SlackChannelRow = { account: a.name, ...input, transfer_all_user_comments: false, created_us: now, modified_us: now };
    slack.insertChannel(row);
    return c.json(renderSlackChannel(row));
  });

  app.get(`${BASE}/:channel`, (c) => c.json(renderSlackChannel(channel(c))));

  app.patch(`${BASE}/:channel`, async (c) => {
    const ch = channel(c);
    const input = parseSlackChannelUpdate(await readJson(c));
    const next: SlackChannelRow = { ...ch, name: input.name ?? ch.name, display: { ...ch.display, ...input.display }, modified_us: deps.nowUs() };
    if (next.name !== ch.name && slack.getChannel(ch.account, next.name)) throw new HttpError(409, [slackChannelExists(ch.account, next.name)]);
    slack.updateChannel(ch.name, next);
    return c.json(renderSlackChannel(next));
  });

  app.delete(`${BASE}/:channel`, (c) => {
    const ch = channel(c);
    slack.deleteChannel(ch.account, ch.name);
    return c.body(null, 204);
  });
}
