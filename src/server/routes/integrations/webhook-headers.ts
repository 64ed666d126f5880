import { isSensitiveHeader } from '../../../contract/integrations';
import { isMasked } from '../../../contract/secrets';
import { fieldErrors, type FieldErrors } from '../define-route';

/**
 * Webhook custom headers whose values are credentials (contract
 * isSensitiveHeader: Authorization, X-Api-Key, a token...) are write-only
 * like any secret (SECURITY.md 2, 3): reads show their mask, and a write that
 * sends a mask back means "keep the stored value". The BFF puts the stored
 * value in its place, so a mask never travels to Datadog. Audit details name
 * the sensitive headers that were set or rotated, never a value.
 */
export const MASK_FOR_NEW_HEADER = 'Enter the header value itself, not its mask';

/** A masked value (kept) or a sensitive header (audited by name): the write needs the stored headers. */
export const needsStoredHeaders = (headers: Record<string, string>): boolean =>
  Object.entries(headers).some(([name, value]) => isMasked(value) || isSensitiveHeader(name));

/** The stored value of a header: the same name, else the one stored header whose name differs only in case. */
function storedValue(stored: Record<string, string>, name: string): string | undefined {
  if (Object.hasOwn(stored, name)) return stored[name];
  const same = Object.keys(stored).filter((k) => k.toLowerCase() === name.toLowerCase());
  return same.length === 1 ? stored[same[0] as string] : undefined;
}

/** "Authorization set", "X-Api-Key rotated": the sensitive headers whose value this write changes (none kept by mask). */
export function sensitiveHeaderNotes(next: Record<string, string>, stored: Record<string, string> | null): string[] {
  return Object.entries(next)
    .filter(([name]) => isSensitiveHeader(name))
    .flatMap(([name, value]) => {
      const before = stored === null ? undefined : storedValue(stored, name);
      if (before === value) return [];
      return [`${name} ${before === undefined ? 'set' : 'rotated'}`];
    })
    .sort();
}

export interface MergedHeaders {
  /** What goes to Datadog: every mask replaced by the stored value. */
  headers: Record<string, string>;
  /** Set when a mask was sent for a header that is not stored: `customHeaders.<Name>`. */
  errors: FieldErrors | null;
  notes: string[];
}

/** The headers of an update, with each masked value replaced by the stored value of that header. */
export function mergeStoredHeaders(input: Record<string, string>, stored: Record<string, string>): MergedHeaders {
  const headers = Object.create(null) as Record<string, string>;
  const errors = fieldErrors();
  for (const [name, value] of Object.entries(input)) {
    if (!isMasked(value)) {
      headers[name] = value;
      continue;
    }
    const kept = storedValue(stored, name);
    if (kept === undefined || isMasked(kept)) errors[`customHeaders.${name}`] = [MASK_FOR_NEW_HEADER];
    else headers[name] = kept;
  }
  return {
    headers,
    errors: Object.keys(errors).length > 0 ? errors : null,
    notes: sensitiveHeaderNotes(headers, stored),
  };
}
