import type { z } from 'zod';
import { isApiError } from '../../../lib/api-client';

/**
 * One message per field path: "url", "name", "filterTags", "customHeaders.X-Token".
 * Array items report on their list ("filterTags.2" -> "filterTags"); record
 * entries keep their key, so a bad header shows on its own row.
 */
export type PathErrors = Partial<Record<string, string>>;

const REQUEST_PARTS = new Set(['body', 'query', 'params', 'param']);

/** The field path of a zod issue: numbers (array items) dropped, record keys kept. */
export function issuePath(path: readonly PropertyKey[]): string {
  const parts = path.filter((p) => typeof p !== 'number').map(String);
  return parts.join('.') || 'form';
}

/** The first message per field of a failed parse, in the contract's own words. */
export function schemaErrors(error: z.ZodError): PathErrors {
  const out: PathErrors = {};
  for (const issue of error.issues) {
    // A record key that fails its own schema says why in its nested issue ("A header name is …").
    const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    out[issuePath(issue.path)] ??= nested ?? issue.message;
  }
  return out;
}

/** Normalises a BFF field path: "body.url" -> "url", "filterTags.3" -> "filterTags", "customHeaders.X-Token" stays. */
export function serverPath(path: string): string {
  let p = path;
  const dot = p.indexOf('.');
  if (dot > 0 && REQUEST_PARTS.has(p.slice(0, dot))) p = p.slice(dot + 1);
  return p.replace(/^([A-Za-z]\w*)(\.\d+)+$/, '$1');
}

/**
 * A 400's `error.fields`, keyed like schemaErrors; with `conflictField`, a 409
 * (the name is taken) shows its message on that field.
 */
export function serverErrors(error: unknown, conflictField?: string): PathErrors {
  const out: PathErrors = {};
  if (conflictField && isApiError(error) && error.status === 409) out[conflictField] = error.message;
  if (!isApiError(error) || !error.fields) return out;
  for (const [path, messages] of Object.entries(error.fields)) {
    if (messages[0]) out[serverPath(path)] ??= messages[0];
  }
  return out;
}

/** The errors at `key` or under it ("customHeaders" covers "customHeaders.X-Token"). */
export function errorsUnder(errors: PathErrors, key: string): PathErrors {
  const out: PathErrors = {};
  for (const [k, v] of Object.entries(errors)) if (k === key || k.startsWith(`${key}.`)) out[k] = v;
  return out;
}

/** True when some error belongs to a field the form shows (so it need not be repeated in full below). */
export function explainedBy(errors: PathErrors, fields: readonly string[]): boolean {
  return Object.keys(errors).some((k) => fields.some((f) => k === f || k.startsWith(`${f}.`)));
}
