import { z } from 'zod';

/**
 * Write-only secrets (SECURITY.md 2 and 3). A stored secret is never read back:
 * a read shows its mask, `******` plus the last 4 characters, or `******` alone
 * when the value is shorter than 8 characters (too short to show any of it).
 * URLs keep their scheme and host, so a person can tell which endpoint is set.
 */
export const SECRET_MASK = '******';

/** Shorter values are masked completely. */
export const MASK_MIN_LENGTH = 8;

export function maskSecret(value: string): string {
  if (value.length < MASK_MIN_LENGTH) return SECRET_MASK;
  return SECRET_MASK + value.slice(-4);
}

/** A secret that is always masked completely (webhook secrets, passwords). */
export function maskFully(_value: string): string {
  return SECRET_MASK;
}

/**
 * `https://hooks.example.com/******7890`: scheme and host stay, the path and
 * query are masked but for their last 4 characters (if there are 8 or more).
 * An unparseable value is masked like any other secret.
 */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return maskSecret(value);
  }
  const rest = value.slice(url.origin.length);
  return `${url.origin}/${maskSecret(rest.replace(/^\//, ''))}`;
}

/** True for anything a read could have produced: the unchanged mask sent back. */
export function isMasked(value: string): boolean {
  return value.includes(SECRET_MASK);
}

/**
 * What an update does to one secret field:
 * - omitted, or the unchanged mask: keep the stored value byte-identical;
 * - listed in `clear`: remove it (optional secrets only);
 * - anything else: replace it.
 */
export type SecretChange = { kind: 'keep' } | { kind: 'clear' } | { kind: 'set'; value: string };

export function secretChange(input: string | undefined | null, clear: boolean): SecretChange {
  if (clear) return { kind: 'clear' };
  if (input === undefined || input === null || input === '' || isMasked(input)) return { kind: 'keep' };
  return { kind: 'set', value: input };
}

/**
 * How an audit record names a secret change: never the value, at most its
 * mask. `mask` is how this kind of secret reads back (maskSecret by default;
 * maskFully for a secret that never shows any of itself, maskUrl for a URL).
 */
export function describeSecretChange(
  field: string,
  change: SecretChange,
  hadValue: boolean,
  mask: (value: string) => string = maskSecret,
): string | null {
  if (change.kind === 'keep') return null;
  if (change.kind === 'clear') return `${field} cleared`;
  return `${field} ${hadValue ? 'rotated' : 'set'} (now ${mask(change.value)})`;
}

/** A secret field in a write: a new value, or the mask read back (= unchanged). */
export const secretInput = (label: string, max = 1000) =>
  z.string().max(max, `${label} must be at most ${max} characters`);

/** A secret field in a read: its mask, or null when none is stored. */
export const MaskedSecretSchema = z.string().nullable();
