import { createHash, randomBytes } from 'node:crypto';
import { ATLAS_FIELDS, isSecretKind, redactAtlasValue, type AtlasType } from '../../contract/atlas';
import { isMasked } from '../../contract/secrets';
import type { FetchLike } from '../upstreams/http-common';
import { abortable, readRequest, whenAborted } from './read-request';

/**
 * A test-only stand-in for the Atlas Admin API v2, with a real HTTP Digest
 * challenge and check of its own (RFC 7616, MD5, qop=auth), written apart
 * from the BFF's client so each checks the other. It records every request
 * it receives (401s included) and keeps projects and integrations in memory
 * the way Atlas does: one configuration per type per project, secrets
 * redacted on the way out, an omitted field kept as it was on PUT, a mask
 * refused.
 */
export const FAKE_ATLAS_REALM = 'MMS Public API';
const MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

export interface AtlasReceived {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** What the fake answered. */
  status: number;
  /** The digest parameters sent, when there was an Authorization header. */
  digest: Record<string, string> | null;
}

export interface AtlasFault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer; only an abort ends the request. */
  stall?: boolean;
  /** Throw instead of answering (connection refused). */
  network?: boolean;
}

interface NonceState {
  stale: boolean;
  seenNc: Set<number>;
}

interface Project {
  id: string;
  name: string;
  integrations: Map<string, Record<string, unknown>>;
}

