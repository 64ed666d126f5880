import type { z } from 'zod';
import type { Redactor } from '../../lib/redact';
import {
  backoffMs,
  clipMessage,
  createUpstreamSend,
  kindForStatus,
  parseJsonOrUndefined,
  type FetchLike,
  type HttpClientOptions,
  type RateLimitWindow,
  type UpstreamCall,
  type UpstreamCallResult,
  type UpstreamSend,
} from '../http-common';
import { RawErrorBodySchema } from './schemas';

/**
 * One Datadog HTTP call, with the BFF's fault rules (http-common.ts: one
 * deadline, GET-only retries, 429 cooldowns, classified errors) and
 * exactly the headers we choose: the keys, Accept, Content-Type with a body.
 * A 429's cooldown is its X-RateLimit-Reset.
 */
export { backoffMs, kindForStatus, type FetchLike };

export interface HttpOptions extends HttpClientOptions {
  /** Longest wait for a rate-limit window before a mutation fails with 429; default 30 s. */
  maxPaceMs?: number;
  sleep?: (ms: number) => Promise<void>;
  apiKey: string;
  appKey: string;
  redact: Redactor;
}

export type Call<S extends z.ZodType | null> = UpstreamCall<S>;
export type CallResult<S> = UpstreamCallResult<S>;
/** One call through the BFF's fault rules (what createHttp returns). */
export type Send = UpstreamSend;

const MAX_ERROR_MESSAGES = 10;

/** Seconds from X-RateLimit-Reset (seconds until the reset); 1 when absent or unreadable. */
export function retryAfterFrom(header: string | null): number {
  if (header === null || !/^\s*[0-9]+(\.[0-9]+)?\s*$/.test(header)) return 1;
  const seconds = Math.ceil(Number(header));
  return seconds >= 1 ? Math.min(seconds, 86_400) : 1;
}

const WHOLE = /^\s*[0-9]+\s*$/;

/**
 * Datadog's rate-limit window from X-RateLimit-Remaining and X-RateLimit-Reset (seconds until the
 * reset); null when either is absent or unreadable (then nothing is paced).
 */
export function rateLimitWindow(response: Response): RateLimitWindow | null {
  const remaining = response.headers.get('X-RateLimit-Remaining');
  const reset = response.headers.get('X-RateLimit-Reset');
  if (remaining === null || reset === null || !WHOLE.test(remaining) || !WHOLE.test(reset)) return null;
  return { remaining: Number(remaining), resetSeconds: Math.min(Number(reset), 86_400) };
}

/** The upstream's messages from {"errors":["..."]} or JSON:API error objects (detail, else title). */
export function errorMessages(text: string, redact: Redactor): string[] {
  const parsed = RawErrorBodySchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success || !parsed.data.errors) return [];
  const out: string[] = [];
  for (const e of parsed.data.errors) {
    let message: unknown = e;
    if (typeof e === 'object' && e !== null) {
      const o = e as { detail?: unknown; title?: unknown };
      message = typeof o.detail === 'string' && o.detail.trim() ? o.detail : o.title;
    }
    if (typeof message === 'string' && message.trim()) out.push(clipMessage(message, redact));
    if (out.length >= MAX_ERROR_MESSAGES) break;
  }
  return out;
}

export function createHttp(options: HttpOptions): Send {
  return createUpstreamSend({
    ...options,
    upstream: 'datadog',
    exchange: (_call, { send }) => {
      const headers = new Headers({ Accept: 'application/json' });
      if (options.apiKey) headers.set('DD-API-KEY', options.apiKey);
      if (options.appKey) headers.set('DD-APPLICATION-KEY', options.appKey);
      return send(headers);
    },
    errorMessages: (text) => errorMessages(text, options.redact),
    cooldownSeconds: (_bucket, response) => retryAfterFrom(response.headers.get('X-RateLimit-Reset')),
    rateLimit: rateLimitWindow,
  });
}
