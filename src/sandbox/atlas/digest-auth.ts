import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { safeEqual } from '../lib/auth';
import { AtlasError, atlasResponse, atlasVersionOf } from './atlas-http';
import { NonceStore, type NonceStoreOptions } from './digest-nonces';

/**
 * HTTP Digest authentication as the Atlas Admin API does it (RFC 7616 with
 * RFC 2617's MD5): realm "MMS Public API", qop="auth", the API public key as
 * the username and the private key as the password.
 */
export const ATLAS_REALM = 'MMS Public API';

const MAX_HEADER_LENGTH = 4096;

export function md5Hex(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

/** `Digest realm="…", domain="", nonce="…", algorithm=MD5, qop="auth", stale=false`. */
export function digestChallenge(realm: string, nonce: string, stale: boolean): string {
  return `Digest realm="${realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=${stale}`;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const SPACE = /[ \t]*/y;

function match(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

/**
 * Parses auth-params (`name=token` or `name="quoted \" string"`, comma
 * separated, names case-insensitive). Null when malformed or a name repeats.
 */
export function parseAuthParams(s: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  const skip = () => {
    i += match(SPACE, s, i)!.length;
  };
  while (true) {
    skip();
    while (s[i] === ',') {
      i++;
      skip();
    }
    if (i >= s.length) return out;
    const name = match(TOKEN, s, i);
    if (!name) return null;
    i += name.length;
    skip();
    if (s[i] !== '=') return null;
    i++;
    skip();
    let value = '';
    if (s[i] === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\') i++;
        if (i >= s.length) return null;
        value += s[i];
        i++;
      }
      if (s[i] !== '"') return null;
      i++;
    } else {
      const token = match(TOKEN, s, i);
      if (!token) return null;
      value = token;
      i += token.length;
    }
    const key = name.toLowerCase();
    if (out.has(key)) return null;
    out.set(key, value);
    skip();
    if (i < s.length && s[i] !== ',') return null;
  }
}

export interface DigestCredentials {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  qop: 'auth';
  /** The 8 hex digits as sent. */
  nc: string;
  cnonce: string;
}

export type ParsedAuthorization = { kind: 'ok'; creds: DigestCredentials } | { kind: 'missing' } | { kind: 'malformed'; why: string };

/** Reads an `Authorization: Digest …` header. Any other scheme counts as no credentials. */
export function parseDigestAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || !/^digest(\s|$)/i.test(header.trim())) return { kind: 'missing' };
  if (header.length > MAX_HEADER_LENGTH) return { kind: 'malformed', why: 'the header is too long' };
  const p = parseAuthParams(header.trim().slice('digest'.length));
  if (!p) return { kind: 'malformed', why: 'the parameters cannot be parsed' };
  for (const name of ['username', 'realm', 'nonce', 'uri', 'response', 'qop', 'nc', 'cnonce']) {
    if (!p.get(name)) return { kind: 'malformed', why: `${name} is missing` };
  }
  const algorithm = p.get('algorithm');
  if (algorithm !== undefined && algorithm.toUpperCase() !== 'MD5') return { kind: 'malformed', why: 'algorithm must be MD5' };
  if (p.get('qop') !== 'auth') return { kind: 'malformed', why: 'qop must be auth' };
  if (!/^[0-9a-f]{8}$/i.test(p.get('nc')!)) return { kind: 'malformed', why: 'nc must be 8 hex digits' };
  if (!/^[0-9a-f]{32}$/i.test(p.get('response')!)) return { kind: 'malformed', why: 'response must be 32 hex digits' };
  return {
    kind: 'ok',
    creds: {
      username: p.get('username')!,
      realm: p.get('realm')!,
      nonce: p.get('nonce')!,
      uri: p.get('uri')!,
      response: p.get('response')!.toLowerCase(),
      qop: 'auth',
      nc: p.get('nc')!,
      cnonce: p.get('cnonce')!,
    },
  };
}

/** The expected `response`: MD5(HA1:nonce:nc:cnonce:qop:HA2), HA1 = MD5(user:realm:password), HA2 = MD5(method:uri). */
export function digestResponse(a: {
  username: string;
  realm: string;
  password: string;
  method: string;
  uri: string;
  nonce: string;
  nc: string;
  cnonce: string;
  qop: string;
}): string {
  const ha1 = md5Hex(`${a.username}:${a.realm}:${a.password}`);
  const ha2 = md5Hex(`${a.method}:${a.uri}`);
  return md5Hex(`${ha1}:${a.nonce}:${a.nc}:${a.cnonce}:${a.qop}:${ha2}`);
}

