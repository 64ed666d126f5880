import { parseDigestAuthorization } from '../../testing/fake-atlas';
import {
  authorizationHeader,
  digestResponse,
  DigestSession,
  parseChallenges,
  pickDigestChallenge,
  type DigestChallenge,
} from './digest';

const ATLAS_HEADER = 'Digest realm="MMS Public API", domain="", nonce="OHxYq1nbn/Ffbq5j4Xuu8zqGmM6XymSj", algorithm=MD5, qop="auth", stale=false';

const challenge = (extra: Partial<DigestChallenge> = {}): DigestChallenge => ({
  realm: 'testrealm@host.com',
  nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
  opaque: null,
  algorithm: 'MD5',
  qop: 'auth',
  stale: false,
  userhash: false,
  ...extra,
});

describe('parseChallenges', () => {
  it('reads Atlas’s challenge: quoted and bare values, an empty one', () => {
    expect(parseChallenges(ATLAS_HEADER)).toEqual([
      {
        scheme: 'Digest',
        params: { realm: 'MMS Public API', domain: '', nonce: 'OHxYq1nbn/Ffbq5j4Xuu8zqGmM6XymSj', algorithm: 'MD5', qop: 'auth', stale: 'false' },
      },
    ]);
  });

  it('keeps commas, equals signs and escaped quotes inside quoted values, and splits joined challenges', () => {
    const header =
      'Basic realm="simple", Digest realm="a, b=c", nonce="n,1=", QOP="auth,auth-int" , opaque="say \\"hi\\", ok", Stale=TRUE,Algorithm=MD5-sess, Newauth realm="apps", type=1';
    const all = parseChallenges(header);
    expect(all.map((c) => c.scheme)).toEqual(['Basic', 'Digest', 'Newauth']);
    expect(all[1]?.params).toEqual({
      realm: 'a, b=c',
      nonce: 'n,1=',
      qop: 'auth,auth-int',
      opaque: 'say "hi", ok',
      stale: 'TRUE',
      algorithm: 'MD5-sess',
    });
    expect(all[2]?.params).toEqual({ realm: 'apps', type: '1' });
  });

  it.each(['', '   ', ',,,', '"unterminated', 'Digest realm="never closed', '=x, Digest nonce', 'Digest ===, ,realm=', '\u0000\u0001 Digest'])(
    'never throws on %j',
    (header) => {
      expect(() => parseChallenges(header)).not.toThrow();
      expect(() => pickDigestChallenge(header)).not.toThrow();
    },
  );

  it('treats an absent header as no challenge', () => {
    expect(parseChallenges(null)).toEqual([]);
  });
});

describe('pickDigestChallenge', () => {
  it('reads Atlas’s MD5 challenge, stale as a boolean', () => {
    expect(pickDigestChallenge(ATLAS_HEADER)).toEqual({
      realm: 'MMS Public API',
      nonce: 'OHxYq1nbn/Ffbq5j4Xuu8zqGmM6XymSj',
      opaque: null,
      algorithm: 'MD5',
      qop: 'auth',
      stale: false,
      userhash: false,
    });
    expect(pickDigestChallenge(ATLAS_HEADER.replace('stale=false', 'stale=TRUE'))?.stale).toBe(true);
  });

  it('prefers the strongest algorithm offered, whatever the order', () => {
    const header = 'Digest realm="r", nonce="a", algorithm=MD5, qop="auth", Digest realm="r", nonce="b", algorithm=SHA-256, qop="auth"';
    expect(pickDigestChallenge(header)).toMatchObject({ nonce: 'b', algorithm: 'SHA-256' });
  });

  it('defaults to MD5, and reads a challenge without qop (RFC 2069)', () => {
    expect(pickDigestChallenge('Digest realm="r", nonce="n"')).toMatchObject({ algorithm: 'MD5', qop: null });
  });

  it.each([
    ['no Digest challenge', 'Basic realm="x"'],
    ['no nonce', 'Digest realm="r", qop="auth"'],
    ['no realm', 'Digest nonce="n", qop="auth"'],
    ['auth-int only', 'Digest realm="r", nonce="n", qop="auth-int"'],
    ['an unknown algorithm', 'Digest realm="r", nonce="n", algorithm=SHA-512-256'],
  ])('finds nothing usable with %s', (_why, header) => {
    expect(pickDigestChallenge(header)).toBeNull();
  });
});