export interface FakeAtlasOptions {
  publicKey: string;
  privateKey: string;
  /** Add an opaque value (with a comma and an equals sign in it) to challenges. */
  opaque?: string;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** The fake's own reading of an Authorization: Digest header (quoted values with escapes, bare tokens). */
export function parseDigestAuthorization(header: string): Record<string, string> | null {
  const m = /^Digest\s+/i.exec(header);
  if (!m) return null;
  const out: Record<string, string> = {};
  const re = /\s*([A-Za-z0-9*_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  re.lastIndex = m[0].length;
  let part: RegExpExecArray | null;
  while (re.lastIndex < header.length && (part = re.exec(header)) !== null) {
    const value = part[2] !== undefined ? part[2].replace(/\\(.)/g, '$1') : (part[3] ?? '');
    out[(part[1] as string).toLowerCase()] = value;
  }
  return out;
}

function userOf(params: Record<string, string>): string | null {
  if (params.username !== undefined) return params.username;
  const star = params['username*'];
  if (star === undefined) return null;
  const m = /^UTF-8''(.*)$/i.exec(star);
  return m ? decodeURIComponent(m[1] as string) : null;
}

function atlasError(status: number, errorCode: string, detail: string): AtlasFault {
  const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 406: 'Not Acceptable', 409: 'Conflict' };
  return { status, body: { detail, error: status, errorCode, parameters: [], reason: reasons[status] ?? 'Error' } };
}

export class FakeAtlas {
  readonly received: AtlasReceived[] = [];
  /** Requests whose signal was aborted while they were in flight. */
  readonly aborted: AtlasReceived[] = [];
  /** Answer secrets unmasked (an upstream that forgot to redact). */
  leakSecrets = false;
  /** Projects whose integrations this key may not read (403, as Atlas answers a key without access). */
  readonly forbidden = new Set<string>();
  private readonly nonces = new Map<string, NonceState>();
  private readonly projects = new Map<string, Project>();
  private readonly faults: AtlasFault[] = [];

  constructor(private readonly options: FakeAtlasOptions) {}

  addProject(id: string, name: string): this {
    this.projects.set(id, { id, name, integrations: new Map() });
    return this;
  }

  /** Stores a configuration as given (secrets in the clear, as Atlas keeps them). */
  setIntegration(projectId: string, type: AtlasType, values: Record<string, unknown>): this {
    this.project(projectId).integrations.set(type, { ...values });
    return this;
  }

  /** What is stored, secrets unmasked: what the tests compare byte for byte. */
  stored(projectId: string, type: string): Record<string, unknown> | undefined {
    return this.projects.get(projectId)?.integrations.get(type);
  }

  /** Every nonce handed out so far is now stale: its next use gets 401 stale=true and a new nonce. */
  expireNonces(): void {
    for (const state of this.nonces.values()) state.stale = true;
  }

  /** The next authenticated requests get these answers instead, in order. */
  failNext(...faults: AtlasFault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** Requests that passed the digest check. */
  authorized(method?: string): AtlasReceived[] {
    return this.received.filter((r) => r.status !== 401 && (method === undefined || r.method === method.toUpperCase()));
  }

  private project(id: string): Project {
    const p = this.projects.get(id);
    if (!p) throw new Error(`fake atlas: no project ${id}`);
    return p;
  }

  private challenge(stale: boolean): string {
    const nonce = randomBytes(12).toString('base64');
    this.nonces.set(nonce, { stale: false, seenNc: new Set() });
    const opaque = this.options.opaque === undefined ? '' : `, opaque="${this.options.opaque.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    return `Digest realm="${FAKE_ATLAS_REALM}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth"${opaque}, stale=${stale ? 'true' : 'false'}`;
  }

  /** null = the digest is good; else the 401 to answer. */
  private check(method: string, uri: string, params: Record<string, string> | null): { stale: boolean } | null {
    if (params === null) return { stale: false };
    const nonce = params.nonce ?? '';
    const state = this.nonces.get(nonce);
    if (!state) return { stale: false };
    const nc = /^[0-9a-f]{8}$/i.test(params.nc ?? '') ? parseInt(params.nc as string, 16) : NaN;
    const user = userOf(params);
    const good =
      user === this.options.publicKey &&
      params.realm === FAKE_ATLAS_REALM &&
      params.uri === uri &&
      params.qop === 'auth' &&
      (params.algorithm ?? 'MD5').toUpperCase() === 'MD5' &&
      !!params.cnonce &&
      Number.isInteger(nc) &&
      nc > 0 &&
      !state.seenNc.has(nc) &&
      (this.options.opaque === undefined || params.opaque === this.options.opaque);
    if (!good) return { stale: false };
    const ha1 = md5(`${user}:${FAKE_ATLAS_REALM}:${this.options.privateKey}`);
    const ha2 = md5(`${method}:${uri}`);
    const expected = md5(`${ha1}:${nonce}:${params.nc}:${params.cnonce}:auth:${ha2}`);
    if (params.response !== expected) return { stale: false };
    // The right key on an expired nonce: tell the client to retry with a new one.
    if (state.stale) return { stale: true };
    state.seenNc.add(nc);
    return null;
  }

  private render(type: string, values: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { id: md5(type).slice(0, 24), type };
    const specs = ATLAS_FIELDS[type as AtlasType] ?? [];
    for (const [name, value] of Object.entries(values)) {
      const spec = specs.find((s) => s.name === name);
      out[name] = spec && isSecretKind(spec.kind) && typeof value === 'string' && !this.leakSecrets ? redactAtlasValue(spec, value) : value;
    }
    if (type === 'PROMETHEUS') out.scheme = 'https';
    return out;
  }

  private page(p: Project): Record<string, unknown> {
    const results = [...p.integrations.entries()].map(([type, values]) => this.render(type, values));
    return { links: [], results, totalCount: results.length };
  }

  private route(method: string, path: string, query: URLSearchParams, body: unknown): AtlasFault {
    const parts = path.split('/').filter(Boolean);
    // api atlas v2 groups [id [integrations [type]]]
    if (parts.slice(0, 4).join('/') !== 'api/atlas/v2/groups') return atlasError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${path}.`);
    const [, , , , groupId, sub, type, ...rest] = parts;
    if (groupId === undefined) {
      if (method !== 'GET') return atlasError(404, 'RESOURCE_NOT_FOUND', 'No such method');
      const all = [...this.projects.values()].map((p) => ({ id: p.id, name: p.name, orgId: 'fake-org', clusterCount: 0, links: [] }));
      const per = Number(query.get('itemsPerPage') ?? '100');
      const pageNum = Number(query.get('pageNum') ?? '1');
      return { status: 200, body: { links: [], results: all.slice((pageNum - 1) * per, pageNum * per), totalCount: all.length } };
    }
    const p = this.projects.get(groupId);
    if (!p) return atlasError(404, 'GROUP_NOT_FOUND', `No group with ID ${groupId} exists.`);
    if (this.forbidden.has(groupId)) return atlasError(403, 'USER_CANNOT_ACCESS_GROUP', 'This API key may not access this project.');
    if (sub === undefined && method === 'GET') return { status: 200, body: { id: p.id, name: p.name, orgId: 'fake-org', links: [] } };
    if (sub !== 'integrations' || rest.length > 0) return atlasError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${path}.`);
    if (type === undefined) return method === 'GET' ? { status: 200, body: this.page(p) } : atlasError(404, 'RESOURCE_NOT_FOUND', 'No such method');
    const current = p.integrations.get(type);
    const missing = () => atlasError(404, 'INTEGRATION_NOT_FOUND', `No integration of type ${type} is configured for group ${groupId}.`);
    switch (method) {
      case 'GET':
        return current ? { status: 200, body: this.render(type, current) } : missing();
      case 'DELETE':
        if (!current) return missing();
        p.integrations.delete(type);
        return { status: 204 };
      case 'POST':
      case 'PUT': {
        const fields = { ...(body as Record<string, unknown>) };
        if (fields.type !== type) return atlasError(400, 'INVALID_ATTRIBUTE', `Invalid attribute type specified.`);
        delete fields.type;
        const clear = Array.isArray(fields.clear) ? (fields.clear as string[]) : [];
        delete fields.clear;
        const specs = ATLAS_FIELDS[type as AtlasType] ?? [];
        for (const [name, value] of Object.entries(fields)) {
          const spec = specs.find((s) => s.name === name);
          if (spec && isSecretKind(spec.kind) && typeof value === 'string' && isMasked(value)) {
            return atlasError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${name} specified: it is the mask read back.`);
          }
        }
        if (method === 'POST') {
          if (current) return atlasError(409, 'INTEGRATION_ALREADY_CONFIGURED', `Integration of type ${type} is already configured for this group.`);
          p.integrations.set(type, fields);
        } else {
          if (!current) return missing();
          const next = { ...current, ...fields };
          for (const name of clear) delete next[name];
          p.integrations.set(type, next);
        }
        return { status: 200, body: this.page(p) };
      }
      default:
        return atlasError(404, 'RESOURCE_NOT_FOUND', 'No such method');
    }
  }

  readonly fetch: FetchLike = async (request) => {
    // Listen before reading (the record is filled in once read): the caller's timeout can fire
    // while the request is still being read, and the abort must be on record when it gives up.
    const record = { status: 0 } as AtlasReceived;
    const stopListening = whenAborted(request.signal, () => this.aborted.push(record));
    try {
      const { url, method, path, query, headers, body } = await readRequest(request);
      const authorization = headers.authorization;
      const digest = authorization === undefined ? null : parseDigestAuthorization(authorization);
      Object.assign(record, { method, path, query, headers, body, digest });
      this.received.push(record);
      return await this.answer(request, url, headers, body, digest, record);
    } finally {
      stopListening();
    }
  };

  private async answer(
    request: Request,
    url: URL,
    headers: Record<string, string>,
    body: unknown,
    digest: Record<string, string> | null,
    record: AtlasReceived,
  ): Promise<Response> {

    const refused = this.check(request.method, url.pathname + url.search, digest);
    if (refused) {
      record.status = 401;
      return new Response(JSON.stringify(atlasError(401, 'UNAUTHORIZED', 'You are not authorized for this resource.').body), {
        status: 401,
        headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': this.challenge(refused.stale) },
      });
    }
    const fault = this.faults.shift();
    let answer: AtlasFault;
    if (fault) answer = fault;
    else if (headers.accept !== MEDIA_TYPE) answer = atlasError(406, 'INVALID_VERSION', 'Send Accept: application/vnd.atlas.2023-01-01+json');
    else answer = this.route(request.method, url.pathname, url.searchParams, body);
    record.status = answer.status;
    if (answer.network) throw new TypeError('fetch failed');
    if (answer.stall) await abortable(request.signal, null);
    if (answer.status === 204 || answer.body === undefined) return new Response(null, { status: answer.status, headers: answer.headers });
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': MEDIA_TYPE, ...answer.headers },
    });
  }
}
