/**
 * Scrubs secret values (the Datadog keys) out of text before it leaves the
 * BFF: in a log line, an error message or an upstream message we pass on.
 * Each secret is matched raw and in the encodings it is likely to travel in.
 */
export type Redactor = (text: string) => string;

export const REDACTED = '[redacted]';

/** A secret and the encodings it is likely to travel in (raw, URL, form, base64 with and without padding, base64url, JSON-escaped), longest first. */
export function encodedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const all = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ];
  // Longest first, so a longer form is replaced before a shorter one inside it.
  return [...new Set(all)].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.filter((s) => s.length > 0).flatMap(encodedForms))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of needles) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    }
    return out;
  };
}
