import { describe, expect, it } from 'vitest';
import { createTempSandbox, disposedAfterEach, TEST_API_KEY, TEST_APP_KEY, type Json, type TempSandbox } from '../testing/temp-sandbox';

/**
 * The curl examples of March 2018 ("New in Datadog: Managing integrations via
 * API calls" and the API docs of the time it points to), run through the
 * sandbox's app.fetch with their bodies as published, and their keys where
 * the examples put them: in the query string, ?api_key=&application_key=.
 */

const make = disposedAfterEach(() => createTempSandbox({ seed: 'empty' }));

interface Curl {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The -d body exactly as the example has it (text, since some examples are not strict JSON). */
  data?: string;
}

async function curl(t: TempSandbox, c: Curl): Promise<{ status: number; body: Json }> {
  const keys = `api_key=${encodeURIComponent(TEST_API_KEY)}&application_key=${encodeURIComponent(TEST_APP_KEY)}`;
  const res = await t.sandbox.app.fetch(
    new Request(`http://localhost${c.path}${c.path.includes('?') ? '&' : '?'}${keys}`, {
      method: c.method,
      headers: { 'Content-type': 'application/json' },
      body: c.data,
    }),
  );
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as Json) };
}

describe('the 2018 curl examples', () => {
  it('AWS: "Create the Datadog/AWS integration and store the result" answers the external id', async () => {
    const t = make();
    const AWS_ACCOUNT_ID = '210987654321';
    const r = await curl(t, {
      method: 'POST',
      path: '/api/v1/integration/aws',
      data: `{
      "account_id": "${AWS_ACCOUNT_ID}",
      "filter_tags": ["env:staging"],
      "host_tags": ["account:new-team"],
      "role_name": "DatadogAWSIntegrationRole",
      "account_specific_namespace_rules": {
        "auto_scaling": false,
        "lambda": false
      }
   }`,
    });
    expect(r.status).toBe(200);
    expect(r.body.external_id).toMatch(/^[0-9a-f]{32}$/);
    const list = await curl(t, { method: 'GET', path: '/api/v1/integration/aws' });
    expect(list.body.accounts[0]).toMatchObject({ account_id: AWS_ACCOUNT_ID, host_tags: ['account:new-team'], account_specific_namespace_rules: { lambda: false } });
    const del = await curl(t, {
      method: 'DELETE',
      path: '/api/v1/integration/aws',
      data: `{
        "account_id": "${AWS_ACCOUNT_ID}",
        "role_name": "DatadogAWSIntegrationRole"
    }`,
    });
    expect(del).toEqual({ status: 200, body: {} });
  });

  it('Slack: create, replace, add channels, read, delete', async () => {
    const t = make();
    const full = `{
    "service_hooks": [
      {
        "account": "Main_Account",
        "url": "https://hooks.slack.com/services/1/1"
      },
      {
        "account": "doghouse",
        "url": "https://hooks.slack.com/services/2/2"
      }
    ],
    "channels": [
      {
        "channel_name": "#private",
        "transfer_all_user_comments": "false",
        "account": "Main_Account"
      },
      {
        "channel_name": "#heresachannel",
        "transfer_all_user_comments": "false",
        "account": "doghouse"
      }
    ]
  }`;
    expect((await curl(t, { method: 'POST', path: '/api/v1/integration/slack?run_check=true', data: full })).status).toBe(204);
    expect((await curl(t, { method: 'PUT', path: '/api/v1/integration/slack?run_check=true', data: full })).status).toBe(204);
    const add = await curl(t, {
      method: 'POST',
      path: '/api/v1/integration/slack',
      data: `{
    "channels": [
        {
          "channel_name": "#channel_name_main_account",
          "transfer_all_user_comments": "false",
          "account": "Main_Account"
        },
        {
          "channel_name": "#channel_name_doghouse",
          "transfer_all_user_comments": "false",
          "account": "doghouse"
        }
    ]
}`,
    });
    expect(add.status).toBe(204);
    const got = await curl(t, { method: 'GET', path: '/api/v1/integration/slack' });
    expect(got.status).toBe(200);
    expect(got.body.service_hooks.map((h: Json) => h.account)).toEqual(['Main_Account', 'doghouse']);
    expect(got.body.channels.map((c: Json) => `${c.account} ${c.channel_name}`)).toEqual([
      'Main_Account #private',
      'doghouse #heresachannel',
      'Main_Account #channel_name_main_account',
      'doghouse #channel_name_doghouse',
    ]);
    const v1 = await curl(t, { method: 'GET', path: '/api/v1/integration/slack/configuration/accounts/doghouse/channels' });
    expect(v1.body.map((c: Json) => c.name)).toEqual(['#heresachannel', '#channel_name_doghouse']);
    expect((await curl(t, { method: 'DELETE', path: '/api/v1/integration/slack' })).status).toBe(204);
    expect((await curl(t, { method: 'GET', path: '/api/v1/integration/slack' })).status).toBe(404);
  });

  it('PagerDuty: create with PUT, override settings with PUT, add services and schedules with POST, read, delete', async () => {
    const t = make();
    const create = await curl(t, {
      method: 'PUT',
      path: '/api/v1/integration/pagerduty',
      data: `{
      "services": [
        {
          "service_name": "test_00",
          "service_key": "<PAGERDUTY_SERVICE_KEY>"
        },
        {
          "service_name": "test_01",
          "service_key": "<PAGERDUTY_SERVICE_KEY>"
        }
      ],
      "subdomain": "my-pd",
      "schedules": ["https://my-pd.pagerduty.com/schedules#PCPYT4M", "https://my-pd.pagerduty.com/schedules#PKTPB7P"],
      "api_token": "<PAGERDUTY_TOKEN>"
  }`,
    });
    expect(create.status).toBe(204);
    const update = await curl(t, {
      method: 'PUT',
      path: '/api/v1/integration/pagerduty',
      data: `{
      "subdomain": "my-pd-2",
      "schedules": ["https://my-pd-2.pagerduty.com/schedules#PCPYT4M"],
      "api_token": "<PAGERDUTY_TOKEN_2>"
  }`,
    });
    expect(update.status).toBe(204);
    // The published example ends its object with a trailing comma ("schedules": [...],\n }), which no JSON parser accepts; it is left out here.
    const add = await curl(t, {
      method: 'POST',
      path: '/api/v1/integration/pagerduty',
      data: `{
      "services": [
        {
          "service_name": "test_02",
          "service_key": "<PAGERDUTY_SERVICE_KEY_2>"
        }
      ],
      "schedules": ["https://my-pd-2.pagerduty.com/schedules#PKTPB7P"]
  }`,
    });
    expect(add.status).toBe(204);
    const got = await curl(t, { method: 'GET', path: '/api/v1/integration/pagerduty' });
    expect(got.body).toEqual({
      services: [
        { service_name: 'test_00', service_key: '******KEY>' },
        { service_name: 'test_01', service_key: '******KEY>' },
        { service_name: 'test_02', service_key: '******Y_2>' },
      ],
      subdomain: 'my-pd-2',
      schedules: ['https://my-pd-2.pagerduty.com/schedules#PCPYT4M', 'https://my-pd-2.pagerduty.com/schedules#PKTPB7P'],
      api_token: '******N_2>',
    });
    const v1 = await curl(t, { method: 'GET', path: '/api/v1/integration/pagerduty/configuration/services/test_02' });
    expect(v1.body).toEqual({ service_name: 'test_02' });
    expect((await curl(t, { method: 'DELETE', path: '/api/v1/integration/pagerduty' })).status).toBe(204);
    expect((await curl(t, { method: 'GET', path: '/api/v1/integration/pagerduty' })).status).toBe(404);
  });

  it('Webhooks: create, replace, read, delete; and a hook with headers and a custom payload', async () => {
    const t = make();
    const create = await curl(t, {
      method: 'POST',
      path: '/api/v1/integration/webhooks?run_check=true',
      data: `{
    "hooks": [
      {
        "name": "somehook",
        "url": "http://requestb.in/v1srg7v1",
        "use_custom_payload": "false",
        "custom_payload": "",
        "encode_as_form": "false",
        "headers": ""
      }
    ]
}`,
    });
    expect(create.status).toBe(204);
    const replace = await curl(t, {
      method: 'PUT',
      path: '/api/v1/integration/webhooks?run_check=true',
      data: `{
    "hooks": [
      {
        "name": "anotherone",
        "url": "http://requestb.in/v1srg7v1"
      }
    ]
}`,
    });
    expect(replace.status).toBe(204);
    const got = await curl(t, { method: 'GET', path: '/api/v1/integration/webhooks' });
    expect(got.body.hooks.map((h: Json) => h.name)).toEqual(['anotherone']);
    const HOST = '10.0.0.12';
    const PORT = '5000';
    const custom = await curl(t, {
      method: 'POST',
      path: '/api/v1/integration/webhooks',
      data: `{
    "hooks": [
      {
        "name": "Automated_Kill_Stress",
        "url":  "${`http://${HOST}:${PORT}/kill_stress`}",
        "headers": "{\\"token\\": \\"MySecurityT0k3n\\"}",
        "use_custom_payload": "true",
        "custom_payload": "{\\"Content-type\\": \\"application/json\\"}"
      }
    ]
}`,
    });
    expect(custom.status).toBe(204);
    const v1 = await curl(t, { method: 'GET', path: '/api/v1/integration/webhooks/configuration/webhooks/Automated_Kill_Stress' });
    expect(v1.body).toEqual({
      name: 'Automated_Kill_Stress',
      url: 'http://10.0.0.12:5000/kill_stress',
      encode_as: 'json',
      custom_headers: '{"token": "MySecurityT0k3n"}',
      payload: '{"Content-type": "application/json"}',
    });
    expect((await curl(t, { method: 'DELETE', path: '/api/v1/integration/webhooks' })).status).toBe(204);
    expect((await curl(t, { method: 'GET', path: '/api/v1/integration/webhooks' })).status).toBe(404);
  });
});
