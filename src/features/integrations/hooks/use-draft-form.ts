import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '../../../lib/field-errors';
import type { Validation } from '../utils/validation';

interface DraftFormOptions<D, O> {
  initial: D | (() => D);
  /** Turns the draft into the request body with the contract's schema (the BFF runs the same one). */
  validate: (draft: D) => Validation<O>;
  /** A failed send's field errors (a 400's `fields`); each shows until its field changes. */
  serverErrors?: FieldErrors;
}

const under = (key: string, field: string) => key === field || key.startsWith(`${field}.`);

/**
 * A form's draft and its field errors. A field is checked when focus leaves it
 * (once it was changed), again on every change while it shows an error (so the
 * error goes as soon as it is fixed), and every field on submit. The draft is
 * never cleared by an error: nothing typed is lost.
 *
 * Errors and edits go by field key: a top-level draft key for `set`, or any key
 * for `update` (a generated form whose values sit in one record).
 */
export function useDraftForm<D extends object, O>({ initial, validate, serverErrors = {} }: DraftFormOptions<D, O>) {
  const [draft, setDraft] = useState<D>(initial);
  const draftRef = useRef(draft);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** Replaces the errors at and under `field` with what the schema says of `next`. */
  const recheck = (field: string, next: D) => {
    const result = validate(next);
    const found = result.ok ? {} : result.errors;
    setClientErrors((prev) => {
      const out: FieldErrors = {};
      for (const [k, v] of Object.entries(prev)) if (!under(k, field)) out[k] = v;
      for (const [k, v] of Object.entries(found)) if (under(k, field)) out[k] = v;
      return out;
    });
  };

  /** An edit of `field`: `change` makes the next draft from the current one. */
  const update = (field: string, change: (current: D) => D) => {
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
    setDirty((d) => (d.has(field) ? d : new Set(d).add(field)));
    if (Object.keys(clientErrors).some((k) => under(k, field))) recheck(field, next);
  };

  const set = <K extends keyof D & string>(field: K, value: D[K]) => update(field, (d) => ({ ...d, [field]: value }));

  const blur = (field: string) => {
    if (dirty.has(field) || Object.keys(clientErrors).some((k) => under(k, field))) recheck(field, draftRef.current);
  };

  /** After a send failed with field errors, or a check the form adds: focus the first field in error. */
  const focusInvalid = () => setFocusRequest((n) => n + 1);

  /** Checks every field; the body to send, or null (and focus on the first field in error). */
  const submit = (): O | null => {
    const result = validate(draftRef.current);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusInvalid();
      return null;
    }
    setClientErrors({});
    setDirty(new Set());
    return result.data;
  };

  const visibleServer: FieldErrors = {};
  for (const [k, v] of Object.entries(serverErrors)) if (![...dirty].some((f) => under(k, f))) visibleServer[k] = v;
  const errors: FieldErrors = { ...visibleServer, ...clientErrors };

  return { draft, set, update, blur, submit, errors, formRef, focusInvalid };
}
