import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../store/db';
import { createTempSandbox, disposedAfterEach, makeTempDir, type Json, type TempSandbox } from '../testing/temp-sandbox';
import { DEMO_INTEGRATIONS, integrationsEmpty, seedDemoIntegrationsIfEmpty } from './demo-integrations';

const make = disposedAfterEach(createTempSandbox);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const V2_TABLES = new Set([
  'meta',
  'users',
  'monitors',
  'monitor_groups',
  'downtimes',
  'teams',
  'team_memberships',
  'incidents',
  'incident_todos',
  'incident_transitions',
  'sqlite_sequence',
]);

/** Turns a data file into what schema 2 left: only the schema-2 tables, user_version 2. */
function downgradeToV2(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'sandbox.sqlite'));
  db.pragma('foreign_keys = OFF');
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  for (const table of tables) if (!V2_TABLES.has(table)) db.exec(`DROP TABLE ${table}`);
  db.pragma('user_version = 2');
  db.close();
}

async function integrationsOf(t: TempSandbox): Promise<Json> {
  return {
    aws: (await t.call('GET', '/api/v1/integration/aws')).body.accounts.map((a: Json) => a.account_id),
    slack: (await t.call('GET', '/api/v1/integration/slack/configuration/accounts/watchdeck-demo/channels')).body,
    pagerduty: (await t.call('GET', '/api/v1/integration/pagerduty')).body,
    webhook: (await t.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/ops-bridge')).body,
    variable: (await t.call('GET', '/api/v1/integration/webhooks/configuration/custom-variables/OPS_BRIDGE_ENV')).body,
  };
}

describe('demo Datadog integrations', () => {
  it('the demo seed has the AWS account, the Slack channels, the PagerDuty services, the webhook and a plain custom variable', async () => {
    const t = make();
    const aws = (await t.call('GET', '/api/v1/integration/aws')).body.accounts;
    expect(aws).toHaveLength(1);
    expect(aws[0]).toMatchObject({ account_id: '123456789012', role_name: 'DatadogAWSIntegrationRole', host_tags: DEMO_INTEGRATIONS.aws.host_tags });
    expect(aws[0].filter_tags.length).toBeGreaterThan(0);
    const got = await integrationsOf(t);
    expect(got.slack.map((c: Json) => c.name)).toEqual(['#ops-alerts', '#checkout-oncall', '#payments-oncall']);
    expect(got.pagerduty.services.map((s: Json) => s.service_name)).toEqual(['payments-primary', 'platform-primary']);
    expect(got.webhook).toMatchObject({ name: 'ops-bridge', url: 'https://hooks.example.com/watchdeck/ops-bridge' });
    expect(JSON.parse(got.webhook.custom_headers)).toEqual({ 'X-Watchdeck-Source': 'datadog' });
    expect(got.variable).toEqual({ name: 'OPS_BRIDGE_ENV', is_secret: false, value: 'demo' });
  });

  it('the empty seed has none', async () => {
    const t = make({ seed: 'empty' });
    expect((await t.call('GET', '/api/v1/integration/aws')).body.accounts).toEqual([]);
    for (const p of ['/api/v1/integration/slack', '/api/v1/integration/pagerduty', '/api/v1/integration/webhooks']) {
      expect((await t.call('GET', p)).status, p).toBe(404);
    }
  });

  it('reset() brings them back', async () => {
    const t = make();
    const before = await integrationsOf(t);
    await t.call('DELETE', '/api/v1/integration/slack');
    await t.call('DELETE', '/api/v1/integration/webhooks');
    await t.call('POST', '/api/v1/integration/aws', { account_id: '999999999999', role_name: 'R' });
    t.sandbox.reset();
    expect(await integrationsOf(t)).toEqual(before);
  });

  it('seedDemoIntegrationsIfEmpty seeds once and never twice', () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const { db } = openDb(dataDir);
    try {
      expect(integrationsEmpty(db)).toBe(true);
      seedDemoIntegrationsIfEmpty(db, 1_700_000_000_000_000);
      seedDemoIntegrationsIfEmpty(db, 1_700_000_000_000_000);
      expect((db.prepare('SELECT COUNT(*) AS n FROM dd_slack_channels').get() as { n: number }).n).toBe(3);
      expect((db.prepare('SELECT COUNT(*) AS n FROM dd_pagerduty_services').get() as { n: number }).n).toBe(2);
    } finally {
      db.close();
    }
  });
});

describe('upgrading a schema-2 data file to 3', () => {
  it('a demo org keeps its data and gets the demo integrations, once', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createTempSandbox({ dataDir });
    const expected = await integrationsOf(first);
    const kept = await first.call('POST', '/api/v1/monitor', { name: 'kept', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    first.sandbox.close();
    downgradeToV2(dataDir);

    const second = createTempSandbox({ dataDir });
    expect((await second.call('GET', `/api/v1/monitor/${kept.body.id}`)).body.name).toBe('kept');
    expect(await integrationsOf(second)).toEqual(expected);
    await second.call('DELETE', '/api/v1/integration/webhooks/configuration/webhooks/ops-bridge');
    second.sandbox.close();

    // Already at 3: nothing is seeded again.
    const third = make({ dataDir });
    expect((await third.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/ops-bridge')).status).toBe(404);
    expect((await third.call('GET', '/api/v1/integration/pagerduty')).body.services).toHaveLength(2);
  });

  it('an empty org gets no integrations', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    createTempSandbox({ dataDir, seed: 'empty' }).sandbox.close();
    downgradeToV2(dataDir);
    const second = make({ dataDir, seed: 'empty' });
    expect((await second.call('GET', '/api/v1/integration/aws')).body.accounts).toEqual([]);
    expect((await second.call('GET', '/api/v1/integration/webhooks')).status).toBe(404);
  });
});
