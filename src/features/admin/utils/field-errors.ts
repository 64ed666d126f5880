import type { z } from 'zod';
import { ApiError, isApiError } from '../../../lib/api-client';

export type FieldErrors = Partial<Record<string, string>>;

/** The first message per field of a failed zod parse (client-side checks, with the contract's own words). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/** A 400's per-field messages, keyed by the last part of the path ("body.password" -> "password"). */
export function serverFieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(error) || !error.fields) return out;
  for (const [path, messages] of Object.entries(error.fields)) {
    const key = path.split('.').at(-1) ?? path;
    if (messages[0]) out[key] ??= messages[0];
  }
  return out;
}

/**
 * The error with its field messages as its message: the BFF answers a refused
 * self-demotion as 400 "The request is not valid" with fields {role: ["You cannot demote yourself"]},
 * and a dialog with no such field should still say why.
 */
export function withFieldMessages(error: unknown): unknown {
  if (!isApiError(error) || !error.fields) return error;
  const messages = Object.values(error.fields).flat().filter(Boolean);
  if (messages.length === 0) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: messages.join('; '),
    requestId: error.requestId,
    retryAfter: error.retryAfter,
    upstream: error.upstream,
  });
}
