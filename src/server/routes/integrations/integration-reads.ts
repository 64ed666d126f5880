import type {
  AwsAccount,
  CustomVariable,
  PagerDutyService,
  SlackAccount,
  Webhook,
} from '../../../contract/integrations';
import type { ServerDeps } from '../../lib/deps';
import { fromUpstreamError } from '../../lib/errors';
import {
  legacyToWebhook,
  toAwsAccount,
  toCustomVariable,
  toPagerDutyService,
  toSlackChannel,
  toWebhook,
} from '../../upstreams/datadog/integration-map';
import type { RawWebhook } from '../../upstreams/datadog/integration-schemas';
import { isUpstreamError } from '../../upstreams/upstream-error';
import { isAbsent, isNotConfigured, isNotFound } from './integration-common';

/**
 * Reading the Datadog integrations, shared by the pages and the overview.
 * Where Datadog has no listing (a real site without the 2018 bodies), the
 * items watchdeck added are asked for one by one by name, and the listing
 * says `partial`.
 */
export type Listing = 'complete' | 'partial';

export async function readAwsAccounts(deps: ServerDeps): Promise<AwsAccount[]> {
  const raw = await deps.datadog.listAwsAccounts();
  return (raw.accounts ?? []).map(toAwsAccount);
}

// ---------- Slack ----------

/** The accounts Datadog lists itself (its 2018 body; none when it does not serve it), and all to show: those and the ones added here, sorted. */
export async function slackAccountSources(deps: ServerDeps): Promise<{ names: string[]; fromDatadog: ReadonlySet<string> }> {
  let discovered: string[] = [];
  try {
    const legacy = await deps.datadog.getLegacySlack();
    discovered = (legacy.service_hooks ?? []).flatMap((h) => (h?.account ? [h.account] : []));
  } catch (err) {
    if (!isAbsent(err)) throw err;
  }
  const fromDatadog = new Set(discovered);
  return { names: [...new Set([...discovered, ...deps.store.integrationNames.list('slack_account')])].sort(), fromDatadog };
}

/** The same, for an answer to a change already made: when Datadog's listing fails, the accounts added here. */
export async function slackAccountSourcesAfterChange(deps: ServerDeps): Promise<{ names: string[]; fromDatadog: ReadonlySet<string> }> {
  try {
    return await slackAccountSources(deps);
  } catch {
    return { names: deps.store.integrationNames.list('slack_account'), fromDatadog: new Set() };
  }
}

/** How many accounts there are with `account` among them: the count decides a channel's @-handle. */
export const slackAccountCountWith = (names: readonly string[], account: string): number => new Set([...names, account]).size;

/** For a channel change's answer; best effort. */
export async function slackAccountCount(deps: ServerDeps, account: string): Promise<number> {
  return slackAccountCountWith((await slackAccountSourcesAfterChange(deps)).names, account);
}

export const unknownSlackAccount = (account: string) =>
  `Datadog has no Slack account named "${account}": connect it in Datadog's Slack integration first`;

export async function readSlackAccounts(deps: ServerDeps): Promise<SlackAccount[]> {
  const { names, fromDatadog } = await slackAccountSources(deps);
  return Promise.all(
    names.map(async (name): Promise<SlackAccount> => {
      const listedBy = fromDatadog.has(name) ? 'datadog' : 'watchdeck';
      try {
        const channels = await deps.datadog.listSlackChannels(name);
        return { name, channels: channels.map((c) => toSlackChannel(c, name, names.length)), error: null, listedBy };
      } catch (err) {
        if (!isUpstreamError(err)) throw err;
        return { name, channels: [], error: isNotFound(err) ? unknownSlackAccount(name) : fromUpstreamError(err).message, listedBy };
      }
    }),
  );
}

// ---------- PagerDuty ----------

/** Asks for each known name; a name Datadog no longer has is left out. */
async function byKnownName<T>(names: string[], get: (name: string) => Promise<T>): Promise<T[]> {
  const found = await Promise.all(
    names.map(async (name) => {
      try {
        return [await get(name)];
      } catch (err) {
        if (isNotFound(err)) return [];
        throw err;
      }
    }),
  );
  return found.flat();
}

export async function readPagerDutyServices(deps: ServerDeps): Promise<{ services: PagerDutyService[]; listing: Listing }> {
  try {
    const legacy = await deps.datadog.getLegacyPagerDuty();
    return { services: (legacy.services ?? []).map(toPagerDutyService), listing: 'complete' };
  } catch (err) {
    if (isNotConfigured(err)) return { services: [], listing: 'complete' };
    if (!isAbsent(err)) throw err;
  }
  const known = deps.store.integrationNames.list('pagerduty_service');
  const services = await byKnownName(known, (name) => deps.datadog.getPagerDutyService(name));
  return { services: services.map(toPagerDutyService), listing: 'partial' };
}

// ---------- Webhooks ----------

/** Custom headers that are not a JSON object read as none; the log says so (never with their value). */
function noteHeaders(deps: ServerDeps, mapped: { webhook: Webhook; headersUnreadable: boolean }): Webhook {
  if (mapped.headersUnreadable) {
    deps.logger.warn('webhook custom headers are not a JSON object of strings; shown as none', { webhook: mapped.webhook.name });
  }
  return mapped.webhook;
}

export const toWebhookNoted = (deps: ServerDeps, raw: RawWebhook): Webhook => noteHeaders(deps, toWebhook(raw));

export async function readWebhooks(deps: ServerDeps): Promise<{ webhooks: Webhook[]; listing: Listing }> {
  try {
    const legacy = await deps.datadog.getLegacyWebhooks();
    return { webhooks: (legacy.hooks ?? []).map((h) => noteHeaders(deps, legacyToWebhook(h))), listing: 'complete' };
  } catch (err) {
    if (isNotConfigured(err)) return { webhooks: [], listing: 'complete' };
    if (!isAbsent(err)) throw err;
  }
  const known = deps.store.integrationNames.list('webhook');
  const raws = await byKnownName(known, (name) => deps.datadog.getWebhook(name));
  return { webhooks: raws.map((r) => toWebhookNoted(deps, r)), listing: 'partial' };
}

/** Datadog cannot list custom variables: the ones watchdeck added, each by name. Secret values read back as the mask. */
export async function readCustomVariables(deps: ServerDeps): Promise<CustomVariable[]> {
  const known = deps.store.integrationNames.list('custom_variable');
  const raws = await byKnownName(known, (name) => deps.datadog.getCustomVariable(name));
  return raws.map(toCustomVariable);
}
