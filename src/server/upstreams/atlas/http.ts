import type { z } from 'zod';
import type { Redactor } from '../../lib/redact';
import {
  clipMessage,
  createUpstreamSend,
  parseJsonOrUndefined,
  type ExchangeContext,
  type HttpClientOptions,
  type UpstreamCall,
  type UpstreamCallResult,
  type UpstreamSend,
} from '../http-common';
import { DigestSession, pickDigestChallenge } from './digest';
import { RawAtlasErrorSchema } from './schemas';

/**
 * One Atlas HTTP call, with the same fault rules as the Datadog client
 * (http-common.ts: one deadline, handshake included; GET-only retries; 429
 * cooldowns; classified errors named "Atlas") plus Digest auth:
 * - exactly the headers we choose: Authorization (digest), the versioned Accept, Content-Type with a body;
 * - the last nonce is reused (nc + 1) so a call normally costs one request; a 401 with a fresh
 *   challenge (stale=true or a new nonce) is answered once; a second 401, or a 401 repeating the
 *   nonce we used, means Atlas refused our key (`auth`, never a user log-out). 403 is `auth` too;
 * - 429: Retry-After (seconds or an HTTP date) when Atlas sends it, else 10, 20, 40 s for 429s in a
 *   row (SECURITY 5); the same operation then answers 429 locally until that passes;
 * - only 4xx `detail`s are kept, redacted.
 */
export const ATLAS_UPSTREAM = 'Atlas';
export const ATLAS_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

export interface AtlasHttpOptions extends HttpClientOptions {
  publicKey: string;
  privateKey: string;
  redact: Redactor;
  cnonce?: () => string;
}

export type AtlasMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type AtlasCall<S extends z.ZodType | null> = UpstreamCall<S, AtlasMethod>;
export type AtlasCallResult<S> = UpstreamCallResult<S>;
export type AtlasSend = UpstreamSend<AtlasMethod>;

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
  const parsed = RawAtlasErrorSchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return [];
  const message = parsed.data.detail?.trim() || parsed.data.reason?.trim();
  return message ? [clipMessage(message, redact)] : [];
}

export function createAtlasHttp(options: AtlasHttpOptions): AtlasSend {
  const digest = new DigestSession(options.publicKey, options.privateKey, options.cnonce);
  const streaks = new Map<string, number>();

  const headers = (authorization: string | null) => {
    const h = new Headers({ Accept: ATLAS_MEDIA_TYPE });
    if (authorization !== null) h.set('Authorization', authorization);
    return h;
  };

  /** The request with digest auth: the cached nonce first, one more try on a fresh challenge. */
  async function authenticated(call: UpstreamCall<z.ZodType | null>, { target, send, fail }: ExchangeContext): Promise<Response> {
    const uri = target.pathname + target.search;
    const first = digest.authorize(call.method, uri);
    let response = await send(headers(first?.header ?? null));
    if (response.status !== 401) return response;

    await response.body?.cancel().catch(() => {});
    const challenge = pickDigestChallenge(response.headers.get('WWW-Authenticate'));
    const fresh = challenge !== null && (first === null || challenge.stale || challenge.nonce !== first.nonce);
    if (!fresh) {
      digest.forget();
      throw fail({ kind: 'auth', status: 401 });
    }
    digest.accept(challenge);
    const second = digest.authorize(call.method, uri);
    response = await send(headers(second?.header ?? null));
    if (response.status === 401) {
      await response.body?.cancel().catch(() => {});
      digest.forget();
      throw fail({ kind: 'auth', status: 401 });
    }
    return response;
  }

  return createUpstreamSend<AtlasMethod>({
    ...options,
    upstream: ATLAS_UPSTREAM,
    exchange: authenticated,
    errorMessages: (text) => atlasErrorMessages(text, options.redact),
    cooldownSeconds: (bucket, response) => {
      const streak = (streaks.get(bucket) ?? 0) + 1;
      streaks.set(bucket, streak);
      return cooldownSeconds(parseRetryAfter(response.headers.get('Retry-After'), options.now()), streak);
    },
    answered: (bucket) => streaks.delete(bucket),
  });
}
