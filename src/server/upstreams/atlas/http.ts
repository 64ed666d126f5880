import type { z } from 'zod';
import type { Redactor } from '../../lib/redact';
import { noteUpstreamStatus } from '../../lib/upstream-trace';
import { backoffMs, kindForStatus, type FetchLike } from '../datadog/http';
import { UpstreamError, type UpstreamErrorInit } from '../upstream-error';
import { DigestSession, pickDigestChallenge } from './digest';
import { RawAtlasErrorSchema } from './schemas';

/**
 * One Atlas HTTP call, with the same fault rules as the Datadog client plus
 * Digest auth:
 * - exactly the headers we choose: Authorization (digest), the versioned Accept, Content-Type with a body;
 * - the last nonce is reused (nc + 1) so a call normally costs one request; a 401 with a fresh
 *   challenge (stale=true or a new nonce) is answered once; a second 401, or a 401 repeating the
 *   nonce we used, means Atlas refused our key (`auth`, never a user log-out). 403 is `auth` too;
 * - one deadline per call, handshake and retries included; the fetch is aborted when it passes;
 * - GETs retried at most `retries` times on 5xx/network errors, with jittered backoff; mutations never;
 * - 429: Retry-After (seconds or an HTTP date) when Atlas sends it, else 10, 20, 40 s for 429s in a
 *   row (SECURITY 5); the same operation then answers 429 locally until that passes;
 * - every failure is an UpstreamError named "Atlas"; only 4xx `detail`s are kept, redacted.
 */
export const ATLAS_UPSTREAM = 'Atlas';
export const ATLAS_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

export interface AtlasHttpOptions {
  baseUrl: string;
  publicKey: string;
  privateKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  redact: Redactor;
  retries: number;
  retryBaseMs: number;
  now: () => number;
  cnonce?: () => string;
}

export interface AtlasCall<S extends z.ZodType | null> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template, for errors, logs and the rate-limit bucket: "/api/atlas/v2/groups/{groupId}". */
  template: string;
  /** The real path, segments already encoded. */
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  schema: S;
}

export type AtlasCallResult<S> = S extends z.ZodType ? z.output<S> : void;
export type AtlasSend = <S extends z.ZodType | null>(call: AtlasCall<S>) => Promise<AtlasCallResult<S>>;

const MAX_MESSAGE_LENGTH = 500;
const MIN_ATTEMPT_MS = 50;
/** Atlas's documented backoff when it sends no Retry-After (or after waiting it out): 10, 20, 40 s. */
export const ATLAS_BACKOFF_SECONDS = [10, 20, 40] as const;
const MAX_RETRY_AFTER = 3600;

/** Retry-After as whole seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^[0-9]+$/.test(text)) return Math.min(Number(text), MAX_RETRY_AFTER);
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
  return Math.min(Math.max(0, Math.ceil((at - now) / 1000)), MAX_RETRY_AFTER);
}

/**
 * How long to hold off after the `streak`-th 429 in a row (1-based): at least
 * Retry-After, and for a repeat, at least the next step of 10/20/40 s; with no
 * Retry-After, the step alone. Never under 1 s.
 */
export function cooldownSeconds(retryAfter: number | null, streak: number): number {
  const step = ATLAS_BACKOFF_SECONDS[Math.min(streak - 1, ATLAS_BACKOFF_SECONDS.length - 1)] as number;
  if (retryAfter === null) return step;
  const repeat = streak > 1 ? (ATLAS_BACKOFF_SECONDS[Math.min(streak - 2, ATLAS_BACKOFF_SECONDS.length - 1)] as number) : 0;
  return Math.max(1, retryAfter, repeat);
}

