import { integrationPaths } from '../../../contract/api-paths';
import { IntegrationsOverviewSchema, type IntegrationTile } from '../../../contract/integrations';
import { INTEGRATION_CANARIES, NOW } from '../../testing/fixtures';
import { TEST_USERS } from '../../testing/test-app';
import { DD, rawAwsAccount, rawChannel, rawWebhook, setupAdmin } from './integration-test-kit';

type Setup = ReturnType<typeof setupAdmin>;

/** A healthy Datadog: one AWS account, two Slack accounts, a PagerDuty service, a webhook. */
function healthy(fake: Setup['fake']) {
  fake.on('GET', DD.aws, { body: { accounts: [rawAwsAccount()] } });
  fake.on('GET', DD.legacySlack, { body: { service_hooks: [{ account: 'main' }, { account: 'ops' }] } });
  fake.on('GET', DD.channels('main'), { body: [rawChannel('#alerts'), rawChannel('#deploys')] });
  fake.on('GET', DD.channels('ops'), { body: [rawChannel('#pager')] });
  fake.on('GET', DD.legacyPagerDuty, { body: { services: [{ service_name: 'checkout-db', service_key: INTEGRATION_CANARIES.pagerDutyKey }] } });
  fake.on('GET', DD.legacyWebhooks, { body: { hooks: [{ name: 'deploy-bot', url: 'https://a.example/h' }] } });
}

const tiles = (json: unknown) => Object.fromEntries(IntegrationsOverviewSchema.parse(json).tiles.map((t) => [t.kind, t])) as Record<string, IntegrationTile>;

