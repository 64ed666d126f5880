import { createHash, randomBytes } from 'node:crypto';

/**
 * HTTP Digest authentication (RFC 7616) as Atlas uses it: the public key is
 * the user name, the private key the password, MD5 with qop=auth. SHA-256 and
 * the -sess variants are understood too, and a server that offers several
 * challenges gets the strongest one we support.
 *
 * `DigestSession` remembers the last nonce, so later calls send Authorization
 * straight away with the next nonce count (nc) instead of paying a 401 first.
 */

export interface Challenge {
  /** As sent, e.g. "Digest". */
  scheme: string;
  /** Parameter names in lower case; values unquoted and unescaped. */
  params: Record<string, string>;
}

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  algorithm: DigestAlgorithm;
  /** 'auth', or null for an old (RFC 2069) server that offers no qop. */
  qop: 'auth' | null;
  stale: boolean;
  userhash: boolean;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const SPACE = /[ \t]/;

/**
 * Every challenge in a WWW-Authenticate value. Several headers arrive joined
 * with ", ", so a comma may end a parameter or a whole challenge; quoted values
 * may hold commas, equals signs and backslash escapes. Never throws: what it
 * cannot read it skips.
 */
export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  let current: Challenge | null = null;
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && SPACE.test(header[i] as string)) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < n && TOKEN_CHAR.test(header[i] as string)) i++;
    return header.slice(start, i);
  };
  const readQuoted = () => {
    i++; // opening quote
    let value = '';
    while (i < n && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < n) i++;
      value += header[i];
      i++;
    }
    i++; // closing quote (or past the end of an unterminated value)
    return value;
  };

  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const token = readToken();
    if (token === '') {
      i++; // a character no grammar allows here: step over it
      continue;
    }
    skipSpace();
    if (header[i] === '=' && current !== null) {
      i++;
      skipSpace();
      let value: string;
      if (header[i] === '"') {
        value = readQuoted();
      } else {
        const start = i;
        while (i < n && header[i] !== ',' && !SPACE.test(header[i] as string)) i++;
        value = header.slice(start, i);
      }
      const name = token.toLowerCase();
      if (!Object.hasOwn(current.params, name)) current.params[name] = value;
    } else if (header[i] === '=') {
      // token68 or a parameter before any scheme: not a Digest parameter either way.
      while (i < n && header[i] !== ',') i++;
    } else {
      current = { scheme: token, params: Object.create(null) as Record<string, string> };
      out.push(current);
    }
  }
  return out;
}

const ALGORITHMS: Record<string, DigestAlgorithm> = {
  md5: 'MD5',
  'md5-sess': 'MD5-sess',
  'sha-256': 'SHA-256',
  'sha-256-sess': 'SHA-256-sess',
};
const STRENGTH: Record<DigestAlgorithm, number> = { 'SHA-256': 4, 'SHA-256-sess': 3, MD5: 2, 'MD5-sess': 1 };

function asDigest(c: Challenge): DigestChallenge | null {
  if (c.scheme.toLowerCase() !== 'digest') return null;
  const { realm, nonce } = c.params;
  if (realm === undefined || !nonce) return null;
  const algorithm = ALGORITHMS[(c.params.algorithm ?? 'MD5').toLowerCase()];
  if (!algorithm) return null;
  let qop: 'auth' | null = null;
  if (c.params.qop !== undefined) {
    const offered = c.params.qop.split(',').map((q) => q.trim().toLowerCase());
    if (!offered.includes('auth')) return null; // auth-int only: we do not hash bodies
    qop = 'auth';
  }
  return {
    realm,
    nonce,
    opaque: c.params.opaque ?? null,
    algorithm,
    qop,
    stale: (c.params.stale ?? '').toLowerCase() === 'true',
    userhash: (c.params.userhash ?? '').toLowerCase() === 'true',
  };
}