export type DigestFailure = 'missing' | 'malformed' | 'uri' | 'credentials' | 'stale' | 'replay';

export type DigestVerdict = { ok: true; username: string } | { ok: false; failure: DigestFailure; stale: boolean; detail: string };

export interface DigestRequest {
  method: string;
  /** The request-target forms the digest `uri` may take (path and query, or the absolute URL). */
  uris: readonly string[];
  authorization: string | undefined;
}

export interface DigestSecrets {
  username: string;
  password: string;
  realm: string;
}

const fail = (failure: DigestFailure, detail: string, stale = false): DigestVerdict => ({ ok: false, failure, stale, detail });

/**
 * Checks one request. The username and the response hash are compared in
 * constant time; `stale` is true only when the digest is right but its nonce
 * is expired or unknown (RFC 7616 §3.3), so the client just retries.
 */
export function verifyDigest(req: DigestRequest, secrets: DigestSecrets, nonces: NonceStore): DigestVerdict {
  const parsed = parseDigestAuthorization(req.authorization);
  if (parsed.kind === 'missing') return fail('missing', 'You are not authorized for this resource: send HTTP Digest credentials.');
  if (parsed.kind === 'malformed') return fail('malformed', `The Digest authorization header is malformed: ${parsed.why}.`);
  const c = parsed.creds;
  if (!req.uris.includes(c.uri)) return fail('uri', 'The digest uri does not match the request URI.');
  const expected = digestResponse({ ...c, username: secrets.username, realm: secrets.realm, password: secrets.password, method: req.method });
  const userOk = safeEqual(c.username, secrets.username);
  const hashOk = safeEqual(c.response, expected);
  const realmOk = c.realm === secrets.realm;
  if (!(userOk && hashOk && realmOk)) return fail('credentials', 'You are not authorized for this resource.');
  if (nonces.state(c.nonce) !== 'fresh') return fail('stale', 'The nonce is stale or unknown: answer the new challenge.', true);
  if (!nonces.use(c.nonce, parseInt(c.nc, 16))) return fail('replay', 'This nonce count (nc) was already used with this nonce.');
  return { ok: true, username: c.username };
}

const ERROR_CODES: Record<DigestFailure, string> = {
  missing: 'UNAUTHORIZED',
  malformed: 'MALFORMED_DIGEST_HEADER',
  uri: 'UNAUTHORIZED',
  credentials: 'UNAUTHORIZED',
  stale: 'STALE_NONCE',
  replay: 'NONCE_COUNT_REUSED',
};

export interface DigestAuthOptions extends Omit<NonceStoreOptions, 'now'> {
  username: string;
  password: string;
  realm?: string;
  /** Epoch milliseconds. */
  now: () => number;
}

/** The request-target as a client signs it: path and query, or the absolute URL. */
function requestUris(c: Context): string[] {
  const url = new URL(c.req.url);
  return [url.pathname + url.search, c.req.url];
}

/**
 * Hono middleware: lets through a request with valid Digest credentials, else
 * answers 401 with a new challenge and an Atlas error body. A 401 is never
 * wrapped by `envelope=true`: digest clients need the status and the header.
 */
export function digestAuth(o: DigestAuthOptions): MiddlewareHandler & { nonces: NonceStore } {
  const realm = o.realm ?? ATLAS_REALM;
  const nonces = new NonceStore(o);
  const secrets = { username: o.username, password: o.password, realm };
  const mw: MiddlewareHandler = async (c, next) => {
    const verdict = verifyDigest({ method: c.req.method, uris: requestUris(c), authorization: c.req.header('authorization') }, secrets, nonces);
    if (verdict.ok) return next();
    const err = new AtlasError(401, ERROR_CODES[verdict.failure], verdict.detail);
    return atlasResponse(atlasVersionOf(c.req.path), 401, err.body(), {
      headers: { 'WWW-Authenticate': digestChallenge(realm, nonces.issue(), verdict.stale) },
    });
  };
  return Object.assign(mw, { nonces });
}
