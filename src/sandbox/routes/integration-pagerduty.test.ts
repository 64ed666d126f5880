import { describe, expect, it } from 'vitest';
import { DEMO_INTEGRATIONS } from '../seed/demo-integrations';
import { createTempSandbox, disposedAfterEach } from '../testing/temp-sandbox';

const make = disposedAfterEach(createTempSandbox);

const BASE = '/api/v1/integration/pagerduty/configuration/services';
const KEY = 'canary-pd-key-7f3a9c1e5b';

describe('PagerDuty services', () => {
  it('POST creates (201 {service_name}); GET answers {service_name} and never the key', async () => {
    const t = make();
    const r = await t.call('POST', BASE, { service_name: 'search-primary', service_key: KEY });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ service_name: 'search-primary' });
    const got = await t.call('GET', `${BASE}/search-primary`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ service_name: 'search-primary' });
    for (const res of [r, got]) expect(res.text).not.toContain(KEY);
  });

  it('the demo services are there (and their keys are not shown)', async () => {
    const t = make();
    for (const s of DEMO_INTEGRATIONS.pagerduty.services) {
      const r = await t.call('GET', `${BASE}/${s.service_name}`);
      expect(r.body).toEqual({ service_name: s.service_name });
      expect(r.text).not.toContain(s.service_key);
    }
  });

  it('409 for a name that is taken', async () => {
    const t = make();
    const r = await t.call('POST', BASE, { service_name: 'payments-primary', service_key: KEY });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ errors: ["PagerDuty service 'payments-primary' already exists in integration"] });
  });

  it.each([
    ['no service_name', { service_key: KEY }, "'service_name' is a required property"],
    ['no service_key', { service_name: 'x' }, "'service_key' is a required property"],
    ['an empty service_key', { service_name: 'x', service_key: ' ' }, "'service_key' must not be empty"],
    ['a masked service_key', { service_name: 'x', service_key: '******abcd' }, 'send the key itself, not its mask'],
    ['a name with a slash', { service_name: 'a/b', service_key: KEY }, "Invalid service_name 'a/b'"],
    ['an unknown key', { service_name: 'x', service_key: KEY, team: 'y' }, "Additional properties are not allowed ('team' was unexpected)"],
  ])('POST 400 for %s, and the error never echoes the key', async (_n, body, message) => {
    const t = make();
    const r = await t.call('POST', BASE, body);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toContain(message);
    expect(r.text).not.toContain(KEY);
  });

  it('PUT {service_key} rotates the key (200 {}); the mask read back keeps it; 404 for a missing service', async () => {
    const t = make();
    const r = await t.call('PUT', `${BASE}/payments-primary`, { service_key: KEY });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    const legacy = async () => (await t.call('GET', '/api/v1/integration/pagerduty')).body.services[0].service_key;
    expect(await legacy()).toBe(`******${KEY.slice(-4)}`);
    expect((await t.call('PUT', `${BASE}/payments-primary`, { service_key: '******9c1e' })).status).toBe(200);
    expect(await legacy()).toBe(`******${KEY.slice(-4)}`);
    expect((await t.call('PUT', `${BASE}/payments-primary`, {})).status).toBe(400);
    expect((await t.call('PUT', `${BASE}/payments-primary`, { service_key: KEY, service_name: 'x' })).status).toBe(400);
    const missing = await t.call('PUT', `${BASE}/nope`, { service_key: KEY });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ["PagerDuty service 'nope' does not exist in integration"] });
  });

  it('DELETE answers 204, then 404; GET of a missing service is a 404', async () => {
    const t = make();
    const r = await t.call('DELETE', `${BASE}/platform-primary`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect((await t.call('DELETE', `${BASE}/platform-primary`)).status).toBe(404);
    const got = await t.call('GET', `${BASE}/platform-primary`);
    expect(got.status).toBe(404);
    expect(got.body).toEqual({ errors: ["PagerDuty service 'platform-primary' does not exist in integration"] });
  });
});
