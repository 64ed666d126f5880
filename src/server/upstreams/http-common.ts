import type { z } from 'zod';
import { noteUpstreamStatus } from '../lib/upstream-trace';
import { readJsonArrayItems } from './json-array-items';
import { UpstreamError, type UpstreamErrorInit, type UpstreamErrorKind } from './upstream-error';

/**
 * The fault rules every upstream call goes through (Datadog and Atlas alike);
 * each client adds only its own headers, authentication, error body and 429 policy:
 * - one deadline per call, retries (and an auth handshake) included; the fetch is aborted when it
 *   passes, and an attempt is bounded even if the fetch ignores its signal (SECURITY 30);
 * - GETs retried at most `retries` times on 5xx or a network error, with jittered backoff, never
 *   past the deadline; mutations never (28);
 * - after a 429, the same operation answers 429 locally until its cooldown passes (27);
 * - mutations are paced: when the upstream's rate-limit headers say no requests remain in the
 *   current window (counting the ones we have in flight), the next waits for the window to reset
 *   rather than earn a 429 (a 500-monitor bulk mute must not trip Datadog's limit);
 * - every failure is an UpstreamError; only 4xx bodies are read (for their messages, which the
 *   client redacts), a 5xx body never is; a body that breaks off mid-way, is not JSON or has the
 *   wrong shape is `bad_response` (502), never a crash.
 */
export type FetchLike = (request: Request) => Promise<Response>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * An answer that is a JSON array, read item by item as it arrives instead of as one text
 * (json-array-items.ts): each item is parsed, read by `read` (which throws on an item it cannot
 * take) and handed to `visit`, and the call answers how many there were. A large list then never
 * exists whole, as text or as objects. Any malformed item fails the call (bad_response), as it
 * would whole.
 */
export class JsonItems<T = unknown> {
  constructor(
    readonly read: (value: unknown) => T,
    readonly visit: (item: T) => void,
    /** One item's text to the value `read` takes; JSON.parse unless given (it must fail on text that is not JSON). */
    readonly parse: (text: string) => unknown = JSON.parse,
  ) {}
}

/** JsonItems of any item type (its `visit` takes the items its `read` makes, whatever they are). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller keeps its own item type
type AnyJsonItems = JsonItems<any>;

/** How a call's answer is read: a schema for the whole body, item by item (JsonItems), or not at all (null). */
export type CallSchema = z.ZodType | AnyJsonItems | null;

export interface UpstreamCall<S extends CallSchema, M extends HttpMethod = HttpMethod> {
  method: M;
  /** Path template, for errors, logs and the rate-limit bucket: "/api/v1/monitor/{id}". */
  template: string;
  /** The real path, segments already encoded. */
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  schema: S;
}

export type UpstreamCallResult<S> = S extends AnyJsonItems ? number : S extends z.ZodType ? z.output<S> : void;

/** One call through the fault rules (what createUpstreamSend returns). */
export type UpstreamSend<M extends HttpMethod = HttpMethod> = <S extends CallSchema>(
  call: UpstreamCall<S, M>,
) => Promise<UpstreamCallResult<S>>;

export const MAX_MESSAGE_LENGTH = 500;
/** A retry is not started with less time than this left before the deadline. */
const MIN_ATTEMPT_MS = 50;

export function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 400 && status < 500) return 'rejected';
  return 'server';
}

/** Exponential backoff with jitter: base x 2^tries x [0.5, 1.5). */
export function backoffMs(baseMs: number, tries: number, random: number): number {
  return baseMs * 2 ** tries * (0.5 + random);
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An upstream's own message, ready to pass on: trimmed, redacted, clipped. */
export const clipMessage = (message: string, redact: (text: string) => string): string =>
  redact(message.trim()).slice(0, MAX_MESSAGE_LENGTH);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an upstream's exchange hook gets for one attempt. */
export interface ExchangeContext {
  /** The full URL, query included. */
  target: URL;
  /** Sends one request with these headers (plus Content-Type and the JSON body when the call has one). */
  send(headers: Headers): Promise<Response>;
  /** An UpstreamError for this call. */
  fail(init: Omit<UpstreamErrorInit, 'upstream' | 'operation'>): UpstreamError;
}

/** Where a client sends, and its fault rules' numbers. */
export interface HttpClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  /** One deadline per call, retries included. */
  timeoutMs: number;
  /** GET retries on 5xx and network errors. */
  retries: number;
  retryBaseMs: number;
  /** Epoch ms, for the 429 cooldowns. */
  now: () => number;
}

