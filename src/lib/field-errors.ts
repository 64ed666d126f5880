import type { z } from 'zod';
import { isApiError } from './api-client';

/** One message per form field, keyed by the field's name in the request body. */
export type FieldErrors = Partial<Record<string, string>>;

/** Where a zod issue or a BFF field path points: "body.notificationHandles.1" -> "notificationHandles". */
function fieldKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts.length > 1 && ['body', 'query', 'params', 'param'].includes(parts[0]!)) parts.shift();
  return parts[0] || 'form';
}

/** The first message per field of a failed zod parse (checks in the browser, in the contract's own words). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = fieldKey(issue.path);
    out[key] ??= issue.message;
  }
  return out;
}

/** A 400's per-field messages (`error.fields`), keyed like zodFieldErrors. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(error) || !error.fields) return out;
  for (const [path, messages] of Object.entries(error.fields)) {
    const key = fieldKey(path.split('.'));
    if (messages[0]) out[key] ??= messages[0];
  }
  return out;
}

/** True when some of `errors` belong to one of `fields` (so the form can show them there, not only in a summary). */
export function explainedByFields(errors: FieldErrors, fields: readonly string[]): boolean {
  return fields.some((f) => errors[f]);
}