/** The strongest Digest challenge we can answer, or null. */
export function pickDigestChallenge(header: string | null): DigestChallenge | null {
  let best: DigestChallenge | null = null;
  for (const c of parseChallenges(header)) {
    const d = asDigest(c);
    if (d && (best === null || STRENGTH[d.algorithm] > STRENGTH[best.algorithm])) best = d;
  }
  return best;
}

function hasher(algorithm: DigestAlgorithm): (text: string) => string {
  const name = algorithm.startsWith('SHA-256') ? 'sha256' : 'md5';
  return (text) => createHash(name).update(text, 'utf8').digest('hex');
}

export interface DigestInput {
  username: string;
  password: string;
  method: string;
  /** The request-target: path and query, exactly as sent. */
  uri: string;
  challenge: DigestChallenge;
  /** Nonce count for this nonce, from 1. */
  nc: number;
  cnonce: string;
}

/** The `response` value: H(H(A1):nonce:nc:cnonce:qop:H(A2)), or H(H(A1):nonce:H(A2)) without qop. */
export function digestResponse(input: DigestInput): string {
  const { challenge: c } = input;
  const h = hasher(c.algorithm);
  let ha1 = h(`${input.username}:${c.realm}:${input.password}`);
  if (c.algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${c.nonce}:${input.cnonce}`);
  const ha2 = h(`${input.method}:${input.uri}`);
  return c.qop === null ? h(`${ha1}:${c.nonce}:${ha2}`) : h(`${ha1}:${c.nonce}:${formatNc(input.nc)}:${input.cnonce}:${c.qop}:${ha2}`);
}

export const formatNc = (nc: number): string => nc.toString(16).padStart(8, '0');

const quote = (value: string) => `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The Authorization header value for one request. */
export function authorizationHeader(input: DigestInput): string {
  const { challenge: c } = input;
  const parts: string[] = [];
  if (c.userhash) {
    parts.push(`username=${quote(hasher(c.algorithm)(`${input.username}:${c.realm}`))}`, 'userhash=true');
  } else if (PRINTABLE_ASCII.test(input.username)) {
    parts.push(`username=${quote(input.username)}`);
  } else {
    // RFC 7616 3.4.4: a name outside quoted-string's range goes in username*, RFC 5987-encoded.
    parts.push(`username*=UTF-8''${encodeURIComponent(input.username)}`);
  }
  parts.push(`realm=${quote(c.realm)}`, `nonce=${quote(c.nonce)}`, `uri=${quote(input.uri)}`, `algorithm=${c.algorithm}`);
  if (c.qop !== null) parts.push(`qop=${c.qop}`, `nc=${formatNc(input.nc)}`, `cnonce=${quote(input.cnonce)}`);
  parts.push(`response=${quote(digestResponse(input))}`);
  if (c.opaque !== null) parts.push(`opaque=${quote(c.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

export const randomCnonce = (): string => randomBytes(16).toString('hex');

/**
 * One client's digest state: the last challenge and how many requests have
 * used its nonce. Concurrent calls share it; each takes the next nc.
 */
export class DigestSession {
  private challenge: DigestChallenge | null = null;
  private nc = 0;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly cnonce: () => string = randomCnonce,
  ) {}

  /** Starts over with a challenge from a 401. */
  accept(challenge: DigestChallenge): void {
    this.challenge = challenge;
    this.nc = 0;
  }

  /** Drops the nonce (after the server refused our key), so the next call asks afresh. */
  forget(): void {
    this.challenge = null;
    this.nc = 0;
  }

  /** Authorization for one request with the cached nonce, or null before the first challenge. */
  authorize(method: string, uri: string): { header: string; nonce: string } | null {
    const challenge = this.challenge;
    if (challenge === null) return null;
    this.nc += 1;
    const header = authorizationHeader({
      username: this.username,
      password: this.password,
      method,
      uri,
      challenge,
      nc: this.nc,
      cnonce: this.cnonce(),
    });
    return { header, nonce: challenge.nonce };
  }
}
