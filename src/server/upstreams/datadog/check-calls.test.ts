import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeUpstream } from '../../testing/fake-upstream';
import { CANARY } from '../../testing/test-app';
import { failure } from '../../testing/upstream-failure';
import { createDatadogClient } from './client';

/** The service check calls through the real HTTP layer, against recorded Datadog bodies. */
const DIR = path.resolve(process.cwd(), '../shared/conformance/datadog');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));

function client(options: { retries?: number; timeoutMs?: number } = {}) {
  const fake = new FakeUpstream();
  const datadog = createDatadogClient({
    baseUrl: 'http://datadog.test/',
    ...CANARY,
    fetch: fake.fetch,
    timeoutMs: options.timeoutMs ?? 2000,
    retries: options.retries ?? 0,
    retryBaseMs: 1,
  });
  return { fake, datadog };
}

describe('submitCheckRuns', () => {
  it("posts the recorded request body and reads the recorded 202 answer, sent as text/json", async () => {
    const { fake, datadog } = client();
    fake.on('POST', '/api/v1/check_run', {
      status: 202,
      body: read('service_checks.submit.response.json'),
      headers: { 'Content-Type': 'text/json' },
    });
    const runs = read('service_checks.submit.request.json') as Parameters<typeof datadog.submitCheckRuns>[0];
    await expect(datadog.submitCheckRuns(runs)).resolves.toEqual({ status: 'ok' });
    const [req] = fake.requests;
    expect([req?.method, req?.url.href, req?.body]).toEqual(['POST', 'http://datadog.test/api/v1/check_run', runs]);
    expect(req?.headers).toMatchObject({ 'dd-api-key': CANARY.apiKey, 'content-type': 'application/json', accept: 'application/json' });
  });

  it('is never retried, and a 5xx carries no body', async () => {
    const { fake, datadog } = client({ retries: 2 });
    fake.on('POST', '/api/v1/check_run', { status: 503, body: { errors: ['down'] } });
    const err = await failure(datadog.submitCheckRuns([]));
    expect([err.kind, err.status, err.messages, err.operation]).toEqual(['server', 503, [], 'POST /api/v1/check_run']);
    expect(fake.requests).toHaveLength(1);
  });

  it("keeps a 400's messages, and calls an answer that is not JSON a bad response", async () => {
    const { fake, datadog } = client();
    fake.enqueue({ status: 400, body: { errors: ["check run 0: 'status' must be 0 (OK), 1 (WARNING), 2 (CRITICAL) or 3 (UNKNOWN)"] } });
    const rejected = await failure(datadog.submitCheckRuns([]));
    expect([rejected.kind, rejected.messages]).toEqual(['rejected', ["check run 0: 'status' must be 0 (OK), 1 (WARNING), 2 (CRITICAL) or 3 (UNKNOWN)"]]);
    fake.enqueue({ status: 202, body: 'ok', headers: { 'Content-Type': 'text/json' } });
    expect((await failure(datadog.submitCheckRuns([]))).kind).toBe('bad_response');
  });
});

describe('the local Datadog reads', () => {
  it('lists notifications with only the filters given', async () => {
    const { fake, datadog } = client();
    fake.on('GET', '/api/sandbox/notifications', { body: { notifications: [], total: 0 } });
    await datadog.listNotifications({ page: 0, per_page: 50 });
    await datadog.listNotifications({ monitor_id: 3, handle: '@slack-ops', outcome: 'failed', page: 1, per_page: 5 });
    expect(fake.requests.map((r) => r.query)).toEqual([
      { page: '0', per_page: '50' },
      { monitor_id: '3', handle: '@slack-ops', outcome: 'failed', page: '1', per_page: '5' },
    ]);
  });

  it('asks for a monitor’s transitions from a start in seconds, and for the latest runs', async () => {
    const { fake, datadog } = client();
    fake.on('GET', '/api/sandbox/monitor/12/transitions', { body: { initial: {}, transitions: [], mutes: [] } });
    fake.on('GET', '/api/sandbox/check_runs/latest', { body: { runs: [] } });
    await datadog.monitorTransitions(12, 1_700_000_000);
    await datadog.latestCheckRuns();
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/api/sandbox/monitor/12/transitions', { from: '1700000000' }],
      ['GET', '/api/sandbox/check_runs/latest', {}],
    ]);
  });

  it('retries reads on a 5xx, and calls a wrong shape a bad response', async () => {
    const { fake, datadog } = client({ retries: 2 });
    fake.enqueue({ status: 500, body: {} }, { status: 200, body: { runs: [] } });
    await expect(datadog.latestCheckRuns()).resolves.toEqual({ runs: [] });
    expect(fake.requests).toHaveLength(2);
    fake.on('GET', '/api/sandbox/notifications', { body: { rows: [] } });
    expect((await failure(datadog.listNotifications({ page: 0, per_page: 1 }))).kind).toBe('bad_response');
  });
});
