import { conflictsAs, HttpError } from '../../lib/errors';
import { slackDisplayWrite, toSlackChannel } from '../../upstreams/datadog/integration-map';
import { bind } from '../define-route';
import { actorName, isNotFound, lastChange } from './integration-common';
import {
  readSlackAccounts,
  slackAccountCount,
  slackAccountCountWith,
  slackAccountSources,
  slackAccountSourcesAfterChange,
  unknownSlackAccount,
} from './integration-reads';
import {
  addSlackAccountRoute,
  createSlackChannelRoute,
  removeSlackAccountRoute,
  deleteSlackChannelRoute,
  slackOverviewRoute,
  updateSlackChannelRoute,
} from './integrations.routes';

/**
 * Slack: Datadog's v1 API has channels per account but no list of accounts
 * (DIFFERENCES.md 4). The accounts come from the 2018 body where Datadog
 * still serves it, and from the ones an admin added here (checked first).
 */

export const getSlack = bind(slackOverviewRoute, async ({ deps }) => ({
  status: 200,
  body: { accounts: await readSlackAccounts(deps), lastChange: lastChange(deps, 'slack') },
}));

export const addSlackAccount = bind(addSlackAccountRoute, async ({ deps, body, req }) => {
  req.audit.target = `slack:${body.name}`;
  let channels;
  try {
    channels = await deps.datadog.listSlackChannels(body.name);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    const message = unknownSlackAccount(body.name);
    throw new HttpError(404, 'not_found', message, { upstream: err.messages, fields: { name: [message] } });
  }
  deps.store.integrationNames.add('slack_account', body.name, actorName(req), deps.now());
  const { names, fromDatadog } = await slackAccountSourcesAfterChange(deps);
  const count = slackAccountCountWith(names, body.name);
  req.audit.detail = `channels=${channels.length}`;
  return {
    status: 201,
    body: {
      name: body.name,
      channels: channels.map((c) => toSlackChannel(c, body.name, count)),
      error: null,
      listedBy: fromDatadog.has(body.name) ? 'datadog' : 'watchdeck',
    },
  };
});

/**
 * Takes an account added here off the list. Datadog's API cannot disconnect a workspace (that is
 * done in Datadog's Slack integration), so this only forgets the name; it is refused when that
 * would hide anything that still notifies: an account Datadog lists itself (it would come back),
 * or one with channels (their @-handles still post). An account Datadog no longer knows (404) is
 * the usual case: its workspace was disconnected in Datadog, and the name stayed here.
 */
export const removeSlackAccount = bind(removeSlackAccountRoute, async ({ deps, params, req }) => {
  const { account } = params;
  const { names, fromDatadog } = await slackAccountSources(deps);
  if (fromDatadog.has(account)) {
    throw new HttpError(409, 'conflict', `Datadog lists ${account} itself: disconnect the workspace in Datadog's Slack integration to remove it`);
  }
  // Listed, and not by Datadog: added here.
  if (!names.includes(account)) {
    throw new HttpError(404, 'not_found', `watchdeck has no Slack account named "${account}" on its list`);
  }
  let channels = 0;
  try {
    channels = (await deps.datadog.listSlackChannels(account)).length;
  } catch (err) {
    // Datadog no longer knows it: nothing can post through it, so it may go.
    if (!isNotFound(err)) throw err;
  }
  if (channels > 0) {
    throw new HttpError(
      409,
      'conflict',
      `${account} still has ${channels === 1 ? '1 channel' : `${channels} channels`} in Datadog: remove ${channels === 1 ? 'it' : 'them'} first, so no @-handle is left posting unseen`,
    );
  }
  deps.store.integrationNames.remove('slack_account', account);
  req.audit.detail = 'forgotten (Datadog unchanged)';
  return { status: 204 };
});

export const createSlackChannel = bind(createSlackChannelRoute, async ({ deps, params, body, req }) => {
  req.audit.target = `slack:${params.account}/${body.name}`;
  const created = await conflictsAs(['name'], 'This channel is in the account already', () =>
    deps.datadog.createSlackChannel(params.account, { name: body.name, display: slackDisplayWrite(body.display) }),
  );
  // The account exists (Datadog took a channel for it): remember it for sites without the 2018 listing.
  deps.store.integrationNames.add('slack_account', params.account, actorName(req), deps.now());
  return { status: 201, body: toSlackChannel(created, params.account, await slackAccountCount(deps, params.account)) };
});

/** The current display is read first, so Datadog gets all five switches whatever its PATCH does with a partial one. */
export const updateSlackChannel = bind(updateSlackChannelRoute, async ({ deps, params, body }) => {
  const count = await slackAccountCount(deps, params.account);
  const current = toSlackChannel(await deps.datadog.getSlackChannel(params.account, params.channel), params.account, count);
  const d = current.display;
  const patch = body.display;
  const display = {
    message: patch.message ?? d.message,
    notified: patch.notified ?? d.notified,
    snapshot: patch.snapshot ?? d.snapshot,
    tags: patch.tags ?? d.tags,
    muteButtons: patch.muteButtons ?? d.muteButtons,
  };
  const updated = await deps.datadog.updateSlackChannel(params.account, params.channel, { display: slackDisplayWrite(display) });
  return { status: 200, body: toSlackChannel(updated, params.account, count) };
});

export const deleteSlackChannel = bind(deleteSlackChannelRoute, async ({ deps, params }) => {
  await deps.datadog.deleteSlackChannel(params.account, params.channel);
  return { status: 204 };
});
