import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { digestHeader, parseChallenge, rawCall } from '../testing/digest-client';
import {
  ATLAS_REALM,
  digestAuth,
  digestChallenge,
  digestResponse,
  md5Hex,
  parseAuthParams,
  parseDigestAuthorization,
  verifyDigest,
  type DigestSecrets,
} from './digest-auth';
import { NonceStore } from './digest-nonces';

const USER = 'pub-key';
const PASS = 'priv-key-0123456789';
const SECRETS: DigestSecrets = { username: USER, password: PASS, realm: ATLAS_REALM };

function clock(start = 1_000_000) {
  return {
    now: start,
    advance(ms: number) {
      this.now += ms;
    },
  };
}

describe('pure helpers', () => {
  it('md5Hex and digestResponse match RFC 2617 §3.5', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(
      digestResponse({
        username: 'Mufasa',
        realm: 'testrealm@host.com',
        password: 'Circle Of Life',
        method: 'GET',
        uri: '/dir/index.html',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        nc: '00000001',
        cnonce: '0a4f113b',
        qop: 'auth',
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('digestChallenge has the exact Atlas form', () => {
    expect(digestChallenge(ATLAS_REALM, 'abc123', false)).toBe(
      'Digest realm="MMS Public API", domain="", nonce="abc123", algorithm=MD5, qop="auth", stale=false',
    );
    expect(digestChallenge(ATLAS_REALM, 'n', true)).toMatch(/, stale=true$/);
  });

  it('parseAuthParams reads tokens, quoted strings with escapes, odd spacing and empty list items', () => {
    const p = parseAuthParams(' username="a\\"b", REALM = "MMS Public API" ,, nc=00000001,qop=auth, empty=""');
    expect(p && Object.fromEntries(p)).toEqual({ username: 'a"b', realm: 'MMS Public API', nc: '00000001', qop: 'auth', empty: '' });
  });

  it.each([
    ['a repeated name', 'nonce="x", nonce="y"'],
    ['an unterminated quote', 'nonce="x'],
    ['a missing =', 'nonce "x"'],
    ['junk between items', 'nonce="x" junk, qop=auth'],
    ['a bare value', '="x"'],
  ])('parseAuthParams refuses %s', (_n, s) => {
    expect(parseAuthParams(s)).toBeNull();
  });

  const good = () => digestHeader({ username: USER, password: PASS, method: 'GET', uri: '/x', realm: ATLAS_REALM, nonce: 'n1', nc: 1, cnonce: 'c' });

  it('parseDigestAuthorization: missing, other schemes, malformed and good headers', () => {
    expect(parseDigestAuthorization(undefined)).toEqual({ kind: 'missing' });
    expect(parseDigestAuthorization('Basic cHViOnByaXY=')).toEqual({ kind: 'missing' });
    const ok = parseDigestAuthorization(good());
    expect(ok).toMatchObject({ kind: 'ok', creds: { username: USER, realm: ATLAS_REALM, nonce: 'n1', uri: '/x', nc: '00000001', cnonce: 'c', qop: 'auth' } });
    expect(parseDigestAuthorization(good().replace('algorithm=MD5', 'algorithm=SHA-256'))).toEqual({ kind: 'malformed', why: 'algorithm must be MD5' });
    expect(parseDigestAuthorization(good().replace('qop=auth', 'qop=auth-int'))).toEqual({ kind: 'malformed', why: 'qop must be auth' });
    expect(parseDigestAuthorization(good().replace('nc=00000001', 'nc=1'))).toEqual({ kind: 'malformed', why: 'nc must be 8 hex digits' });
    expect(parseDigestAuthorization(good().replace(/cnonce="c", /, ''))).toEqual({ kind: 'malformed', why: 'cnonce is missing' });
    expect(parseDigestAuthorization(`Digest username="${'x'.repeat(5000)}"`)).toEqual({ kind: 'malformed', why: 'the header is too long' });
  });
});

describe('NonceStore', () => {
  it('issues random nonces that expire after the ttl', () => {
    const c = clock();
    const s = new NonceStore({ now: () => c.now, ttlMs: 1000 });
    const a = s.issue();
    const b = s.issue();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(s.state(a)).toBe('fresh');
    expect(s.state('never-issued')).toBe('unknown');
    c.advance(1001);
    expect(s.state(a)).toBe('expired');
    expect(s.state(a)).toBe('unknown');
  });

  it('keeps at most `max` nonces, forgetting the oldest, and drops expired ones when issuing', () => {
    const c = clock();
    const s = new NonceStore({ now: () => c.now, ttlMs: 1000, max: 3 });
    const first = s.issue();
    for (let i = 0; i < 10; i++) s.issue();
    expect(s.size).toBe(3);
    expect(s.state(first)).toBe('unknown');
    c.advance(2000);
    s.issue();
    expect(s.size).toBe(1);
  });

  it('refuses a nonce count used before, allows out-of-order counts inside the window', () => {
    const s = new NonceStore({ now: () => 0, window: 4 });
    const n = s.issue();
    expect(s.use(n, 1)).toBe(true);
    expect(s.use(n, 1)).toBe(false);
    expect(s.use(n, 3)).toBe(true);
    expect(s.use(n, 2)).toBe(true);
    expect(s.use(n, 2)).toBe(false);
    expect(s.use(n, 10)).toBe(true);
    expect(s.use(n, 6)).toBe(false); // 10 - 4: too old to tell
    expect(s.use(n, 7)).toBe(true);
    expect(s.use(n, 0)).toBe(false);
    expect(s.use('unknown', 1)).toBe(false);
  });
});

describe('verifyDigest', () => {
  function setup() {
    const c = clock();
    const nonces = new NonceStore({ now: () => c.now, ttlMs: 5 * 60_000 });
    const nonce = nonces.issue();
    const header = (over: Partial<Parameters<typeof digestHeader>[0]> = {}) =>
      digestHeader({ username: USER, password: PASS, method: 'GET', uri: '/api/atlas/v2/groups', realm: ATLAS_REALM, nonce, nc: 1, ...over });
    const verify = (authorization: string | undefined, method = 'GET') =>
      verifyDigest({ method, uris: ['/api/atlas/v2/groups', 'http://h/api/atlas/v2/groups'], authorization }, SECRETS, nonces);
    return { c, nonces, nonce, header, verify };
  }

  it('accepts the right key once per nonce count, with the path or the absolute URI', () => {
    const s = setup();
    expect(s.verify(s.header())).toEqual({ ok: true, username: USER });
    expect(s.verify(s.header({ nc: 2, uri: 'http://h/api/atlas/v2/groups' }))).toEqual({ ok: true, username: USER });
  });

  it.each([
    ['no header', undefined, 'missing'],
    ['a wrong private key', { password: 'nope' }, 'credentials'],
    ['a wrong public key', { username: 'someone-else' }, 'credentials'],
    ['another realm', { realm: 'elsewhere' }, 'credentials'],
    ['a tampered response hash', { response: 'f'.repeat(32) }, 'credentials'],
    ['another uri', { uri: '/api/atlas/v2/groups/5f1a2b3c4d5e6f7a8b9c0d1e' }, 'uri'],
    ['MD5-sess', { extra: 'algorithm=MD5-sess' }, 'malformed'],
  ] as const)('refuses %s with stale=false', (_n, over, failure) => {
    const s = setup();
    const v = s.verify(over === undefined ? undefined : s.header(over));
    expect(v).toMatchObject({ ok: false, failure, stale: false });
  });

  it('a digest signed for another method fails', () => {
    const s = setup();
    expect(s.verify(s.header(), 'DELETE')).toMatchObject({ ok: false, failure: 'credentials', stale: false });
  });

  it('an expired or unknown nonce with a right digest is stale=true; with a wrong digest stale=false', () => {
    const s = setup();
    s.c.advance(5 * 60_000 + 1);
    expect(s.verify(s.header())).toMatchObject({ ok: false, failure: 'stale', stale: true });
    expect(s.verify(s.header({ nonce: 'made-up' }))).toMatchObject({ ok: false, failure: 'stale', stale: true });
    expect(s.verify(s.header({ nonce: 'made-up', password: 'x' }))).toMatchObject({ ok: false, failure: 'credentials', stale: false });
  });

  it('a replayed nc is refused', () => {
    const s = setup();
    const h = s.header();
    expect(s.verify(h).ok).toBe(true);
    expect(s.verify(h)).toMatchObject({ ok: false, failure: 'replay', stale: false });
  });
});

describe('digestAuth middleware', () => {
  function app() {
    const c = clock();
    const a = new Hono();
    const mw = digestAuth({ username: USER, password: PASS, now: () => c.now, ttlMs: 60_000, max: 50 });
    a.use('/api/atlas/*', mw);
    a.get('/api/atlas/v2/groups', (ctx) => ctx.json({ ok: true }));
    a.post('/api/atlas/v1.0/groups', (ctx) => ctx.json({ ok: 'v1' }));
    const fetchFn = async (r: Request) => a.fetch(r);
    return { c, mw, fetchFn };
  }

  async function challenge(fetchFn: (r: Request) => Promise<Response>, path = '/api/atlas/v2/groups') {
    const r = await rawCall(fetchFn, 'GET', path);
    return { r, ch: parseChallenge(r.headers.get('www-authenticate')) };
  }

  it('401 without credentials: the Atlas challenge and error body', async () => {
    const { fetchFn } = app();
    const { r, ch } = await challenge(fetchFn);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(
      /^Digest realm="MMS Public API", domain="", nonce="[0-9a-f]{32}", algorithm=MD5, qop="auth", stale=false$/,
    );
    expect(ch.params).toMatchObject({ realm: 'MMS Public API', qop: 'auth', algorithm: 'MD5' });
    expect(r.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json');
    expect(r.body).toEqual({
      detail: 'You are not authorized for this resource: send HTTP Digest credentials.',
      error: 401,
      errorCode: 'UNAUTHORIZED',
      parameters: [],
      reason: 'Unauthorized',
    });
  });

  it('good key → 200; each 401 issues a fresh nonce; bounded', async () => {
    const { fetchFn, mw } = app();
    const { ch } = await challenge(fetchFn);
    const second = await challenge(fetchFn);
    expect(second.ch.params.nonce).not.toBe(ch.params.nonce);
    const auth = digestHeader({ username: USER, password: PASS, method: 'GET', uri: '/api/atlas/v2/groups', realm: ch.params.realm!, nonce: ch.params.nonce!, nc: 1 });
    const ok = await rawCall(fetchFn, 'GET', '/api/atlas/v2/groups', { authorization: auth });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true });
    for (let i = 0; i < 80; i++) await challenge(fetchFn);
    expect(mw.nonces.size).toBe(50);
  });

  it('bad key, wrong uri, tampered hash → 401 stale=false with a new challenge; v1.0 errors are application/json', async () => {
    const { fetchFn } = app();
    const { ch } = await challenge(fetchFn);
    const base = { username: USER, password: PASS, method: 'GET', uri: '/api/atlas/v2/groups', realm: ATLAS_REALM, nonce: ch.params.nonce! };
    for (const [over, code] of [
      [{ password: 'wrong', nc: 1 }, 'UNAUTHORIZED'],
      [{ uri: '/api/atlas/v2/other', nc: 2 }, 'UNAUTHORIZED'],
      [{ response: '0'.repeat(32), nc: 3 }, 'UNAUTHORIZED'],
      [{ extra: 'algorithm=SHA-256', nc: 4 }, 'MALFORMED_DIGEST_HEADER'],
    ] as const) {
      const r = await rawCall(fetchFn, 'GET', '/api/atlas/v2/groups', { authorization: digestHeader({ ...base, ...over }) });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: 401, errorCode: code, reason: 'Unauthorized', parameters: [] });
      const again = parseChallenge(r.headers.get('www-authenticate'));
      expect(again.stale).toBe(false);
      expect(again.params.nonce).not.toBe(ch.params.nonce);
    }
    const v1 = await rawCall(fetchFn, 'POST', '/api/atlas/v1.0/groups');
    expect(v1.status).toBe(401);
    expect(v1.headers.get('content-type')).toBe('application/json');
  });

  it('an expired nonce → 401 stale=true; the new nonce then works', async () => {
    const { fetchFn, c } = app();
    const { ch } = await challenge(fetchFn);
    c.advance(60_001);
    const h = (nonce: string) => digestHeader({ username: USER, password: PASS, method: 'GET', uri: '/api/atlas/v2/groups', realm: ATLAS_REALM, nonce, nc: 1 });
    const stale = await rawCall(fetchFn, 'GET', '/api/atlas/v2/groups', { authorization: h(ch.params.nonce!) });
    expect(stale.status).toBe(401);
    expect(stale.body.errorCode).toBe('STALE_NONCE');
    const next = parseChallenge(stale.headers.get('www-authenticate'));
    expect(next.stale).toBe(true);
    expect((await rawCall(fetchFn, 'GET', '/api/atlas/v2/groups', { authorization: h(next.params.nonce!) })).status).toBe(200);
  });

  it('a replayed request (same nonce and nc) → 401', async () => {
    const { fetchFn } = app();
    const { ch } = await challenge(fetchFn);
    const h = digestHeader({ username: USER, password: PASS, method: 'GET', uri: '/api/atlas/v2/groups', realm: ATLAS_REALM, nonce: ch.params.nonce!, nc: 7 });
    expect((await rawCall(fetchFn, 'GET', '/api/atlas/v2/groups', { authorization: h })).status).toBe(200);
    const replay = await rawCall(fetchFn, 'GET', '/api/atlas/v2/groups', { authorization: h });
    expect(replay.status).toBe(401);
    expect(replay.body.errorCode).toBe('NONCE_COUNT_REUSED');
    expect(parseChallenge(replay.headers.get('www-authenticate')).stale).toBe(false);
  });
});
