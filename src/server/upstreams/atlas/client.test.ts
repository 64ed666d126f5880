import { ATLAS_CANARY, atlasSecretForms, PROJECT_A, PROJECT_B } from '../../testing/atlas-fixtures';
import { FakeAtlas } from '../../testing/fake-atlas';
import { failure } from '../../testing/upstream-failure';
import type { FetchLike } from '../http-common';
import { createAtlasClient, PROJECTS_PER_PAGE } from './client';
import { fromAtlasError } from './errors';
import { ATLAS_MEDIA_TYPE, cooldownSeconds, parseRetryAfter } from './http';

const ID = PROJECT_A;
const ONE = `/api/atlas/v2/groups/${ID}`;

function setup(options: { keys?: { publicKey: string; privateKey: string }; retries?: number; timeoutMs?: number; now?: () => number; opaque?: string } = {}) {
  const fake = new FakeAtlas({ ...ATLAS_CANARY, ...(options.opaque !== undefined ? { opaque: options.opaque } : {}) });
  fake.addProject(PROJECT_A, 'A').addProject(PROJECT_B, 'B');
  const client = createAtlasClient({
    baseUrl: 'https://atlas.test/',
    ...(options.keys ?? ATLAS_CANARY),
    fetch: fake.fetch,
    timeoutMs: options.timeoutMs ?? 1000,
    retries: options.retries ?? 0,
    retryBaseMs: 5,
    ...(options.now ? { now: options.now } : {}),
  });
  return { fake, client };
}

