import type { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';

/** A draft checked: the body to send, or the errors by field path ("url", "customHeaders.X-Token"). */
export type Validation<O> = { ok: true; data: O } | { ok: false; errors: FieldErrors };

type Parsed<T> = { success: true; data: T } | { success: false; error: z.ZodError };

/**
 * A contract schema's verdict as a Validation, keyed by nested path, with the
 * form's own checks (`extra`) added: any of them holds the send back, and on
 * the same field the form's more specific message wins.
 */
export function fromSchema<T>(parsed: Parsed<T>, extra: FieldErrors = {}): Validation<T> {
  const errors: FieldErrors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error, { nested: true })), ...extra };
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, data: parsed.data } : { ok: false, errors };
}

/** What a create-or-edit form sends: a new item, the changes to a stored one, or nothing (nothing changed). */
export type Change<C, U> = { kind: 'create'; body: C } | { kind: 'update'; body: U } | { kind: 'unchanged' };

/**
 * One validate for a dialog that creates (no stored item) or edits (a stored
 * item, sending only what changed). An update body that `isEmpty` is no change.
 */
export function createOrUpdate<D, S, C, U extends object>(
  stored: S | undefined,
  validateNew: (draft: D) => Validation<C>,
  validateChange: (draft: D, stored: S) => Validation<U>,
  isEmpty: (body: U) => boolean = (body) => Object.keys(body).length === 0,
): (draft: D) => Validation<Change<C, U>> {
  return (draft) => {
    if (stored === undefined) {
      const v = validateNew(draft);
      return v.ok ? { ok: true, data: { kind: 'create', body: v.data } } : v;
    }
    const v = validateChange(draft, stored);
    if (!v.ok) return v;
    return { ok: true, data: isEmpty(v.data) ? { kind: 'unchanged' } : { kind: 'update', body: v.data } };
  };
}
