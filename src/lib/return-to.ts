import { DEFAULT_AFTER_SIGN_IN, paths } from '../config/paths';

const BASE = 'https://watchdeck.invalid';

/**
 * The place to go after signing in, if `raw` is a path on this site; otherwise
 * `fallback` (SECURITY.md 12: a sign-in link must never send the user to another host).
 *
 * Accepted: "/monitors/12?gq=web". Refused: anything not starting with one "/"
 * ("//evil.example", "/\\evil", "https://evil.example", "javascript:…"), any
 * backslash, whitespace or control character (browsers drop tabs and newlines,
 * so "/\t/evil" would become "//evil"), and the sign-in page itself.
 */
export function safeReturnTo(raw: string | null | undefined, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\s\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  // Belt and braces: whatever the browser's parser makes of it must stay on this origin.
  if (url.origin !== BASE) return fallback;
  if (url.pathname === paths.login.path) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in link that comes back to `location` (a path and search on this site). */
export function signInHref(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`;
  return paths.login.getHref(here === '/' ? undefined : here);
}