/** Atlas's `detail` (else `reason`) from an error body, redacted and clipped. */
export function atlasErrorMessages(text: string, redact: Redactor): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = RawAtlasErrorSchema.safeParse(json);
  if (!parsed.success) return [];
  const message = parsed.data.detail?.trim() || parsed.data.reason?.trim();
  return message ? [redact(message).slice(0, MAX_MESSAGE_LENGTH)] : [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createAtlasHttp(options: AtlasHttpOptions): AtlasSend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const digest = new DigestSession(options.publicKey, options.privateKey, options.cnonce);
  const cooldowns = new Map<string, number>();
  const streaks = new Map<string, number>();

  const bucket = (call: AtlasCall<z.ZodType | null>) => `${call.method} ${call.template}`;

  function fail(call: AtlasCall<z.ZodType | null>, init: Omit<UpstreamErrorInit, 'upstream' | 'operation'>) {
    return new UpstreamError({ upstream: ATLAS_UPSTREAM, operation: bucket(call), ...init });
  }

  function url(call: AtlasCall<z.ZodType | null>): URL {
    const u = new URL(base + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) u.searchParams.set(k, String(v));
    return u;
  }

  function request(call: AtlasCall<z.ZodType | null>, target: URL, authorization: string | null, signal: AbortSignal): Request {
    const headers = new Headers({ Accept: ATLAS_MEDIA_TYPE });
    if (authorization !== null) headers.set('Authorization', authorization);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    return new Request(target, { method: call.method, headers, body, signal, redirect: 'manual' });
  }

  async function fetchOnce(call: AtlasCall<z.ZodType | null>, target: URL, authorization: string | null, signal: AbortSignal) {
    let response: Response;
    try {
      response = await options.fetch(request(call, target, authorization, signal));
    } catch {
      throw fail(call, { kind: signal.aborted ? 'timeout' : 'network' });
    }
    noteUpstreamStatus(response.status);
    return response;
  }

  /** The request with digest auth: the cached nonce first, one more try on a fresh challenge. */
  async function authenticated(call: AtlasCall<z.ZodType | null>, signal: AbortSignal): Promise<Response> {
    const target = url(call);
    const uri = target.pathname + target.search;
    const first = digest.authorize(call.method, uri);
    let response = await fetchOnce(call, target, first?.header ?? null, signal);
    if (response.status !== 401) return response;

    await response.body?.cancel().catch(() => {});
    const challenge = pickDigestChallenge(response.headers.get('WWW-Authenticate'));
    const fresh = challenge !== null && (first === null || challenge.stale || challenge.nonce !== first.nonce);
    if (!fresh) {
      digest.forget();
      throw fail(call, { kind: 'auth', status: 401 });
    }
    digest.accept(challenge);
    const second = digest.authorize(call.method, uri);
    response = await fetchOnce(call, target, second?.header ?? null, signal);
    if (response.status === 401) {
      await response.body?.cancel().catch(() => {});
      digest.forget();
      throw fail(call, { kind: 'auth', status: 401 });
    }
    return response;
  }

  async function exchange<S extends z.ZodType | null>(call: AtlasCall<S>, signal: AbortSignal): Promise<AtlasCallResult<S>> {
    const response = await authenticated(call, signal);
    const key = bucket(call);
    if (!response.ok) {
      const kind = kindForStatus(response.status);
      const is4xx = kind === 'rejected' || kind === 'not_found';
      let text = '';
      if (is4xx) text = await response.text().catch(() => '');
      else await response.body?.cancel().catch(() => {}); // a 5xx (or 401/403/429) body is never read
      let retryAfterSeconds: number | undefined;
      if (kind === 'rate_limited') {
        const streak = (streaks.get(key) ?? 0) + 1;
        streaks.set(key, streak);
        retryAfterSeconds = cooldownSeconds(parseRetryAfter(response.headers.get('Retry-After'), options.now()), streak);
        cooldowns.set(key, options.now() + retryAfterSeconds * 1000);
      } else {
        streaks.delete(key);
      }
      throw fail(call, {
        kind,
        status: response.status,
        retryAfterSeconds,
        messages: is4xx ? atlasErrorMessages(text, options.redact) : [],
      });
    }
    streaks.delete(key);
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw fail(call, { kind: signal.aborted ? 'timeout' : 'bad_response', status: response.status });
    }
    if (call.schema === null) return undefined as AtlasCallResult<S>;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw fail(call, { kind: 'bad_response', status: response.status });
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw fail(call, { kind: 'bad_response', status: response.status });
    return parsed.data as AtlasCallResult<S>;
  }

  /** One attempt, bounded by `ms` even if the fetch ignores its signal. */
  async function attempt<S extends z.ZodType | null>(call: AtlasCall<S>, ms: number): Promise<AtlasCallResult<S>> {
    const signal = AbortSignal.timeout(ms);
    let onAbort = () => {};
    const expired = new Promise<never>((_, reject) => {
      onAbort = () => reject(fail(call, { kind: 'timeout' }));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([exchange(call, signal), expired]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  return async function send<S extends z.ZodType | null>(call: AtlasCall<S>): Promise<AtlasCallResult<S>> {
    const until = cooldowns.get(bucket(call));
    const now = options.now();
    if (until !== undefined && until > now) {
      throw fail(call, { kind: 'rate_limited', status: 429, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) });
    }
    const deadline = Date.now() + options.timeoutMs;
    for (let tries = 0; ; tries++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw fail(call, { kind: 'timeout' });
      try {
        return await attempt(call, remaining);
      } catch (err) {
        const retryable = err instanceof UpstreamError && (err.kind === 'server' || err.kind === 'network');
        if (!retryable || call.method !== 'GET' || tries >= options.retries) throw err;
        const wait = backoffMs(options.retryBaseMs, tries, Math.random());
        if (Date.now() + wait + MIN_ATTEMPT_MS >= deadline) throw err;
        await sleep(wait);
      }
    }
  };
}
