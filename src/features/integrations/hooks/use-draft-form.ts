import { useEffect, useRef, useState } from 'react';
import type { PathErrors } from '../utils/form-errors';

export type Validation<O> = { ok: true; data: O } | { ok: false; errors: PathErrors };

interface DraftFormOptions<D, O> {
  initial: D | (() => D);
  /** Turns the draft into the request body with the contract's schema (the BFF runs the same one). */
  validate: (draft: D) => Validation<O>;
  /** A failed send's field errors (a 400's `fields`); each shows until its field changes. */
  serverErrors?: PathErrors;
}

const under = (key: string, field: string) => key === field || key.startsWith(`${field}.`);

/**
 * A form's draft and its field errors. A field is checked when focus leaves it
 * (once it was changed), again on every change while it shows an error (so the
 * error goes as soon as it is fixed), and every field on submit. The draft is
 * never cleared by an error: nothing typed is lost.
 */
export function useDraftForm<D extends object, O>({ initial, validate, serverErrors = {} }: DraftFormOptions<D, O>) {
  const [draft, setDraft] = useState<D>(initial);
  const draftRef = useRef(draft);
  const [clientErrors, setClientErrors] = useState<PathErrors>({});
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
      const out: PathErrors = {};
      for (const [k, v] of Object.entries(prev)) if (!under(k, field)) out[k] = v;
      for (const [k, v] of Object.entries(found)) if (under(k, field)) out[k] = v;
      return out;
    });
  };

  const set = <K extends keyof D & string>(field: K, value: D[K]) => {
    const next = { ...draftRef.current, [field]: value };
    draftRef.current = next;
    setDraft(next);
    setDirty((d) => (d.has(field) ? d : new Set(d).add(field)));
    if (Object.keys(clientErrors).some((k) => under(k, field))) recheck(field, next);
  };

  const blur = (field: keyof D & string) => {
    if (dirty.has(field) || Object.keys(clientErrors).some((k) => under(k, field))) recheck(field, draftRef.current);
  };

  /** Checks every field; the body to send, or null (and focus on the first field in error). */
  const submit = (): O | null => {
    const result = validate(draftRef.current);
    if (!result.ok) {
      setClientErrors(result.errors);
      setFocusRequest((n) => n + 1);
      return null;
    }
    setClientErrors({});
    setDirty(new Set());
    return result.data;
  };

  const visibleServer: PathErrors = {};
  for (const [k, v] of Object.entries(serverErrors)) if (![...dirty].some((f) => under(k, f))) visibleServer[k] = v;
  const errors: PathErrors = { ...visibleServer, ...clientErrors };

  return {
    draft,
    set,
    blur,
    submit,
    errors,
    formRef,
    /** After a send failed with field errors: focus the first field in error. */
    focusInvalid: () => setFocusRequest((n) => n + 1),
  };
}
