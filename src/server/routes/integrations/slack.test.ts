import { integrationPaths } from '../../../contract/api-paths';
import { SlackAccountSchema, SlackChannelSchema, SlackOverviewSchema } from '../../../contract/integrations';
import { NOW } from '../../testing/fixtures';
import { apiError, TEST_USERS } from '../../testing/test-app';
import { DD, rawChannel, sent, setupAdmin } from './integration-test-kit';

const display = { message: true, notified: true, snapshot: true, tags: true, muteButtons: false };

describe('GET /api/integrations/slack', () => {
  it('shows the accounts from the 2018 body and the ones added here, each with its channels', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'ops', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { body: { service_hooks: [{ account: 'main', url: '******wxyz' }], channels: [] } });
    fake.on('GET', DD.channels('main'), { body: [rawChannel('#alerts'), rawChannel('#deploys', { mute_buttons: true, tags: false })] });
    fake.on('GET', DD.channels('ops'), { body: [rawChannel('#pager')] });
    const answer = await call('GET', integrationPaths.slack);
    expect(answer.status).toBe(200);
    expect(SlackOverviewSchema.parse(answer.json)).toEqual({
      accounts: [
        {
          name: 'main',
          channels: [
            { name: '#alerts', display, handle: '@slack-main-alerts' },
            { name: '#deploys', display: { ...display, muteButtons: true, tags: false }, handle: '@slack-main-deploys' },
          ],
          error: null,
          listedBy: 'datadog',
        },
        { name: 'ops', channels: [{ name: '#pager', display, handle: '@slack-ops-pager' }], error: null, listedBy: 'watchdeck' },
      ],
      lastChange: null,
    });
    expect(fake.requests.map((r) => [r.method, r.path]).sort()).toEqual([
      ['GET', DD.legacySlack],
      ['GET', DD.channels('main')],
      ['GET', DD.channels('ops')],
    ]);
    expect(answer.text).not.toContain('wxyz');
  });

  it('tolerates a Datadog without the 2018 body (404): only the accounts added here, short handles for one account', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'main', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', DD.channels('main'), { body: [rawChannel('#alerts')] });
    const body = SlackOverviewSchema.parse((await call('GET', integrationPaths.slack)).json);
    expect(body.accounts).toEqual([{ name: 'main', channels: [{ name: '#alerts', display, handle: '@slack-alerts' }], error: null, listedBy: 'watchdeck' }]);
  });

  it('shows an account Datadog cannot list with its error, and the others still', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'gone', 'someone', NOW);
    store.integrationNames.add('slack_account', 'busy', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { body: { service_hooks: [{ account: 'main' }] } });
    fake.on('GET', DD.channels('main'), { body: [] });
    fake.on('GET', DD.channels('gone'), { status: 404, body: { errors: ["Slack account 'gone' does not exist in integration"] } });
    fake.on('GET', DD.channels('busy'), { status: 500 });
    const body = SlackOverviewSchema.parse((await call('GET', integrationPaths.slack)).json);
    expect(body.accounts.map((a) => [a.name, a.error])).toEqual([
      ['busy', 'Datadog failed (status 500).'],
      ['gone', `Datadog has no Slack account named "gone": connect it in Datadog's Slack integration first`],
      ['main', null],
    ]);
  });

  it('fails when the 2018 body fails for another reason', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.legacySlack, { status: 502 });
    expect((await call('GET', integrationPaths.slack)).status).toBe(502);
  });
});

