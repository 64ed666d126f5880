import { describe, expect, it } from 'vitest';
import {
  AtlasTestClient,
  createAtlasSandbox,
  digestHeader,
  parseChallenge,
  rawCall,
  TEST_ATLAS_PRIVATE_KEY,
  TEST_ATLAS_PUBLIC_KEY,
} from '../testing/digest-client';
import { createTempSandbox, disposedAfterEach, TEST_API_KEY, TEST_APP_KEY } from '../testing/temp-sandbox';
import { DEFAULT_ATLAS_PRIVATE_KEY, DEFAULT_ATLAS_PUBLIC_KEY } from './atlas-routes';
import { ATLAS_DEMO } from './demo-atlas';

const make = disposedAfterEach(createAtlasSandbox, (s) => s.t);
const makePlain = disposedAfterEach(createTempSandbox);

const DD_KEYS = { 'DD-API-KEY': TEST_API_KEY, 'DD-APPLICATION-KEY': TEST_APP_KEY };
const GROUPS = '/api/atlas/v2/groups';

describe('the digest handshake through the sandbox', () => {
  it('good key: 401 challenge, then 200 on the same nonce for many requests', async () => {
    const { atlas } = make();
    const r = await atlas.call('GET', GROUPS);
    expect(r.status).toBe(200);
    expect(r.body.totalCount).toBe(2);
    expect(atlas.handshakes).toBe(1);
    for (let i = 0; i < 5; i++) expect((await atlas.call('GET', `${GROUPS}/${ATLAS_DEMO.projects.checkoutProd.id}`)).status).toBe(200);
    expect(atlas.handshakes).toBe(1);
  });

  it('bad key: 401, the challenge and the Atlas error body, on every attempt', async () => {
    const { t } = make();
    for (const [user, pass] of [
      [TEST_ATLAS_PUBLIC_KEY, 'wrong-private'],
      ['wrong-public', TEST_ATLAS_PRIVATE_KEY],
      [TEST_ATLAS_PRIVATE_KEY, TEST_ATLAS_PUBLIC_KEY],
    ] as const) {
      const client = new AtlasTestClient(t.sandbox.fetch, user, pass);
      const r = await client.call('GET', GROUPS);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(
        /^Digest realm="MMS Public API", domain="", nonce="[0-9a-f]{32}", algorithm=MD5, qop="auth", stale=false$/,
      );
      expect(r.body).toEqual({ detail: 'You are not authorized for this resource.', error: 401, errorCode: 'UNAUTHORIZED', parameters: [], reason: 'Unauthorized' });
      const everything = r.text + JSON.stringify([...r.headers.entries()]);
      for (const secret of [TEST_ATLAS_PRIVATE_KEY, pass]) {
        for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) expect(everything).not.toContain(form);
      }
    }
  });

  it('an expired nonce gets stale=true, and the client re-handshakes without failing', async () => {
    const { t, atlas } = make();
    expect((await atlas.call('GET', GROUPS)).status).toBe(200);
    const old = atlas.nonce!;
    t.clock.advance(5 * 60_000 + 1);
    const direct = await rawCall(t.sandbox.fetch, 'GET', GROUPS, {
      authorization: digestHeader({ username: TEST_ATLAS_PUBLIC_KEY, password: TEST_ATLAS_PRIVATE_KEY, method: 'GET', uri: GROUPS, realm: 'MMS Public API', nonce: old, nc: 99 }),
    });
    expect(direct.status).toBe(401);
    expect(parseChallenge(direct.headers.get('www-authenticate')).stale).toBe(true);
    const again = new AtlasTestClient(t.sandbox.fetch);
    expect((await again.call('GET', GROUPS)).status).toBe(200);
    // The first client's nonce is now gone too: it answers the stale challenge and carries on.
    expect((await atlas.call('GET', GROUPS)).status).toBe(200);
    expect(atlas.handshakes).toBe(2);
    expect(atlas.nonce).not.toBe(old);
  });

  it('a replayed request is refused', async () => {
    const { t, atlas } = make();
    await atlas.call('GET', GROUPS);
    const path = `${GROUPS}/${ATLAS_DEMO.projects.checkoutProd.id}/integrations/SLACK`;
    const h = digestHeader({
      username: TEST_ATLAS_PUBLIC_KEY,
      password: TEST_ATLAS_PRIVATE_KEY,
      method: 'DELETE',
      uri: path,
      realm: 'MMS Public API',
      nonce: atlas.nonce!,
      nc: 50,
    });
    expect((await rawCall(t.sandbox.fetch, 'DELETE', path, { authorization: h })).status).toBe(204);
    const replay = await rawCall(t.sandbox.fetch, 'DELETE', path, { authorization: h });
    expect(replay.status).toBe(401);
    expect(replay.body.errorCode).toBe('NONCE_COUNT_REUSED');
  });

  it('without the options the sandbox uses the default Atlas key pair', async () => {
    const t = makePlain();
    expect((await new AtlasTestClient(t.sandbox.fetch).call('GET', GROUPS)).status).toBe(401);
    expect((await new AtlasTestClient(t.sandbox.fetch, DEFAULT_ATLAS_PUBLIC_KEY, DEFAULT_ATLAS_PRIVATE_KEY).call('GET', GROUPS)).status).toBe(200);
  });
});

describe('Atlas and Datadog auth stay apart', () => {
  it('/api/atlas/* needs no DD keys, and DD keys alone do not open it', async () => {
    const { t } = make();
    const ddOnly = await rawCall(t.sandbox.fetch, 'GET', GROUPS, DD_KEYS);
    expect(ddOnly.status).toBe(401);
    expect(ddOnly.body.errorCode).toBe('UNAUTHORIZED');
    // Even a path the local Atlas does not serve: a digest challenge, never the Datadog 403.
    for (const p of ['/api/atlas/v2/nothing', '/api/atlas']) {
      const unknown = await rawCall(t.sandbox.fetch, 'GET', p);
      expect(unknown.status, p).toBe(401);
      expect(unknown.headers.get('www-authenticate')).toMatch(/^Digest /);
    }
  });

  it('Datadog routes still answer 403 without DD keys, even with valid digest credentials', async () => {
    const { t, atlas } = make();
    for (const p of ['/api/v1/monitor', '/api/v2/team', '/api/v1/validate', '/api/atlasx/v2/groups']) {
      const r = await atlas.call('GET', p);
      expect(r.status, p).toBe(403);
      expect(r.body).toEqual({ errors: ['API key required'] });
    }
    expect((await t.call('GET', '/api/v1/validate')).status).toBe(200);
  });

  it('the fault middleware applies to Atlas too', async () => {
    const { t, atlas } = make();
    t.sandbox.setFault({ status: 429, body: { error: 429, errorCode: 'RATE_LIMITED' }, headers: { 'Retry-After': '3' } });
    const r = await rawCall(t.sandbox.fetch, 'GET', GROUPS);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
    t.sandbox.setFault(null);
    expect((await atlas.call('GET', GROUPS)).status).toBe(200);
  });
});
