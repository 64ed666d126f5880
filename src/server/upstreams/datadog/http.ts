import type { z } from 'zod';
import type { Redactor } from '../../lib/redact';
import { noteUpstreamStatus } from '../../lib/upstream-trace';
import { UpstreamError, type UpstreamErrorInit, type UpstreamErrorKind } from '../upstream-error';
import { RawErrorBodySchema } from './schemas';

/**
 * One Datadog HTTP call, with the BFF's fault rules:
 * - exactly the headers we choose (keys, Accept, Content-Type with a body);
 * - one deadline per call, retries included; the fetch is aborted when it passes (SECURITY 30);
 * - GETs retried at most twice on 5xx or a network error, with jittered backoff; mutations never (28);
 * - after a 429, the same operation answers 429 locally until the reset passes (27);
 * - every failure is an UpstreamError; only 4xx messages are kept, redacted, and no 5xx body is read into one;
 *   a body that breaks off mid-way, is not JSON or has the wrong shape is `bad_response` (502), never a crash.
 */
export type FetchLike = (request: Request) => Promise<Response>;

export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  appKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  redact: Redactor;
  retries: number;
  retryBaseMs: number;
  now: () => number;
}

export interface Call<S extends z.ZodType | null> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template, for errors, logs and the rate-limit bucket: "/api/v1/monitor/{id}". */
  template: string;
  /** The real path, segments already encoded. */
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  schema: S;
}

export type CallResult<S> = S extends z.ZodType ? z.output<S> : void;

const MAX_ERROR_MESSAGES = 10;
const MAX_MESSAGE_LENGTH = 500;
const MIN_ATTEMPT_MS = 50;

/** Seconds from X-RateLimit-Reset (seconds until the reset); 1 when absent or unreadable. */
export function retryAfterFrom(header: string | null): number {
  if (header === null || !/^\s*[0-9]+(\.[0-9]+)?\s*$/.test(header)) return 1;
  const seconds = Math.ceil(Number(header));
  return seconds >= 1 ? Math.min(seconds, 86_400) : 1;
}

export function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 400 && status < 500) return 'rejected';
  return 'server';
}

/** The upstream's messages from {"errors":["..."]} or JSON:API error objects (detail, else title). */
export function errorMessages(text: string, redact: Redactor): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = RawErrorBodySchema.safeParse(json);
  if (!parsed.success || !parsed.data.errors) return [];
  const out: string[] = [];
  for (const e of parsed.data.errors) {
    let message: unknown = e;
    if (typeof e === 'object' && e !== null) {
      const o = e as { detail?: unknown; title?: unknown };
      message = typeof o.detail === 'string' && o.detail.trim() ? o.detail : o.title;
    }
    if (typeof message === 'string' && message.trim()) out.push(redact(message.trim()).slice(0, MAX_MESSAGE_LENGTH));
    if (out.length >= MAX_ERROR_MESSAGES) break;
  }
  return out;
}

/** Exponential backoff with jitter: base x 2^tries x [0.5, 1.5). */
export function backoffMs(baseMs: number, tries: number, random: number): number {
  return baseMs * 2 ** tries * (0.5 + random);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One call through the BFF's fault rules (what createHttp returns). */
export type Send = <S extends z.ZodType | null>(call: Call<S>) => Promise<CallResult<S>>;

export function createHttp(options: HttpOptions): Send {
  const base = options.baseUrl.replace(/\/+$/, '');
  const cooldowns = new Map<string, number>();

  function fail(call: Call<z.ZodType | null>, init: Omit<UpstreamErrorInit, 'upstream' | 'operation'>) {
    return new UpstreamError({ upstream: 'datadog', operation: `${call.method} ${call.template}`, ...init });
  }

  function request(call: Call<z.ZodType | null>, signal: AbortSignal): Request {
    const url = new URL(base + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, String(v));
    const headers = new Headers({ Accept: 'application/json' });
    if (options.apiKey) headers.set('DD-API-KEY', options.apiKey);
    if (options.appKey) headers.set('DD-APPLICATION-KEY', options.appKey);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    return new Request(url, { method: call.method, headers, body, signal, redirect: 'manual' });
  }

  /** One attempt, bounded by `ms` even if the fetch ignores its signal. */
  async function attempt<S extends z.ZodType | null>(call: Call<S>, ms: number): Promise<CallResult<S>> {
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

  async function exchange<S extends z.ZodType | null>(call: Call<S>, signal: AbortSignal): Promise<CallResult<S>> {
    let response: Response;
    try {
      response = await options.fetch(request(call, signal));
    } catch {
      throw fail(call, { kind: signal.aborted ? 'timeout' : 'network' });
    }
    noteUpstreamStatus(response.status);
    if (!response.ok) {
      const kind = kindForStatus(response.status);
      const is4xx = kind === 'rejected' || kind === 'not_found';
      let text = '';
      if (is4xx) text = await response.text().catch(() => '');
      else await response.body?.cancel().catch(() => {}); // a 5xx body is never read
      const retryAfterSeconds = kind === 'rate_limited' ? retryAfterFrom(response.headers.get('X-RateLimit-Reset')) : undefined;
      if (retryAfterSeconds !== undefined) cooldowns.set(call.template + call.method, options.now() + retryAfterSeconds * 1000);
      throw fail(call, {
        kind,
        status: response.status,
        retryAfterSeconds,
        messages: is4xx ? errorMessages(text, options.redact) : [],
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw fail(call, { kind: signal.aborted ? 'timeout' : 'bad_response', status: response.status });
    }
    if (call.schema === null) return undefined as CallResult<S>;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw fail(call, { kind: 'bad_response', status: response.status });
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw fail(call, { kind: 'bad_response', status: response.status });
    return parsed.data as CallResult<S>;
  }

  return async function send<S extends z.ZodType | null>(call: Call<S>): Promise<CallResult<S>> {
    const until = cooldowns.get(call.template + call.method);
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