describe('POST /api/integrations/slack/accounts', () => {
  it('checks the account by listing its channels, remembers it and answers 201', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.channels('T-Acme.main'), { body: [rawChannel('#alerts')] });
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    const answer = await call('POST', integrationPaths.slackAccounts, { name: ' T-Acme.main ' });
    expect(answer.status).toBe(201);
    expect(SlackAccountSchema.parse(answer.json)).toEqual({
      name: 'T-Acme.main',
      channels: [{ name: '#alerts', display, handle: '@slack-alerts' }],
      error: null,
      listedBy: 'watchdeck',
    });
    expect(store.integrationNames.list('slack_account')).toEqual(['T-Acme.main']);
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', DD.channels('T-Acme.main')],
      ['GET', DD.legacySlack],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.slack.account.add',
      target: 'slack:T-Acme.main',
      actor: TEST_USERS.admin,
      detail: 'channels=1',
      status: 201,
    });
  });

  it('answers an account Datadog does not know with 404, a clear message, and stores nothing', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.channels('nope'), { status: 404, body: { errors: ["Slack account 'nope' does not exist in integration"] } });
    const answer = await call('POST', integrationPaths.slackAccounts, { name: 'nope' });
    expect(answer.status).toBe(404);
    expect(apiError(answer)).toMatchObject({
      code: 'not_found',
      message: `Datadog has no Slack account named "nope": connect it in Datadog's Slack integration first`,
      fields: { name: [`Datadog has no Slack account named "nope": connect it in Datadog's Slack integration first`] },
    });
    expect(store.integrationNames.list('slack_account')).toEqual([]);
  });

  it('stores nothing when the check fails for another reason', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.channels('main'), { status: 500 });
    expect((await call('POST', integrationPaths.slackAccounts, { name: 'main' })).status).toBe(502);
    expect(store.integrationNames.list('slack_account')).toEqual([]);
  });

  it('rejects a bad account name with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    for (const name of ['has space', '../x', '', '#main']) {
      const answer = await call('POST', integrationPaths.slackAccounts, { name });
      expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['name']]);
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe('DELETE /api/integrations/slack/accounts/:account', () => {
  const gone = { status: 404, body: { errors: ["Slack account 'old' does not exist in integration"] } };

  it('takes an account Datadog no longer knows off the list, changes nothing upstream, and audits it', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'old', 'someone', NOW);
    store.integrationNames.add('slack_account', 'main', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', DD.channels('old'), gone);
    const answer = await call('DELETE', integrationPaths.slackAccount('old'));
    expect(answer.status).toBe(204);
    expect(store.integrationNames.list('slack_account')).toEqual(['main']);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(fake.requests.map((r) => r.path)).toEqual([DD.legacySlack, DD.channels('old')]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.slack.account.remove',
      target: 'slack:old',
      actor: TEST_USERS.admin,
      detail: 'forgotten (Datadog unchanged)',
      status: 204,
    });
  });

  it('takes off an account Datadog knows with no channels', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'quiet', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', DD.channels('quiet'), { body: [] });
    expect((await call('DELETE', integrationPaths.slackAccount('quiet'))).status).toBe(204);
    expect(store.integrationNames.list('slack_account')).toEqual([]);
  });

  it('refuses (409) an account that still has channels, naming how many, and keeps it', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'ops', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', DD.channels('ops'), { body: [rawChannel('#pager'), rawChannel('#alerts')] });
    const answer = await call('DELETE', integrationPaths.slackAccount('ops'));
    expect(answer.status).toBe(409);
    expect(apiError(answer).message).toBe('ops still has 2 channels in Datadog: remove them first, so no @-handle is left posting unseen');
    expect(store.integrationNames.list('slack_account')).toEqual(['ops']);
  });

  it('refuses (409) an account Datadog lists itself, without asking for its channels', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'main', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { body: { service_hooks: [{ account: 'main' }] } });
    const answer = await call('DELETE', integrationPaths.slackAccount('main'));
    expect(answer.status).toBe(409);
    expect(apiError(answer).message).toBe("Datadog lists main itself: disconnect the workspace in Datadog's Slack integration to remove it");
    expect(fake.requests.map((r) => r.path)).toEqual([DD.legacySlack]);
    expect(store.integrationNames.list('slack_account')).toEqual(['main']);
  });

  it('answers 404 for an account watchdeck does not list', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    const answer = await call('DELETE', integrationPaths.slackAccount('nobody'));
    expect([answer.status, apiError(answer).message]).toEqual([404, 'watchdeck has no Slack account named "nobody" on its list']);
  });

  it('keeps the account when Datadog cannot be asked (502), and when its listing fails', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('slack_account', 'old', 'someone', NOW);
    fake.on('GET', DD.legacySlack, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', DD.channels('old'), { status: 500 });
    expect((await call('DELETE', integrationPaths.slackAccount('old'))).status).toBe(502);
    fake.on('GET', DD.legacySlack, { status: 502 });
    expect((await call('DELETE', integrationPaths.slackAccount('old'))).status).toBe(502);
    expect(store.integrationNames.list('slack_account')).toEqual(['old']);
  });
});

