import { CHECK_FUTURE_SKEW_MS, CHECK_MAX_AGE_MS, CHECK_MESSAGE_MAX } from '../../contract/service-checks';
import { badRequest, HttpError } from '../lib/errors';
import { isPlainObject } from '../lib/json-body';

/**
 * `POST /api/v1/check_run` input: a JSON array of check runs, validated as a
 * whole (one bad item refuses the payload), with Datadog's limits: a payload of
 * at most 512 KB, a timestamp at most 10 minutes old and not in the future, a
 * message cut at 500 characters and dropped for an OK run.
 */

/** Datadog's intake refuses bigger payloads with 413. */
export const CHECK_PAYLOAD_MAX_BYTES = 512 * 1024;
export const PAYLOAD_TOO_LARGE = 'Payload too large';
export const NOT_AN_ARRAY = 'The body must be a JSON array of check runs';
const MAX_CHECK_CHARS = 200;
const MAX_HOST_CHARS = 255;
const MAX_TAG_CHARS = 200;
const MAX_TAGS = 100;

/** A validated run, ready to store. */
export interface CheckRunInput {
  check: string;
  host_name: string;
  status: 0 | 1 | 2 | 3;
  tags: string[];
  /** Epoch seconds. */
  timestamp: number;
  /** null for an OK run, or when none was sent; at most 500 characters. */
  message: string | null;
}

/**
 * Reads the body as text, refusing more than `max` bytes: by Content-Length
 * up front, and by what actually arrives (a chunked body has no length).
 */
export async function readLimitedText(req: Request, max = CHECK_PAYLOAD_MAX_BYTES): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > max) throw new HttpError(413, [PAYLOAD_TOO_LARGE]);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(413, [PAYLOAD_TOO_LARGE]);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** At most `max` UTF-16 units, never ending in half of a surrogate pair. */
export function cutMessage(text: string, max = CHECK_MESSAGE_MAX): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

function nonEmptyString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.length <= max && !/[\s,]/.test(v.trim()) && v === v.trim();
}

/** The first problem with item `i`, or the run. `nowMs` is the sandbox clock. */
function parseItem(raw: unknown, i: number, nowMs: number): CheckRunInput | string {
  const at = `check run ${i}`;
  if (!isPlainObject(raw)) return `${at}: expected an object`;
  const { check, host_name: host, status, tags, timestamp, message } = raw;
  if (!nonEmptyString(check, MAX_CHECK_CHARS)) return `${at}: 'check' must be a non-empty string without spaces or commas (at most ${MAX_CHECK_CHARS} characters)`;
  if (!nonEmptyString(host, MAX_HOST_CHARS)) return `${at}: 'host_name' must be a non-empty string without spaces or commas (at most ${MAX_HOST_CHARS} characters)`;
  if (status !== 0 && status !== 1 && status !== 2 && status !== 3) return `${at}: 'status' must be 0 (OK), 1 (WARNING), 2 (CRITICAL) or 3 (UNKNOWN)`;
  if (!Array.isArray(tags)) return `${at}: 'tags' is required and must be an array of strings`;
  if (tags.length > MAX_TAGS) return `${at}: at most ${MAX_TAGS} tags`;
  for (const t of tags) {
    if (typeof t !== 'string' || t === '' || t.length > MAX_TAG_CHARS || /[\s,]/.test(t)) {
      return `${at}: every tag must be a non-empty string without spaces or commas (at most ${MAX_TAG_CHARS} characters)`;
    }
  }
  let ts = Math.floor(nowMs / 1000);
  if (timestamp !== undefined && timestamp !== null) {
    if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp < 0) return `${at}: 'timestamp' must be an integer (epoch seconds)`;
    if (timestamp * 1000 < nowMs - CHECK_MAX_AGE_MS) return `${at}: 'timestamp' is more than 10 minutes in the past`;
    if (timestamp * 1000 > nowMs + CHECK_FUTURE_SKEW_MS) return `${at}: 'timestamp' is in the future`;
    ts = timestamp;
  }
  if (message !== undefined && message !== null && typeof message !== 'string') return `${at}: 'message' must be a string`;
  const kept = status === 0 || typeof message !== 'string' || message === '' ? null : cutMessage(message);
  return { check, host_name: host, status, tags: [...(tags as string[])], timestamp: ts, message: kept };
}

/** Validates a parsed body; throws a 400 naming every bad item (at most 10). */
export function parseCheckRuns(body: unknown, nowMs: number): CheckRunInput[] {
  if (!Array.isArray(body)) throw badRequest(NOT_AN_ARRAY);
  const runs: CheckRunInput[] = [];
  const errors: string[] = [];
  body.forEach((raw, i) => {
    const r = parseItem(raw, i, nowMs);
    if (typeof r === 'string') errors.push(r);
    else runs.push(r);
  });
  if (errors.length > 0) throw badRequest(...errors.slice(0, 10));
  return runs;
}