describe('Atlas digest handshake', () => {
  it('answers the first challenge, then reuses the nonce with nc counting up and a new cnonce', async () => {
    const { fake, client } = setup();
    await client.getProject(ID);
    await client.listIntegrations(ID);
    await client.getProject(PROJECT_B);
    expect(fake.received.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', ONE, 401],
      ['GET', ONE, 200],
      ['GET', `${ONE}/integrations`, 200],
      ['GET', `/api/atlas/v2/groups/${PROJECT_B}`, 200],
    ]);
    expect(fake.received[0]?.headers.authorization).toBeUndefined();
    const sent = fake.received.slice(1).map((r) => r.digest);
    expect(sent.map((d) => d?.nc)).toEqual(['00000001', '00000002', '00000003']);
    expect(new Set(sent.map((d) => d?.nonce)).size).toBe(1);
    expect(new Set(sent.map((d) => d?.cnonce)).size).toBe(3);
    expect(sent[0]).toMatchObject({ username: ATLAS_CANARY.publicKey, realm: 'MMS Public API', uri: ONE, qop: 'auth', algorithm: 'MD5' });
    expect(sent[1]?.uri).toBe(`${ONE}/integrations?itemsPerPage=100`);
  });

  it('sends only Accept (Atlas’s versioned type), Authorization and, with a body, Content-Type', async () => {
    const { fake, client } = setup();
    await client.createIntegration(ID, 'PAGER_DUTY', { type: 'PAGER_DUTY', serviceKey: 'k-1234567890' });
    const [challenge, post] = fake.received;
    expect(Object.keys(challenge?.headers ?? {}).sort()).toEqual(['accept', 'content-type']);
    expect(Object.keys(post?.headers ?? {}).sort()).toEqual(['accept', 'authorization', 'content-type']);
    expect(post?.headers.accept).toBe(ATLAS_MEDIA_TYPE);
    expect(post?.headers['content-type']).toBe('application/json');
    // The challenged request is sent again in full: the body is not lost on the retry.
    expect([challenge?.body, post?.body]).toEqual([
      { type: 'PAGER_DUTY', serviceKey: 'k-1234567890' },
      { type: 'PAGER_DUTY', serviceKey: 'k-1234567890' },
    ]);
  });

  it('echoes an opaque value holding a comma and an equals sign', async () => {
    const { fake, client } = setup({ opaque: 'op,aque="x"=y' });
    await client.getProject(ID);
    expect(fake.received.map((r) => r.status)).toEqual([401, 200]);
    expect(fake.received[1]?.digest?.opaque).toBe('op,aque="x"=y');
  });

  it('a wrong private key: one retry only, then `auth`, which the browser sees as 502 upstream_auth', async () => {
    const { fake, client } = setup({ keys: { publicKey: ATLAS_CANARY.publicKey, privateKey: 'wrong-private-key' } });
    const err = await failure(client.getProject(ID));
    expect([err.kind, err.status]).toEqual(['auth', 401]);
    expect(fake.received.map((r) => r.status)).toEqual([401, 401]);
    const mapped = fromAtlasError(err);
    expect([mapped.status, mapped.code]).toEqual([502, 'upstream_auth']);
    expect(mapped.message).toContain('ATLAS_PRIVATE_KEY');
    // The nonce was forgotten: the next call starts over, and again stops after one retry.
    await failure(client.getProject(ID));
    expect(fake.received.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(fake.received[2]?.headers.authorization).toBeUndefined();
  });

  it('a wrong public key is refused the same way', async () => {
    const { fake, client } = setup({ keys: { publicKey: 'someone-else', privateKey: ATLAS_CANARY.privateKey } });
    expect((await failure(client.listProjects())).kind).toBe('auth');
    expect(fake.received).toHaveLength(2);
  });

  it('a stale nonce: retries once with the new nonce from nc 1, and keeps using it', async () => {
    const { fake, client } = setup();
    await client.getProject(ID);
    const first = fake.received[1]?.digest?.nonce;
    fake.expireNonces();
    await client.getProject(ID);
    await client.getProject(ID);
    expect(fake.received.map((r) => r.status)).toEqual([401, 200, 401, 200, 200]);
    const [, , staleTry, retry, next] = fake.received;
    expect(staleTry?.digest).toMatchObject({ nonce: first, nc: '00000002' });
    expect(retry?.digest?.nonce).not.toBe(first);
    expect([retry?.digest?.nc, next?.digest?.nc]).toEqual(['00000001', '00000002']);
    expect(next?.digest?.nonce).toBe(retry?.digest?.nonce);
  });

  it('a 401 that repeats the nonce it refused is our key, not a new challenge: no retry', async () => {
    const requests: Request[] = [];
    const challenge = 'Digest realm="r", nonce="same-nonce", algorithm=MD5, qop="auth"';
    const fetch: FetchLike = async (req) => {
      requests.push(req);
      return new Response('{}', { status: 401, headers: { 'WWW-Authenticate': challenge } });
    };
    const client = createAtlasClient({ baseUrl: 'https://atlas.test', ...ATLAS_CANARY, fetch, timeoutMs: 1000 });
    // First call: no Authorization, the challenge, one answer to it: refused.
    expect((await failure(client.getProject(ID))).kind).toBe('auth');
    expect(requests.map((r) => r.headers.has('authorization'))).toEqual([false, true]);
  });

  it('a 401 with no Digest challenge it can answer is `auth` at once', async () => {
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="atlas"' } });
    };
    const client = createAtlasClient({ baseUrl: 'https://atlas.test', ...ATLAS_CANARY, fetch, timeoutMs: 1000 });
    expect((await failure(client.getProject(ID))).kind).toBe('auth');
    expect(calls).toBe(1);
  });

  it('concurrent calls share the nonce, each with its own nc, so none is refused as a replay', async () => {
    const { fake, client } = setup();
    await client.getProject(ID);
    // Concurrent calls each take their own nc under the shared nonce, so none is refused as a replay.
    await Promise.all([client.getProject(ID), client.getProject(PROJECT_B), client.listIntegrations(ID), client.listIntegrations(PROJECT_B)]);
    expect(fake.received.map((r) => r.status)).toEqual([401, 200, 200, 200, 200, 200]);
    expect(fake.received.slice(1).map((r) => r.digest?.nc).sort()).toEqual(['00000001', '00000002', '00000003', '00000004', '00000005']);
  });
});