describe('GET /api/integrations', () => {
  it('answers one tile per integration with its count and @-handles', async () => {
    const { call, fake } = setupAdmin();
    healthy(fake);
    const answer = await call('GET', integrationPaths.overview);
    expect(answer.status).toBe(200);
    const body = IntegrationsOverviewSchema.parse(answer.json);
    expect(body).toEqual({
      tiles: [
        { kind: 'aws', configured: true, count: 1, handles: [], lastChange: null, error: null },
        {
          kind: 'slack',
          configured: true,
          count: 3,
          handles: ['@slack-main-alerts', '@slack-main-deploys', '@slack-ops-pager'],
          lastChange: null,
          error: null,
        },
        { kind: 'pagerduty', configured: true, count: 1, handles: ['@pagerduty-checkout-db'], lastChange: null, error: null },
        { kind: 'webhooks', configured: true, count: 1, handles: ['@webhook-deploy-bot'], lastChange: null, error: null },
      ],
      webhookTestAvailable: false,
    });
    expect(fake.requests.map((r) => [r.method, r.path]).sort()).toEqual(
      [
        ['GET', DD.aws],
        ['GET', DD.legacySlack],
        ['GET', DD.channels('main')],
        ['GET', DD.channels('ops')],
        ['GET', DD.legacyPagerDuty],
        ['GET', DD.legacyWebhooks],
      ].sort(),
    );
    expect(answer.text).not.toContain(INTEGRATION_CANARIES.pagerDutyKey);
  });

  it('says a test delivery is possible in embedded mode', async () => {
    const { call, fake } = setupAdmin({ config: { mode: 'embedded', upstream: null } });
    healthy(fake);
    expect(IntegrationsOverviewSchema.parse((await call('GET', integrationPaths.overview)).json).webhookTestAvailable).toBe(true);
  });

  it('shows a tile whose read failed with its error; the others still show', async () => {
    const { call, fake, logs } = setupAdmin();
    healthy(fake);
    fake.on('GET', DD.legacyPagerDuty, { status: 500, body: { errors: ['internal detail that must not show'] } });
    const answer = await call('GET', integrationPaths.overview);
    expect(answer.status).toBe(200);
    const t = tiles(answer.json);
    expect(t.pagerduty).toEqual({ kind: 'pagerduty', configured: false, count: 0, handles: [], lastChange: null, error: 'Datadog failed (status 500).' });
    expect([t.aws?.error, t.slack?.error, t.webhooks?.error]).toEqual([null, null, null]);
    expect(t.webhooks?.count).toBe(1);
    expect(answer.text).not.toContain('internal detail');
    expect(logs.some((l) => l.includes('integration tile could not be read') && l.includes('"tile":"pagerduty"'))).toBe(true);
  });

  it('shows a timed-out tile as such', async () => {
    const { call, fake } = setupAdmin({ timeoutMs: 150 });
    healthy(fake);
    fake.on('GET', DD.aws, { stall: true });
    const t = tiles((await call('GET', integrationPaths.overview)).json);
    expect(t.aws?.error).toMatch(/did not answer in time/);
    expect(t.slack?.count).toBe(3);
  });

  it('counts the services added here when Datadog cannot list PagerDuty, and shows empty tiles as not configured', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('pagerduty_service', 'db', 'someone', NOW);
    fake.on('GET', DD.aws, { body: { accounts: [] } });
    fake.on('GET', DD.legacySlack, { status: 404 });
    fake.on('GET', DD.legacyPagerDuty, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', `${DD.services}/db`, { body: { service_name: 'db' } });
    fake.on('GET', DD.legacyWebhooks, { status: 404, body: { errors: ['The webhooks integration is not configured'] } });
    const t = tiles((await call('GET', integrationPaths.overview)).json);
    expect(t.pagerduty).toMatchObject({ configured: true, count: 1, handles: ['@pagerduty-db'], error: null });
    expect([t.aws, t.slack, t.webhooks].map((x) => [x?.configured, x?.count, x?.error])).toEqual([
      [false, 0, null],
      [false, 0, null],
      [false, 0, null],
    ]);
  });

  it('reads the four tiles at once', async () => {
    const { call, fake } = setupAdmin({ timeoutMs: 1000 });
    const firstLevel = [DD.aws, DD.legacySlack, DD.legacyPagerDuty, DD.legacyWebhooks];
    let release: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Set<string>();
    // Each first-level read waits until all four have been asked: one after another, they would time out.
    for (const path of firstLevel) {
      fake.on('GET', path, async () => {
        arrived.add(path);
        if (arrived.size === firstLevel.length) release();
        await allArrived;
        return { status: 404, body: { errors: ['Not found'] } };
      });
    }
    const t = tiles((await call('GET', integrationPaths.overview)).json);
    expect(arrived.size).toBe(4);
    expect(t.aws?.error).toBe('Not found in Datadog');
    expect([t.slack?.error, t.pagerduty?.error, t.webhooks?.error]).toEqual([null, null, null]);
  });

  it('names each tile’s last change from the audit log: the newest allowed change, not a failed one or a test delivery', async () => {
    let now = NOW;
    const { call, fake } = setupAdmin({ now: () => now, config: { mode: 'embedded', upstream: null } });
    fake.on('POST', DD.hooks, (req) => ({ status: 201, body: { ...rawWebhook('deploy-bot'), ...(req.body as object) } }));
    expect((await call('POST', integrationPaths.webhooks, { name: 'deploy-bot', url: 'https://a.example/h' })).status).toBe(201);
    now += 60_000;
    fake.on('POST', DD.hooks, { status: 409, body: { errors: ['Webhook already exists'] } });
    expect((await call('POST', integrationPaths.webhooks, { name: 'deploy-bot', url: 'https://a.example/h' })).status).toBe(409);
    now += 60_000;
    fake.on('POST', `${DD.hooks}/deploy-bot/test`, { body: { ok: true, status: 200, body: '', duration_ms: 1, attempts: 1, sent: '{}' } });
    expect((await call('POST', integrationPaths.webhookTest('deploy-bot'))).status).toBe(200);
    healthy(fake);
    const t = tiles((await call('GET', integrationPaths.overview)).json);
    expect(t.webhooks?.lastChange).toEqual({ at: NOW, by: TEST_USERS.admin, action: 'integration.webhooks.create' });
    expect([t.aws?.lastChange, t.slack?.lastChange, t.pagerduty?.lastChange]).toEqual([null, null, null]);
  });
});
