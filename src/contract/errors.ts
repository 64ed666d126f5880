import { z } from 'zod';

/**
 * The one error body every BFF route answers with on failure.
 * `code` is stable and machine-readable; `message` is for people.
 */
export const ERROR_CODES = [
  'validation_failed', // 400: request failed its zod schema; see `fields`
  'forbidden', // 403: a change without the X-CSRF: 1 header, or from another origin
  'not_found', // 404: route or resource missing
  'conflict', // 409: a duplicate (user, team, member) or a change that would remove the last admin
  'method_not_allowed', // 405
  'payload_too_large', // 413
  'unsupported_media_type', // 415
  'rate_limited', // 429: upstream rate limit; see `retryAfter` (seconds)
  'upstream_error', // 502: upstream 5xx or unparseable answer
  'upstream_auth', // 502: upstream rejected OUR key (401/403); never logs the user out
  'upstream_rejected', // 4xx from upstream other than 401/403/404/429, with its messages
  'upstream_timeout', // 504
  'internal', // 500
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Every change (POST, PUT, PATCH, DELETE) to /api must carry this header with
 * this value, or the BFF answers 403 `forbidden` (SECURITY.md 8: a cross-site
 * form cannot send a custom header without a CORS preflight, which the BFF never grants).
 */
export const CSRF_HEADER = 'X-CSRF';
export const CSRF_VALUE = '1';

export const ApiErrorBodySchema = z.object({
  error: z.object({
    // Kept open: a newer BFF may add codes; the SPA shows the message regardless.
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    /** Field path ("scope", "end", "query.page") to its messages, for 400s. */
    fields: z.record(z.string(), z.array(z.string())).optional(),
    /** Seconds to wait, for 429s. */
    retryAfter: z.number().optional(),
    /** The upstream's own messages for a 4xx it rejected (never for 5xx). */
    upstream: z.array(z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