describe('the fake Atlas’s own digest check', () => {
  const get = (fake: FakeAtlas, authorization?: string) =>
    fake.fetch(
      new Request(`https://atlas.test${ONE}`, {
        headers: { Accept: ATLAS_MEDIA_TYPE, ...(authorization ? { Authorization: authorization } : {}) },
      }),
    );

  it('refuses a replayed Authorization (same nonce and nc) and a tampered response', async () => {
    const { fake, client } = setup();
    await client.getProject(ID);
    const good = fake.received[1]?.headers.authorization as string;
    expect((await get(fake, good)).status).toBe(401);
    const tampered = good.replace(/response="([0-9a-f])/, (_m, c: string) => `response="${c === '0' ? '1' : '0'}`);
    expect((await get(fake, tampered)).status).toBe(401);
    expect((await get(fake)).headers.get('WWW-Authenticate')).toMatch(/^Digest realm="MMS Public API", .*qop="auth"/);
  });
});

describe('Atlas calls', () => {
  it('encodes path segments and pages through the projects', async () => {
    const { fake, client } = setup();
    for (let i = 0; i < PROJECTS_PER_PAGE; i++) fake.addProject(i.toString(16).padStart(24, '0'), `p${i}`);
    const all = await client.listProjects();
    expect(all).toHaveLength(PROJECTS_PER_PAGE + 2);
    expect(fake.authorized().map((r) => r.query)).toEqual([
      { pageNum: '1', itemsPerPage: String(PROJECTS_PER_PAGE) },
      { pageNum: '2', itemsPerPage: String(PROJECTS_PER_PAGE) },
    ]);
    await failure(client.getIntegration(ID, '../../orgs'));
    expect(fake.received.at(-1)?.path).toBe(`${ONE}/integrations/..%2F..%2Forgs`);
  });

  it('reads Atlas’s 4xx detail as the upstream message, with our keys scrubbed out', async () => {
    const { fake, client } = setup();
    fake.failNext({ status: 400, body: { detail: `Invalid attribute url for ${ATLAS_CANARY.privateKey}`, error: 400, errorCode: 'INVALID_ATTRIBUTE', reason: 'Bad Request' } });
    const err = await failure(client.createIntegration(ID, 'WEBHOOK', { type: 'WEBHOOK', url: 'x' }));
    expect([err.kind, err.status]).toEqual(['rejected', 400]);
    expect(err.messages).toEqual(['Invalid attribute url for [redacted]']);
    for (const form of atlasSecretForms()) expect(JSON.stringify(err.messages)).not.toContain(form);
    const mapped = fromAtlasError(err);
    expect([mapped.status, mapped.code, mapped.extra.upstream]).toEqual([400, 'upstream_rejected', ['Invalid attribute url for [redacted]']]);
  });

  it('keeps 404 a 404 and makes 409 our conflict', async () => {
    const { fake, client } = setup();
    const missing = await failure(client.getIntegration(ID, 'SLACK'));
    expect([missing.kind, fromAtlasError(missing).status, fromAtlasError(missing).code]).toEqual(['not_found', 404, 'not_found']);
    expect(missing.messages[0]).toContain('No integration of type SLACK');
    fake.setIntegration(ID, 'SLACK', { apiToken: 'xoxb-1', teamName: 't' });
    const conflict = await failure(client.createIntegration(ID, 'SLACK', { type: 'SLACK', apiToken: 'xoxb-2', teamName: 't' }));
    const mapped = fromAtlasError(conflict);
    expect([conflict.status, mapped.status, mapped.code]).toEqual([409, 409, 'conflict']);
  });

  it('never reads a 5xx body (it may echo anything) and retries GETs only', async () => {
    const { fake, client } = setup({ retries: 2 });
    fake.failNext({ status: 500, body: { detail: ATLAS_CANARY.privateKey } }, { status: 503 });
    expect((await client.getProject(ID)).name).toBe('A');
    expect(fake.authorized().map((r) => r.status)).toEqual([500, 503, 200]);

    fake.failNext({ status: 500, body: { detail: ATLAS_CANARY.privateKey } });
    const err = await failure(client.deleteIntegration(ID, 'SLACK'));
    expect([err.kind, err.status, err.messages]).toEqual(['server', 500, []]);
    expect(fake.authorized('DELETE')).toHaveLength(1);
    const mapped = fromAtlasError(err, { mutation: true });
    expect([mapped.status, mapped.code]).toEqual([502, 'upstream_error']);
  });

  it('retries a GET after a network error, at most `retries` times', async () => {
    const { fake, client } = setup({ retries: 1 });
    await client.getProject(ID);
    fake.failNext({ status: 0, network: true }, { status: 0, network: true });
    expect((await failure(client.getProject(ID))).kind).toBe('network');
    expect(fake.received).toHaveLength(4);
  });

  it('times out a stalled call, aborting the request, as `timeout` (504)', async () => {
    const { fake, client } = setup({ timeoutMs: 150 });
    await client.getProject(ID);
    fake.failNext({ status: 200, stall: true });
    const started = Date.now();
    const err = await failure(client.getProject(ID));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(150 + 500);
    expect(fake.aborted).toHaveLength(1);
    expect([fromAtlasError(err).status, fromAtlasError(err).code]).toEqual([504, 'upstream_timeout']);
  });

  it('answers an unreadable 200 as bad_response', async () => {
    const { fake, client } = setup();
    fake.failNext({ status: 200, body: 'not json' }, { status: 200, body: { results: 'nope' } });
    expect((await failure(client.getProject(ID))).kind).toBe('bad_response');
    expect((await failure(client.listIntegrations(ID))).kind).toBe('bad_response');
  });
});

describe('Atlas rate limits', () => {
  it('honours Retry-After, then answers 429 locally until it passes, without asking Atlas', async () => {
    let now = 1_000_000;
    const { fake, client } = setup({ now: () => now });
    fake.failNext({ status: 429, headers: { 'Retry-After': '7' } });
    const err = await failure(client.listIntegrations(ID));
    expect([err.kind, err.retryAfterSeconds]).toEqual(['rate_limited', 7]);
    expect(fromAtlasError(err).extra.headers).toEqual({ 'Retry-After': '7' });
    const asked = fake.received.length;
    now += 3000;
    expect((await failure(client.listIntegrations(PROJECT_B))).retryAfterSeconds).toBe(4);
    expect(fake.received).toHaveLength(asked);
    // Another operation is another bucket.
    await client.getProject(ID);
    now += 4000;
    await client.listIntegrations(ID);
  });

  it('backs off 10, 20, 40 s when Atlas sends no Retry-After', async () => {
    let now = 0;
    const { fake, client } = setup({ now: () => now });
    const waits: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      fake.failNext({ status: 429 });
      const err = await failure(client.getProject(ID));
      waits.push(err.retryAfterSeconds);
      now += (err.retryAfterSeconds ?? 0) * 1000;
    }
    expect(waits).toEqual([10, 20, 40, 40]);
    // A success ends the streak.
    await client.getProject(ID);
    fake.failNext({ status: 429 });
    expect((await failure(client.getProject(ID))).retryAfterSeconds).toBe(10);
  });

  it('reads Retry-After as seconds or an HTTP date, and waits at least the backoff on a repeat', () => {
    const now = Date.parse('2026-09-01T12:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5);
    expect(parseRetryAfter(' 12 ', now)).toBe(12);
    expect(parseRetryAfter('Tue, 01 Sep 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Tue, 01 Sep 2026 11:00:00 GMT', now)).toBe(0);
    for (const bad of [null, '', 'soon', '1.5', '-3']) expect(parseRetryAfter(bad, now)).toBeNull();
    expect(parseRetryAfter('999999', now)).toBe(3600);
    expect([cooldownSeconds(5, 1), cooldownSeconds(5, 2), cooldownSeconds(30, 2), cooldownSeconds(5, 3), cooldownSeconds(0, 1)]).toEqual([5, 10, 30, 20, 1]);
    expect([1, 2, 3, 4, 9].map((s) => cooldownSeconds(null, s))).toEqual([10, 20, 40, 40, 40]);
  });
});
