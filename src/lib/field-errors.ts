import type { z } from 'zod';
import { ApiError, isApiError } from './api-client';

/**
 * One message per form field. By default a field is the top-level key of the
 * request body ("notificationHandles"); with `nested`, a path that keeps record
 * keys ("customHeaders.X-Token"), so a bad entry shows on its own row. Array
 * items always report on their list ("filterTags.2" -> "filterTags").
 */
export type FieldErrors = Partial<Record<string, string>>;

interface KeyOptions {
  /** Keep nested object and record keys ("customHeaders.X-Token"); default: the top-level field only. */
  nested?: boolean;
}

const REQUEST_PARTS = new Set(['body', 'query', 'params', 'param']);

/** Where a zod issue or a BFF field path points: "body.notificationHandles.1" -> "notificationHandles". */
export function fieldKey(path: readonly PropertyKey[], { nested = false }: KeyOptions = {}): string {
  const parts = path.filter((p) => !nested || typeof p !== 'number').map(String);
  if (parts.length > 1 && REQUEST_PARTS.has(parts[0]!)) parts.shift();
  return (nested ? parts.join('.') : parts[0]) || 'form';
}

/** A BFF field path as a zod path: "body.hostTags.4" -> ["body", "hostTags", 4]. */
const serverPath = (path: string): PropertyKey[] => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** The first message per field of a failed zod parse (checks in the browser, in the contract's own words). */
export function zodFieldErrors(error: z.ZodError, options: KeyOptions = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    // A record key that fails its own schema says why in its nested issue ("A header name is …").
    const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    out[fieldKey(issue.path, options)] ??= nested ?? issue.message;
  }
  return out;
}

/**
 * A 400's per-field messages (`error.fields`), keyed like zodFieldErrors. With
 * `conflictField`, a 409 (the name is taken) shows its message on that field.
 */
export function serverFieldErrors(error: unknown, { conflictField, ...options }: KeyOptions & { conflictField?: string } = {}): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(error)) return out;
  if (conflictField && error.status === 409) out[conflictField] = error.message;
  for (const [path, messages] of Object.entries(error.fields ?? {})) {
    if (messages[0]) out[fieldKey(serverPath(path), options)] ??= messages[0];
  }
  return out;
}

const isUnder = (key: string, field: string) => key === field || key.startsWith(`${field}.`);

/** The errors at `field` or under it ("customHeaders" covers "customHeaders.X-Token"). */
export function errorsUnder(errors: FieldErrors, field: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (isUnder(k, field)) out[k] = v;
  return out;
}

/** True when some of `errors` belong to one of `fields`, or lie under one (so the form can show them there, not only in a summary). */
export function explainedByFields(errors: FieldErrors, fields: readonly string[]): boolean {
  return Object.keys(errors).some((k) => fields.some((f) => isUnder(k, f)));
}

/**
 * A 400 about fields a form does not show still says why: its field messages
 * become the message (the BFF answers a refused self-demotion as "The request
 * is not valid" with fields {role: ["You cannot demote yourself"]}).
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
