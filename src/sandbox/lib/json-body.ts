import type { Context } from 'hono';
import { badRequest } from './errors';

export const INVALID_JSON = 'Invalid JSON';
const MAX_BODY_BYTES = 1_000_000;

/** Reads the request body as JSON; an empty body is `undefined`. Malformed JSON is a 400. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) throw badRequest('Request body is too large');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest(INVALID_JSON);
  }
}

/** Reads a JSON object body; anything else (array, string, missing) is a 400. */
export async function readJsonObject(c: Context, what = 'request body'): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!isPlainObject(body)) throw badRequest(`Invalid ${what}: expected a JSON object`);
  return body;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