export interface UpstreamSendOptions extends HttpClientOptions {
  /** The upstream's name in errors: "datadog", "Atlas". */
  upstream: string;
  /** Sends the call and returns the upstream's answer (an auth handshake may send more than one request). */
  exchange(call: UpstreamCall<CallSchema>, ctx: ExchangeContext): Promise<Response>;
  /** The upstream's messages from a 4xx body, redacted. */
  errorMessages(text: string): string[];
  /** How many seconds the operation answers 429 locally after the upstream's 429 `response`. */
  cooldownSeconds(bucket: string, response: Response): number;
  /** Every answer that is not a 429 (an Atlas streak of 429s ends). */
  answered?(bucket: string): void;
  /** The upstream's rate-limit window from an answer's headers, when it sends them. */
  rateLimit?(response: Response): RateLimitWindow | null;
  /** The longest a mutation waits for a rate-limit window to reset before it fails with 429 (default 30 s). */
  maxPaceMs?: number;
  /** Waits (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/** What X-RateLimit-Remaining and X-RateLimit-Reset say. */
export interface RateLimitWindow {
  remaining: number;
  resetSeconds: number;
}

const DEFAULT_MAX_PACE_MS = 30_000;

export function createUpstreamSend<M extends HttpMethod>(options: UpstreamSendOptions): UpstreamSend<M> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const cooldowns = new Map<string, number>();
  /** Per bucket: requests left in the upstream's current window (minus ours in flight) and when it resets. */
  const windows = new Map<string, { remaining: number; resetAt: number }>();
  const pause = options.sleep ?? sleep;
  const maxPaceMs = options.maxPaceMs ?? DEFAULT_MAX_PACE_MS;

  function noteWindow(key: string, response: Response): void {
    const seen = options.rateLimit?.(response);
    if (!seen) return;
    const resetAt = options.now() + seen.resetSeconds * 1000;
    const known = windows.get(key);
    // Within one window the header cannot count requests still in flight: keep the lower figure.
    // A reset a second or more later than the known one is a new window.
    const sameWindow = known !== undefined && resetAt - known.resetAt < 1000 && options.now() < known.resetAt;
    windows.set(key, { remaining: sameWindow ? Math.min(known.remaining, seen.remaining) : seen.remaining, resetAt });
  }

