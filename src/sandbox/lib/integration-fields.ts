import { HEADER_NAME_PATTERN } from '../../contract/integrations';
import { additionalPropertyMessage, badRequest } from './errors';
import { isPlainObject } from './json-body';
import { notOfType, repr, required } from './schema-messages';

/**
 * Field rules shared by the Datadog integration bodies (v1 configuration
 * endpoints and the 2018 bodies). Messages follow the sandbox's
 * JSON-schema style where one exists.
 */

/** A JSON object body; anything else is a 400. */
export function objectBody(body: unknown, what = 'request body'): Record<string, unknown> {
  if (body === undefined) throw badRequest(`Invalid ${what}: expected a JSON object`);
  if (!isPlainObject(body)) notOfType(body, 'object');
  return body;
}

/** 400 for the first key that is not allowed. */
export function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) throw badRequest(additionalPropertyMessage(key));
}

/** An array of objects (the 2018 bodies' lists). */
export function objectList(v: unknown): Record<string, unknown>[] {
  if (!Array.isArray(v)) notOfType(v, 'array');
  return v.map((e: unknown) => {
    if (!isPlainObject(e)) notOfType(e, 'object');
    return e;
  });
}

/**
 * A secret field's text. Its messages never quote the value (an error must not
 * echo a secret, SECURITY.md 1).
 */
export function secretText(v: unknown, field: string): string {
  if (typeof v !== 'string') throw badRequest(`Invalid ${field}: expected a string`);
  return v;
}

export function requiredString(obj: Record<string, unknown>, key: string, o: { secret?: boolean } = {}): string {
  const v = obj[key];
  if (v === undefined || v === null) required(key);
  if (typeof v !== 'string') return o.secret ? secretText(v, key) : notOfType(v, 'string');
  if (v.trim() === '') throw badRequest(`'${key}' must not be empty`);
  return v;
}

export function optionalString(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') notOfType(v, 'string');
  return v;
}

export function stringList(v: unknown): string[] {
  if (!Array.isArray(v)) notOfType(v, 'array');
  for (const s of v) if (typeof s !== 'string') notOfType(s, 'string');
  return v as string[];
}

export function boolean(v: unknown): boolean {
  if (typeof v !== 'boolean') notOfType(v, 'boolean');
  return v;
}

/**
 * The 2018 bodies send booleans as strings ("false", as the old docs' curl
 * examples do); both forms are accepted.
 */
export function booleanish(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return notOfType(v, 'boolean');
}

/**
 * An http(s) URL with a host and no spaces; `field` names it in the message,
 * which quotes the value unless it is a secret (a Slack hook URL).
 */
export function httpUrl(v: unknown, field: string, o: { secret?: boolean } = {}): string {
  if (typeof v !== 'string') return o.secret ? secretText(v, field) : notOfType(v, 'string');
  const s = v.trim();
  let ok = false;
  try {
    const u = new URL(s);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !/\s/.test(s) && !hasControlChar(s);
  } catch {
    ok = false;
  }
  if (!ok) throw badRequest(`Invalid ${field}${o.secret ? '' : ` ${repr(v)}`}: must be an http:// or https:// URL`);
  return s;
}

/** True when the text has a control character (CR, LF, NUL and the like). */
export function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A Slack account name as it appears in paths and @-handles. */
export function slackAccountName(v: unknown, field = 'account'): string {
  if (typeof v !== 'string') notOfType(v, 'string');
  const s = v.trim();
  if (s === '' || s.length > 100 || /[/#\s]/.test(s) || hasControlChar(s)) {
    throw badRequest(`Invalid ${field} ${repr(v)}: a Slack account name is 1-100 characters without spaces, '/' or '#'`);
  }
  return s;
}

/** A Slack channel name, stored with its leading "#". */
export function slackChannelName(v: unknown, field = 'name'): string {
  if (typeof v !== 'string') notOfType(v, 'string');
  const bare = v.trim().replace(/^#/, '');
  if (bare === '' || bare.length > 80 || /[#,\s]/.test(bare) || hasControlChar(bare)) {
    throw badRequest(`Invalid ${field} ${repr(v)}: a channel name is 1-80 characters without spaces, ',' or '#'`);
  }
  return `#${bare}`;
}

const HEADERS_MESSAGE = 'must be a JSON object of header names to string values, as text';

/**
 * Custom headers as Datadog keeps them: JSON text of an object of header
 * names to one-line string values. An object is accepted too (and stored as
 * its JSON text); null or "" means none.
 */
export function customHeaders(v: unknown, field = 'custom_headers'): string | null {
  if (v === null || v === '') return null;
  let obj: unknown = v;
  let text: string;
  if (typeof v === 'string') {
    text = v;
    try {
      obj = JSON.parse(v) as unknown;
    } catch {
      throw badRequest(`Invalid ${field}: ${HEADERS_MESSAGE}`);
    }
  } else {
    text = JSON.stringify(v);
  }
  if (!isPlainObject(obj)) throw badRequest(`Invalid ${field}: ${HEADERS_MESSAGE}`);
  for (const [name, value] of Object.entries(obj)) {
    if (!HEADER_NAME_PATTERN.test(name)) throw badRequest(`Invalid ${field}: ${repr(name)} is not a valid header name`);
    if (typeof value !== 'string') throw badRequest(`Invalid ${field}: ${HEADERS_MESSAGE}`);
    if (hasControlChar(value)) throw badRequest(`Invalid ${field}: the value of ${repr(name)} must be one line`);
  }
  return text;
}

/** The header object of stored custom headers (validated on write). */
export function headerEntries(text: string | null): Record<string, string> {
  if (text === null) return {};
  return JSON.parse(text) as Record<string, string>;
}