describe('digestResponse', () => {
  it('matches RFC 2617’s worked example (MD5, qop=auth)', () => {
    const response = digestResponse({
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge: challenge(),
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches RFC 7616’s examples (MD5 and SHA-256)', () => {
    const base = {
      username: 'Mufasa',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nc: 1,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    };
    const c = challenge({
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
    });
    expect(digestResponse({ ...base, challenge: c })).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(digestResponse({ ...base, challenge: { ...c, algorithm: 'SHA-256' } })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  it('changes with every input (method, uri, nc, cnonce, password)', () => {
    const input = { username: 'u', password: 'p', method: 'GET', uri: '/a', challenge: challenge(), nc: 1, cnonce: 'c' };
    const base = digestResponse(input);
    for (const change of [{ method: 'POST' }, { uri: '/b' }, { nc: 2 }, { cnonce: 'd' }, { password: 'q' }]) {
      expect(digestResponse({ ...input, ...change })).not.toBe(base);
    }
  });
});

describe('authorizationHeader', () => {
  const input = { username: 'pub"lic\\key', password: 'p', method: 'GET', uri: '/api/atlas/v2/groups?pageNum=1', nc: 10, cnonce: 'abc' };

  it('quotes and escapes what needs it, and says nc in 8 hex digits', () => {
    const header = authorizationHeader({ ...input, challenge: challenge({ opaque: 'o,p="q"' }) });
    expect(header.startsWith('Digest ')).toBe(true);
    expect(parseDigestAuthorization(header)).toEqual({
      username: 'pub"lic\\key',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      uri: '/api/atlas/v2/groups?pageNum=1',
      algorithm: 'MD5',
      qop: 'auth',
      nc: '0000000a',
      cnonce: 'abc',
      response: digestResponse({ ...input, challenge: challenge() }),
      opaque: 'o,p="q"',
    });
  });

  it('sends a name outside printable ASCII as username* (RFC 7616 3.4.4)', () => {
    const header = authorizationHeader({ ...input, username: 'clé', challenge: challenge() });
    expect(parseDigestAuthorization(header)).toMatchObject({ 'username*': "UTF-8''cl%C3%A9" });
    expect(header).not.toContain('username="');
  });

  it('hashes the name when the server asks for userhash', () => {
    const header = authorizationHeader({ ...input, username: 'Mufasa', challenge: challenge({ userhash: true }) });
    expect(parseDigestAuthorization(header)).toMatchObject({ userhash: 'true' });
    expect(header).not.toContain('Mufasa');
  });

  it('leaves qop, nc and cnonce out for a server that offered no qop', () => {
    const params = parseDigestAuthorization(authorizationHeader({ ...input, challenge: challenge({ qop: null }) }));
    expect(Object.keys(params ?? {}).sort()).toEqual(['algorithm', 'nonce', 'realm', 'response', 'uri', 'username']);
  });
});

describe('DigestSession', () => {
  it('has nothing to send before a challenge, then counts nc up per nonce with a new cnonce each time', () => {
    let n = 0;
    const session = new DigestSession('u', 'p', () => `cnonce-${++n}`);
    expect(session.authorize('GET', '/x')).toBeNull();
    session.accept(challenge({ nonce: 'one' }));
    const sent = [session.authorize('GET', '/x'), session.authorize('POST', '/y')].map((a) => parseDigestAuthorization(a?.header ?? ''));
    expect(sent.map((p) => [p?.nonce, p?.nc, p?.cnonce])).toEqual([
      ['one', '00000001', 'cnonce-1'],
      ['one', '00000002', 'cnonce-2'],
    ]);
    session.accept(challenge({ nonce: 'two' }));
    expect(parseDigestAuthorization(session.authorize('GET', '/x')?.header ?? '')).toMatchObject({ nonce: 'two', nc: '00000001' });
    session.forget();
    expect(session.authorize('GET', '/x')).toBeNull();
  });

  it('makes random client nonces by default', () => {
    const session = new DigestSession('u', 'p');
    session.accept(challenge());
    const a = parseDigestAuthorization(session.authorize('GET', '/x')?.header ?? '');
    const b = parseDigestAuthorization(session.authorize('GET', '/x')?.header ?? '');
    expect(a?.cnonce).toMatch(/^[0-9a-f]{32}$/);
    expect(a?.cnonce).not.toBe(b?.cnonce);
  });
});
