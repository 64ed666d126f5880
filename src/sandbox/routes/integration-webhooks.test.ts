import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../contract/webhook-template';
import { DEMO_INTEGRATIONS } from '../seed/demo-integrations';
import { createTempSandbox, disposedAfterEach } from '../testing/temp-sandbox';

const make = disposedAfterEach(createTempSandbox);

const HOOKS = '/api/v1/integration/webhooks/configuration/webhooks';
const VARS = '/api/v1/integration/webhooks/configuration/custom-variables';
const SECRET = 'canary-variable-secret-41d7';

describe('webhooks', () => {
  it('POST creates (201) with the defaults filled in; GET answers the same', async () => {
    const t = make();
    const r = await t.call('POST', HOOKS, { name: 'pager-bridge', url: 'https://example.com/webhook' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      name: 'pager-bridge',
      url: 'https://example.com/webhook',
      encode_as: 'json',
      custom_headers: null,
      payload: DEFAULT_WEBHOOK_PAYLOAD,
    });
    const got = await t.call('GET', `${HOOKS}/pager-bridge`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(r.body);
  });

  it('keeps custom_headers and payload as text, and form encoding', async () => {
    const t = make();
    const body = {
      name: 'form-hook',
      url: 'http://127.0.0.1:9/hook',
      encode_as: 'form',
      custom_headers: '{"Authorization": "Bearer x"}',
      payload: '{"text": "$EVENT_TITLE"}',
    };
    const r = await t.call('POST', HOOKS, body);
    expect(r.status).toBe(201);
    expect(r.body).toEqual(body);
    const obj = await t.call('POST', HOOKS, { name: 'obj-headers', url: 'https://e.com', custom_headers: { 'X-A': '1' } });
    expect(obj.body.custom_headers).toBe('{"X-A":"1"}');
  });

  it('the demo webhook has its custom header and payload', async () => {
    const t = make();
    const r = await t.call('GET', `${HOOKS}/ops-bridge`);
    expect(r.body).toEqual({
      name: 'ops-bridge',
      url: DEMO_INTEGRATIONS.webhook.url,
      encode_as: 'json',
      custom_headers: DEMO_INTEGRATIONS.webhook.customHeaders,
      payload: DEMO_INTEGRATIONS.webhook.payload,
    });
  });

  it('409 for a second POST of a name', async () => {
    const t = make();
    const r = await t.call('POST', HOOKS, { name: 'ops-bridge', url: 'https://example.com/other' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ errors: ['Webhook already exists'] });
  });

  it.each([
    ['no name', { url: 'https://e.com' }, "'name' is a required property"],
    ['no url', { name: 'x' }, "'url' is a required property"],
    ['an ftp url', { name: 'x', url: 'ftp://e.com/x' }, "Invalid url 'ftp://e.com/x': must be an http:// or https:// URL"],
    ['a url that is not one', { name: 'x', url: 'not a url' }, 'must be an http:// or https:// URL'],
    ['a bad encode_as', { name: 'x', url: 'https://e.com', encode_as: 'xml' }, "'xml' is not one of ['json', 'form']"],
    ['a bad name', { name: 'has space', url: 'https://e.com' }, "Invalid name 'has space'"],
    ['headers that are not JSON', { name: 'x', url: 'https://e.com', custom_headers: 'X-A: 1' }, 'Invalid custom_headers'],
    ['a header with a new line', { name: 'x', url: 'https://e.com', custom_headers: '{"X-A": "1\\r\\nX-B: 2"}' }, 'must be one line'],
    ['a header value that is not text', { name: 'x', url: 'https://e.com', custom_headers: '{"X-A": 1}' }, 'Invalid custom_headers'],
    ['a payload that is not text', { name: 'x', url: 'https://e.com', payload: { a: 1 } }, "is not of type 'string'"],
    ['an unknown key', { name: 'x', url: 'https://e.com', method: 'GET' }, "Additional properties are not allowed ('method' was unexpected)"],
  ])('POST 400 for %s', async (_n, body, message) => {
    const t = make();
    const r = await t.call('POST', HOOKS, body);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toContain(message);
  });

  it('PUT updates part of a webhook (200, the whole object), can rename, and 404s for a missing one', async () => {
    const t = make();
    const r = await t.call('PUT', `${HOOKS}/ops-bridge`, { url: 'https://example.com/webhook-updated', encode_as: 'form' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'ops-bridge', url: 'https://example.com/webhook-updated', encode_as: 'form', payload: DEMO_INTEGRATIONS.webhook.payload });
    const reset = await t.call('PUT', `${HOOKS}/ops-bridge`, { payload: null, custom_headers: null });
    expect(reset.body).toMatchObject({ payload: DEFAULT_WEBHOOK_PAYLOAD, custom_headers: null });
    const renamed = await t.call('PUT', `${HOOKS}/ops-bridge`, { name: 'ops-bridge-2' });
    expect(renamed.body.name).toBe('ops-bridge-2');
    expect((await t.call('GET', `${HOOKS}/ops-bridge`)).status).toBe(404);
    await t.call('POST', HOOKS, { name: 'other', url: 'https://e.com' });
    expect((await t.call('PUT', `${HOOKS}/other`, { name: 'ops-bridge-2' })).status).toBe(409);
    expect((await t.call('PUT', `${HOOKS}/other`, { encode_as: 'yaml' })).status).toBe(400);
    const missing = await t.call('PUT', `${HOOKS}/nope`, { url: 'https://e.com' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ['Webhook does not exist'] });
  });

  it('DELETE answers 200 {}, then the recorded 404', async () => {
    const t = make();
    const r = await t.call('DELETE', `${HOOKS}/ops-bridge`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    const again = await t.call('DELETE', `${HOOKS}/ops-bridge`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ errors: ['Webhook does not exist'] });
    expect((await t.call('GET', `${HOOKS}/ops-bridge`)).body).toEqual({ errors: ['Webhook does not exist'] });
  });
});

describe('custom variables', () => {
  it('a secret variable: 201 without its value; GET and PUT never show it', async () => {
    const t = make();
    const r = await t.call('POST', VARS, { name: 'BRIDGE_TOKEN', value: SECRET, is_secret: true });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ name: 'BRIDGE_TOKEN', is_secret: true });
    const got = await t.call('GET', `${VARS}/BRIDGE_TOKEN`);
    expect(got.body).toEqual({ name: 'BRIDGE_TOKEN', is_secret: true });
    const put = await t.call('PUT', `${VARS}/BRIDGE_TOKEN`, { value: `${SECRET}-2` });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ name: 'BRIDGE_TOKEN', is_secret: true });
    for (const res of [r, got, put]) expect(res.text).not.toContain(SECRET);
  });

  it('a plain variable shows its value; PUT changes it (200)', async () => {
    const t = make();
    expect((await t.call('GET', `${VARS}/OPS_BRIDGE_ENV`)).body).toEqual({ name: 'OPS_BRIDGE_ENV', is_secret: false, value: 'demo' });
    const put = await t.call('PUT', `${VARS}/OPS_BRIDGE_ENV`, { value: 'variable-updated' });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ name: 'OPS_BRIDGE_ENV', is_secret: false, value: 'variable-updated' });
    const made = await t.call('POST', VARS, { name: 'REGION', value: 'eu', is_secret: false });
    expect(made.body).toEqual({ name: 'REGION', is_secret: false, value: 'eu' });
  });

  it('a secret stays secret: becoming non-secret needs a new value; the mask read back keeps the value', async () => {
    const t = make();
    await t.call('POST', VARS, { name: 'BRIDGE_TOKEN', value: SECRET, is_secret: true });
    const reveal = await t.call('PUT', `${VARS}/BRIDGE_TOKEN`, { is_secret: false });
    expect(reveal.status).toBe(400);
    expect(reveal.body).toEqual({ errors: ['A secret custom variable becomes non-secret only with a new value'] });
    expect((await t.call('PUT', `${VARS}/BRIDGE_TOKEN`, { is_secret: false, value: '******' })).status).toBe(400);
    const plain = await t.call('PUT', `${VARS}/BRIDGE_TOKEN`, { is_secret: false, value: 'public' });
    expect(plain.body).toEqual({ name: 'BRIDGE_TOKEN', is_secret: false, value: 'public' });
    const secretAgain = await t.call('PUT', `${VARS}/BRIDGE_TOKEN`, { is_secret: true });
    expect(secretAgain.body).toEqual({ name: 'BRIDGE_TOKEN', is_secret: true });
  });

  it('409 for a taken name; 400 for bad bodies; rename', async () => {
    const t = make();
    const dup = await t.call('POST', VARS, { name: 'OPS_BRIDGE_ENV', value: 'x', is_secret: false });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ errors: ['Custom variable already exists'] });
    for (const [body, message] of [
      [{ value: 'x', is_secret: false }, "'name' is a required property"],
      [{ name: 'X', is_secret: false }, "'value' is a required property"],
      [{ name: 'X', value: 'x' }, "'is_secret' is a required property"],
      [{ name: 'lower', value: 'x', is_secret: false }, "Invalid name 'lower'"],
      [{ name: 'X', value: 1, is_secret: false }, 'Invalid value: expected a string'],
      [{ name: 'X', value: 'x', is_secret: 'yes' }, "'yes' is not of type 'boolean'"],
    ] as const) {
      const r = await t.call('POST', VARS, body);
      expect(r.status, message).toBe(400);
      expect(r.body.errors[0]).toContain(message);
    }
    const renamed = await t.call('PUT', `${VARS}/OPS_BRIDGE_ENV`, { name: 'BRIDGE_ENV' });
    expect(renamed.body).toEqual({ name: 'BRIDGE_ENV', is_secret: false, value: 'demo' });
  });

  it('DELETE answers 200 {}, then the recorded 404; GET and PUT 404 too', async () => {
    const t = make();
    const r = await t.call('DELETE', `${VARS}/OPS_BRIDGE_ENV`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    for (const method of ['DELETE', 'GET', 'PUT']) {
      const again = await t.call(method, `${VARS}/OPS_BRIDGE_ENV`, method === 'PUT' ? { value: 'x' } : undefined);
      expect(again.status).toBe(404);
      expect(again.body).toEqual({ errors: ['Custom variable does not exist'] });
    }
  });
});