  /**
   * A mutation waits until the upstream's window has room, up to maxPaceMs, then takes one slot
   * of it (so four concurrent mutations cannot all spend the last slot). Fails with 429, as the
   * upstream would, when the wait would be longer.
   */
  async function pace(call: UpstreamCall<CallSchema>, key: string): Promise<void> {
    for (;;) {
      const now = options.now();
      const window = windows.get(key);
      if (!window || window.resetAt <= now) {
        windows.delete(key);
        return;
      }
      if (window.remaining > 0) {
        window.remaining--;
        return;
      }
      const waitMs = window.resetAt - now;
      if (waitMs > maxPaceMs) {
        throw fail(call, { kind: 'rate_limited', status: 429, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
      }
      await pause(waitMs);
      // The window has reset: the next answer's headers describe the new one.
      if (windows.get(key) === window && options.now() >= window.resetAt) windows.delete(key);
    }
  }

  /** The rate-limit bucket and the operation named in errors: "GET /api/v1/monitor/{id}". */
  const bucket = (call: UpstreamCall<CallSchema>) => `${call.method} ${call.template}`;

  function fail(call: UpstreamCall<CallSchema>, init: Omit<UpstreamErrorInit, 'upstream' | 'operation'>) {
    return new UpstreamError({ upstream: options.upstream, operation: bucket(call), ...init });
  }

  function context(call: UpstreamCall<CallSchema>, signal: AbortSignal): ExchangeContext {
    const target = new URL(base + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) target.searchParams.set(k, String(v));
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    return {
      target,
      fail: (init) => fail(call, init),
      async send(headers) {
        if (body !== undefined) headers.set('Content-Type', 'application/json');
        let response: Response;
        try {
          response = await options.fetch(new Request(target, { method: call.method, headers, body, signal, redirect: 'manual' }));
        } catch {
          throw fail(call, { kind: signal.aborted ? 'timeout' : 'network' });
        }
        noteUpstreamStatus(response.status);
        return response;
      },
    };
  }

  async function exchange<S extends CallSchema>(call: UpstreamCall<S>, signal: AbortSignal): Promise<UpstreamCallResult<S>> {
    const response = await options.exchange(call, context(call, signal));
    const key = bucket(call);
    noteWindow(key, response);
    if (!response.ok) {
      const kind = kindForStatus(response.status);
      const is4xx = kind === 'rejected' || kind === 'not_found';
      let text = '';
      if (is4xx) text = await response.text().catch(() => '');
      else await response.body?.cancel().catch(() => {}); // a 5xx (or 401/403/429) body is never read
      let retryAfterSeconds: number | undefined;
      if (kind === 'rate_limited') {
        retryAfterSeconds = options.cooldownSeconds(key, response);
        cooldowns.set(key, options.now() + retryAfterSeconds * 1000);
      } else {
        options.answered?.(key);
      }
      throw fail(call, { kind, status: response.status, retryAfterSeconds, messages: is4xx ? options.errorMessages(text) : [] });
    }
    options.answered?.(key);
    if (call.schema instanceof JsonItems) return (await readItems(call, call.schema, response, signal)) as UpstreamCallResult<S>;
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw fail(call, { kind: signal.aborted ? 'timeout' : 'bad_response', status: response.status });
    }
    if (call.schema === null) return undefined as UpstreamCallResult<S>;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw fail(call, { kind: 'bad_response', status: response.status });
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw fail(call, { kind: 'bad_response', status: response.status });
    return parsed.data as UpstreamCallResult<S>;
  }

  async function readItems(call: UpstreamCall<CallSchema>, items: AnyJsonItems, response: Response, signal: AbortSignal): Promise<number> {
    let count = 0;
    // The caller's own failure is passed on as it is; only the answer's faults are the upstream's.
    let visitFailure: { err: unknown } | null = null;
    try {
      await readJsonArrayItems(
        response.body,
        (value) => {
          // A bad item throws here and stops the read; the catch below makes it bad_response like any other.
          const item = items.read(value);
          count++;
          try {
            items.visit(item);
          } catch (err) {
            visitFailure = { err };
            throw err;
          }
        },
        items.parse,
      );
    } catch {
      if (visitFailure !== null) throw (visitFailure as { err: unknown }).err;
      throw fail(call, { kind: signal.aborted ? 'timeout' : 'bad_response', status: response.status });
    }
    return count;
  }

  /** One attempt, bounded by `ms` even if the fetch ignores its signal. */
  async function attempt<S extends CallSchema>(call: UpstreamCall<S>, ms: number): Promise<UpstreamCallResult<S>> {
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

  return async function send<S extends CallSchema>(call: UpstreamCall<S, M>): Promise<UpstreamCallResult<S>> {
    // Reads are not paced: they are cached and coalesced, and a read that meets a limit falls back to the last good copy.
    if (call.method !== 'GET') await pace(call, bucket(call));
    return sendOnce(call);
  };

  async function sendOnce<S extends CallSchema>(call: UpstreamCall<S>): Promise<UpstreamCallResult<S>> {
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
  }
}