describe('Slack channels', () => {
  it('adds a channel (the "#" added, every display switch sent) and answers 201 with its handle', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.channels('main'), (req) => ({ body: req.body }));
    fake.on('GET', DD.legacySlack, { body: { service_hooks: [{ account: 'main' }, { account: 'ops' }] } });
    const answer = await call('POST', integrationPaths.slackChannels('main'), { name: 'alerts', display: { muteButtons: true } });
    expect(answer.status).toBe(201);
    expect(SlackChannelSchema.parse(answer.json)).toEqual({
      name: '#alerts',
      display: { ...display, muteButtons: true },
      handle: '@slack-main-alerts',
    });
    expect(sent(fake)[0]).toEqual([
      'POST',
      DD.channels('main'),
      { name: '#alerts', display: { message: true, notified: true, snapshot: true, tags: true, mute_buttons: true } },
    ]);
    expect(store.integrationNames.list('slack_account')).toEqual(['main']);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.slack.channel.create',
      target: 'slack:main/#alerts',
      status: 201,
      detail: 'display: message=true,muteButtons=true,notified=true,snapshot=true,tags=true',
    });
  });

  it('answers a channel that is there already with 409 conflict', async () => {
    const { call, fake } = setupAdmin();
    fake.on('POST', DD.channels('main'), { status: 409, body: { errors: ["Channel #alerts already exists in Slack account 'main'"] } });
    const answer = await call('POST', integrationPaths.slackChannels('main'), { name: '#alerts' });
    expect([answer.status, apiError(answer).code, Object.keys(apiError(answer).fields ?? {})]).toEqual([409, 'conflict', ['name']]);
  });

  it('rejects bad channel names and display fields with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    for (const body of [{ name: 'Alerts' }, { name: 'two words' }, { name: '#' }, { name: 'ok', display: { loud: true } }, { display: {} }]) {
      expect((await call('POST', integrationPaths.slackChannels('main'), body)).status).toBe(400);
    }
    expect((await call('POST', integrationPaths.slackChannels('bad account'), { name: 'ok' })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });

  it('changes a channel’s display: reads it, then sends all five switches', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.legacySlack, { status: 404 });
    fake.on('GET', `${DD.channels('main')}/alerts`, { body: rawChannel('#alerts', { tags: false }) });
    fake.on('PATCH', `${DD.channels('main')}/alerts`, (req) => ({ body: { name: '#alerts', ...(req.body as object) } }));
    const answer = await call('PATCH', integrationPaths.slackChannel('main', '#alerts'), { display: { snapshot: false } });
    expect(answer.status).toBe(200);
    expect(SlackChannelSchema.parse(answer.json)).toEqual({ name: '#alerts', display: { ...display, snapshot: false, tags: false }, handle: '@slack-alerts' });
    expect(sent(fake).slice(1)).toEqual([
      ['GET', `${DD.channels('main')}/alerts`, undefined],
      ['PATCH', `${DD.channels('main')}/alerts`, { display: { message: true, notified: true, snapshot: false, tags: false, mute_buttons: false } }],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.slack.channel.update',
      target: 'slack:main/#alerts',
      detail: 'display: snapshot=false',
    });
  });

  it('rejects a change with nothing in it, and a bad channel in the path, with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    const empty = await call('PATCH', integrationPaths.slackChannel('main', 'alerts'), { display: {} });
    expect([empty.status, apiError(empty).fields]).toEqual([400, { display: ['Nothing to change'] }]);
    expect((await call('PATCH', '/api/integrations/slack/accounts/main/channels/Bad%20Name', { display: { tags: true } })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });

  it('answers 404 for a channel Datadog does not have', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.legacySlack, { status: 404 });
    fake.on('GET', `${DD.channels('main')}/gone`, { status: 404, body: { errors: ["Channel #gone does not exist in Slack account 'main'"] } });
    const answer = await call('PATCH', integrationPaths.slackChannel('main', 'gone'), { display: { tags: true } });
    expect([answer.status, apiError(answer).upstream]).toEqual([404, ["Channel #gone does not exist in Slack account 'main'"]]);
    expect(fake.calls('PATCH')).toHaveLength(0);
  });

  it('removes a channel (its name in the path without "#") and answers 204', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('DELETE', `${DD.channels('main')}/alerts`, { status: 204 });
    const answer = await call('DELETE', integrationPaths.slackChannel('main', '#alerts'));
    expect(answer.status).toBe(204);
    expect(sent(fake)).toEqual([['DELETE', `${DD.channels('main')}/alerts`, undefined]]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.slack.channel.delete', target: 'slack:main/#alerts', status: 204 });
  });
});
