import type { AuthErrorCode } from '../../contract/auth';
import type { ApiErrorBody, ErrorCode } from '../../contract/errors';
import { isUpstreamError, type UpstreamError } from '../upstreams/upstream-error';

/**
 * The BFF's own error type: everything that answers with an ApiError body.
 * Handlers throw it (or an UpstreamError, mapped below); app.onError renders it.
 */
export interface HttpErrorExtra {
  fields?: Record<string, string[]>;
  retryAfter?: number;
  upstream?: string[];
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | AuthErrorCode,
    message: string,
    readonly extra: HttpErrorExtra = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function validationError(fields: Record<string, string[]>): HttpError {
  return new HttpError(400, 'validation_failed', 'The request is not valid', { fields });
}

export function errorBody(err: HttpError, requestId: string): ApiErrorBody {
  const { fields, retryAfter, upstream } = err.extra;
  return {
    error: {
      code: err.code,
      message: err.message,
      requestId,
      ...(fields ? { fields } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...(upstream && upstream.length > 0 ? { upstream } : {}),
    },
  };
}

/**
 * For a change that failed on the way (5xx, no answer, unreadable answer): we
 * cannot know whether the upstream applied it, so say so plainly (fail closed).
 */
const UNCONFIRMED = ' The change was not confirmed: check the current state before trying again.';

/** Maps a classified upstream failure to what the browser sees. Never carries a 5xx body. */
export function fromUpstreamError(err: UpstreamError, options: { mutation?: boolean } = {}): HttpError {
  const name = err.upstream === 'datadog' ? 'Datadog' : err.upstream;
  const unconfirmed = options.mutation ? UNCONFIRMED : '';
  switch (err.kind) {
    case 'not_found':
      return new HttpError(404, 'not_found', `Not found in ${name}`, { upstream: err.messages });
    case 'rate_limited': {
      const seconds = err.retryAfterSeconds ?? 1;
      return new HttpError(429, 'rate_limited', `${name} rate limit reached; retry in ${seconds} s`, {
        retryAfter: seconds,
        headers: { 'Retry-After': String(seconds) },
      });
    }
    case 'auth':
      return new HttpError(502, 'upstream_auth', `${name} refused the BFF's credentials; check its API and application keys`);
    case 'rejected':
      return new HttpError(err.status ?? 400, 'upstream_rejected', `${name} rejected the request`, {
        upstream: err.messages,
      });
    case 'timeout':
      return new HttpError(504, 'upstream_timeout', `${name} did not answer in time.${unconfirmed}`);
    case 'server':
      return new HttpError(502, 'upstream_error', `${name} failed (status ${err.status ?? 'unknown'}).${unconfirmed}`);
    case 'network':
      return new HttpError(502, 'upstream_error', `${name} could not be reached.${unconfirmed}`);
    case 'bad_response':
      return new HttpError(502, 'upstream_error', `${name} sent an answer the BFF could not read.${unconfirmed}`);
  }
}

/**
 * Datadog's 409 (a taken name or handle, an item that is there already)
 * becomes 409 `conflict` with Datadog's own words, and a field error on the
 * fields the person can change.
 */
export async function conflictsAs<T>(fields: string[], fallback: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!isUpstreamError(err) || err.status !== 409) throw err;
    const message = err.messages[0] ?? fallback;
    throw new HttpError(409, 'conflict', message, {
      upstream: err.messages,
      fields: Object.fromEntries(fields.map((f) => [f, [message]])),
    });
  }
}
