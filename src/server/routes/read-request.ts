import type { Context } from 'hono';
import { HttpError } from '../lib/errors';
import type { FieldErrors } from './define-route';

/**
 * Reading a request before validation: the query (a repeated parameter is an
 * error unless the route lists it as repeatable, SECURITY 25) and a JSON body
 * of at most 64 KB, refused by Content-Length up front or as soon as a stream
 * passes the limit, before any parsing (SECURITY 24).
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The query as strings; the route's `repeatable` parameters (filters such as
 * ?state=active&state=stable) come as lists, even when given once.
 */
export function readQuery(c: Context, fields: FieldErrors, repeatable: readonly string[] = []): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [k, values] of Object.entries(c.req.queries())) {
    if (repeatable.includes(k)) {
      out[k] = values;
      continue;
    }
    if (values.length > 1) (fields[`query.${k}`] ??= []).push('Give this parameter once');
    out[k] = values[0] ?? '';
  }
  return out;
}

const tooLarge = () => new HttpError(413, 'payload_too_large', `The body is over ${MAX_BODY_BYTES} bytes`);

/** Reads at most `limit` bytes, refusing (413) by Content-Length up front or as soon as a stream passes the limit. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function readJsonBody(c: Context, fields: FieldErrors): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  const bytes = await readLimited(c.req.raw, MAX_BODY_BYTES);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    fields.body = ['The body is not valid JSON'];
    return undefined;
  }
}
