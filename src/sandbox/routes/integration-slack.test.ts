import { describe, expect, it } from 'vitest';
import { createTempSandbox, disposedAfterEach, type Json } from '../testing/temp-sandbox';

const make = disposedAfterEach(createTempSandbox);

const BASE = '/api/v1/integration/slack/configuration/accounts/watchdeck-demo/channels';
const DEFAULT_DISPLAY = { message: true, mute_buttons: false, notified: true, snapshot: true, tags: true };
const names = (b: Json): string[] => b.map((c: Json) => c.name);

describe('GET .../accounts/{account}/channels', () => {
  it("lists the account's channels as a bare array", async () => {
    const t = make();
    const r = await t.call('GET', BASE);
    expect(r.status).toBe(200);
    expect(names(r.body)).toEqual(['#ops-alerts', '#checkout-oncall', '#payments-oncall']);
    expect(r.body[1]).toEqual({ name: '#checkout-oncall', display: DEFAULT_DISPLAY });
    expect(r.body[0].display.mute_buttons).toBe(true);
  });

  it('404 {"errors":[...]} for an unknown account', async () => {
    const t = make();
    const r = await t.call('GET', '/api/v1/integration/slack/configuration/accounts/nobody/channels');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: ["Slack account 'nobody' does not exist in integration"] });
    expect((await t.call('POST', '/api/v1/integration/slack/configuration/accounts/nobody/channels', { name: '#x' })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/integration/slack/configuration/accounts/nobody/channels/%23x')).status).toBe(404);
  });
});

describe('POST .../channels', () => {
  it('adds a channel (200), echoing it with the display defaults filled in; a name without "#" gets one', async () => {
    const t = make();
    const r = await t.call('POST', BASE, { name: 'sre-war-room', display: { tags: false } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: '#sre-war-room', display: { ...DEFAULT_DISPLAY, tags: false } });
    const full = await t.call('POST', BASE, { name: '#general', display: DEFAULT_DISPLAY });
    expect(full.body).toEqual({ name: '#general', display: DEFAULT_DISPLAY });
    expect(names((await t.call('GET', BASE)).body)).toEqual(['#ops-alerts', '#checkout-oncall', '#payments-oncall', '#sre-war-room', '#general']);
  });

  it('409 for a channel the account already has', async () => {
    const t = make();
    const r = await t.call('POST', BASE, { name: 'ops-alerts' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ errors: ["Channel #ops-alerts already exists in Slack account 'watchdeck-demo'"] });
  });

  it.each([
    ['no name', {}, "'name' is a required property"],
    ['a name with spaces', { name: '#ops alerts' }, "Invalid name '#ops alerts'"],
    ['a bare "#"', { name: '#' }, "Invalid name '#'"],
    ['a display flag that is not a boolean', { name: 'x', display: { tags: 'yes' } }, "'yes' is not of type 'boolean'"],
    ['an unknown display key', { name: 'x', display: { colour: true } }, "Additional properties are not allowed ('colour' was unexpected)"],
    ['an unknown key', { name: 'x', topic: 'y' }, "Additional properties are not allowed ('topic' was unexpected)"],
    ['a body that is not an object', ['x'], "is not of type 'object'"],
  ])('400 for %s', async (_n, body, message) => {
    const t = make();
    const r = await t.call('POST', BASE, body);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toContain(message);
  });
});

describe('GET, PATCH, DELETE .../channels/{channel_name}', () => {
  it('gets one channel by name, with or without "#", URL-encoded or not', async () => {
    const t = make();
    for (const path of [`${BASE}/%23checkout-oncall`, `${BASE}/checkout-oncall`, `${BASE}/%23checkout%2Doncall`]) {
      const r = await t.call('GET', path);
      expect(r.status, path).toBe(200);
      expect(r.body).toEqual({ name: '#checkout-oncall', display: DEFAULT_DISPLAY });
    }
    const missing = await t.call('GET', `${BASE}/%23nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ["Channel #nope does not exist in Slack account 'watchdeck-demo'"] });
  });

  it('PATCH changes part of the display (200, the whole channel) and can rename', async () => {
    const t = make();
    const r = await t.call('PATCH', `${BASE}/payments-oncall`, { display: { snapshot: false, mute_buttons: true } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: '#payments-oncall', display: { ...DEFAULT_DISPLAY, snapshot: false, mute_buttons: true } });
    expect((await t.call('GET', `${BASE}/payments-oncall`)).body).toEqual(r.body);
    const renamed = await t.call('PATCH', `${BASE}/%23payments-oncall`, { name: '#payments-pager' });
    expect(renamed.body).toEqual({ name: '#payments-pager', display: r.body.display });
    expect((await t.call('GET', `${BASE}/payments-oncall`)).status).toBe(404);
    const clash = await t.call('PATCH', `${BASE}/payments-pager`, { name: 'ops-alerts' });
    expect(clash.status).toBe(409);
    expect((await t.call('PATCH', `${BASE}/payments-pager`, { display: { tags: 1 } })).status).toBe(400);
    expect((await t.call('PATCH', `${BASE}/nope`, { display: {} })).status).toBe(404);
  });

  it('DELETE answers 204 with no body, then 404', async () => {
    const t = make();
    const r = await t.call('DELETE', `${BASE}/%23ops-alerts`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect((await t.call('DELETE', `${BASE}/%23ops-alerts`)).status).toBe(404);
    expect(names((await t.call('GET', BASE)).body)).toEqual(['#checkout-oncall', '#payments-oncall']);
  });
});
