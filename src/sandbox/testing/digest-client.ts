import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SandboxOptions } from '../create-sandbox';
import { createTempSandbox, type CallResult, type Json, type TempSandbox } from './temp-sandbox';

/**
 * An HTTP Digest client for tests, written apart from the server's code (its
 * own parser and hashing), so the two check each other.
 */

export const TEST_ATLAS_PUBLIC_KEY = 'test-atlas-public';
export const TEST_ATLAS_PRIVATE_KEY = 'test-atlas-private-9f3a1c77';
export const V2_ACCEPT = 'application/vnd.atlas.2023-01-01+json';

type FetchFn = (req: Request) => Promise<Response>;

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
  stale: boolean;
}

/** Reads a `WWW-Authenticate: Digest …` header. */
export function parseChallenge(header: string | null): Challenge {
  if (!header) throw new Error('no WWW-Authenticate header');
  const [scheme = '', ...rest] = header.split(' ');
  const params: Record<string, string> = {};
  for (const m of rest.join(' ').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g)) params[m[1]!] = m[2] ?? m[3] ?? '';
  return { scheme, params, stale: params.stale === 'true' };
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export interface DigestHeaderInput {
  username: string;
  password: string;
  method: string;
  uri: string;
  realm: string;
  nonce: string;
  nc: number;
  cnonce?: string;
  /** Replaces the computed response (to send a tampered hash). */
  response?: string;
  /** Extra or replacement parameters, written as given (e.g. `algorithm=SHA-256`). */
  extra?: string;
}

/** `Digest username="…", realm="…", nonce="…", uri="…", algorithm=MD5, qop=auth, nc=…, cnonce="…", response="…"`. */
export function digestHeader(i: DigestHeaderInput): string {
  const nc = i.nc.toString(16).padStart(8, '0');
  const cnonce = i.cnonce ?? randomBytes(8).toString('hex');
  const ha1 = md5(`${i.username}:${i.realm}:${i.password}`);
  const ha2 = md5(`${i.method}:${i.uri}`);
  const response = i.response ?? md5(`${ha1}:${i.nonce}:${nc}:${cnonce}:auth:${ha2}`);
  const params = [
    `username="${i.username}"`,
    `realm="${i.realm}"`,
    `nonce="${i.nonce}"`,
    `uri="${i.uri}"`,
    i.extra ?? 'algorithm=MD5',
    'qop=auth',
    `nc=${nc}`,
    `cnonce="${cnonce}"`,
    `response="${response}"`,
  ];
  return `Digest ${params.join(', ')}`;
}

async function toResult(res: Response): Promise<CallResult> {
  const text = await res.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body: body as Json, text };
}

/** One request as given (no handshake). */
export async function rawCall(fetchFn: FetchFn, method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: unknown): Promise<CallResult> {
  const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return toResult(await fetchFn(new Request(`http://sandbox${pathAndQuery}`, init)));
}

/**
 * Talks to the local Atlas like a digest client does: the first request gets
 * a 401 challenge, later ones reuse its nonce with a growing nc, and a
 * stale=true challenge is answered once with the new nonce.
 */
export class AtlasTestClient {
  /** How many challenges the client has answered. */
  handshakes = 0;
  private challenge: Challenge | null = null;
  private nc = 0;

  constructor(
    private readonly fetchFn: FetchFn,
    private readonly username = TEST_ATLAS_PUBLIC_KEY,
    private readonly password = TEST_ATLAS_PRIVATE_KEY,
    private readonly accept = V2_ACCEPT,
  ) {}

  /** The nonce in use (after the first call). */
  get nonce(): string | undefined {
    return this.challenge?.params.nonce;
  }

  private authorize(method: string, uri: string): string {
    const c = this.challenge!;
    this.nc += 1;
    return digestHeader({ username: this.username, password: this.password, method, uri, realm: c.params.realm!, nonce: c.params.nonce!, nc: this.nc });
  }

  private adopt(res: CallResult): void {
    this.challenge = parseChallenge(res.headers.get('www-authenticate'));
    this.nc = 0;
    this.handshakes += 1;
  }

  async call(method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}): Promise<CallResult> {
    const send = (auth?: string) =>
      rawCall(this.fetchFn, method, pathAndQuery, { accept: this.accept, ...(auth ? { authorization: auth } : {}), ...headers }, body);
    if (!this.challenge) {
      const first = await send();
      if (first.status !== 401) return first;
      this.adopt(first);
    }
    let res = await send(this.authorize(method, pathAndQuery));
    if (res.status === 401 && parseChallenge(res.headers.get('www-authenticate')).stale) {
      this.adopt(res);
      res = await send(this.authorize(method, pathAndQuery));
    }
    return res;
  }
}

export interface AtlasSandbox {
  t: TempSandbox;
  atlas: AtlasTestClient;
  /** The stored row of one integration, read straight from the SQLite file. */
  storedValues(projectId: string, type: string): Record<string, unknown> | undefined;
  /** The raw field_values column of one integration. */
  storedJson(projectId: string, type: string): string | undefined;
}

/** A temp sandbox with the test Atlas keys, and a digest client for it. */
export function createAtlasSandbox(over: Partial<SandboxOptions> = {}): AtlasSandbox {
  const t = createTempSandbox({ atlasPublicKey: TEST_ATLAS_PUBLIC_KEY, atlasPrivateKey: TEST_ATLAS_PRIVATE_KEY, ...over });
  const storedJson = (projectId: string, type: string) => {
    const db = new Database(path.join(t.dataDir, 'sandbox.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT field_values FROM atlas_integrations WHERE project_id = ? AND type = ?').get(projectId, type) as
        | { field_values: string }
        | undefined;
      return row?.field_values;
    } finally {
      db.close();
    }
  };
  return {
    t,
    atlas: new AtlasTestClient(t.sandbox.fetch),
    storedJson,
    storedValues: (projectId, type) => {
      const json = storedJson(projectId, type);
      return json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
    },
  };
}
