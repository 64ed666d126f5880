import type { z } from 'zod';
import { ATLAS_FIELDS, atlasInputSchema, clearableFields, isSecretKind, type AtlasType, type AtlasValues } from '../../contract/atlas';
import { isMasked } from '../../contract/secrets';
import { isPlainObject } from '../lib/json-body';
import { AtlasError, clip } from './atlas-http';

/**
 * The body of an integration create (POST) or update (PUT), checked with the
 * contract's atlasInputSchema. A 400 names the field in `detail` and in
 * `parameters`.
 */

function invalidAttribute(field: string, why: string): AtlasError {
  return new AtlasError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${clip(field)} specified: ${why}`, [clip(field)]);
}

function fieldNames(type: AtlasType): string {
  return ATLAS_FIELDS[type]
    .filter((s) => !s.responseOnly)
    .map((s) => s.name)
    .join(', ');
}

/** The first problem of a failed parse, as Atlas would name it. */
function issueError(type: AtlasType, body: Record<string, unknown>, issues: z.ZodError['issues']): AtlasError {
  const unknown = issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    const key = unknown.keys[0] ?? '';
    const spec = ATLAS_FIELDS[type].find((s) => s.name === key);
    if (spec?.responseOnly) return invalidAttribute(key, `${key} is read-only and cannot be changed.`);
    return invalidAttribute(key, `${type} has no such field (its fields: ${fieldNames(type)}).`);
  }
  const issue = issues[0]!;
  const field = String(issue.path[0] ?? '');
  if (field === 'clear') {
    return invalidAttribute('clear', `clear is a list of optional fields to remove (${type}: ${clearableFields(type).join(', ')}).`);
  }
  if (!Object.hasOwn(body, field)) {
    return new AtlasError(400, 'MISSING_ATTRIBUTE', `The required attribute ${field} was not specified.`, [field]);
  }
  return invalidAttribute(field, `${issue.message}.`);
}

/** The body as an object, without a `type` that repeats the path's (Atlas's v2 bodies carry it). */
function bodyFields(type: AtlasType, body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw new AtlasError(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  const { type: given, ...rest } = body;
  if (given !== undefined && given !== type) {
    throw invalidAttribute('type', `the body's type (${clip(String(given))}) differs from the type in the path (${type}).`);
  }
  return rest;
}

function parse(type: AtlasType, mode: 'create' | 'update', fields: Record<string, unknown>): Record<string, unknown> {
  const r = atlasInputSchema(type, mode).safeParse(fields);
  if (!r.success) throw issueError(type, fields, r.error.issues);
  return r.data as Record<string, unknown>;
}

/** The values to store for a new configuration: the given fields plus the defaults of omitted ones. */
export function parseCreateBody(type: AtlasType, body: unknown): AtlasValues {
  const data = parse(type, 'create', bodyFields(type, body));
  const values: AtlasValues = {};
  for (const spec of ATLAS_FIELDS[type]) {
    if (spec.responseOnly) continue;
    const v = data[spec.name];
    if (typeof v === 'string' || typeof v === 'boolean') values[spec.name] = v;
    else if (spec.default !== undefined) values[spec.name] = spec.default;
  }
  return values;
}

/**
 * A secret sent in an update must be a new value. The mask read back, or an
 * empty string, is refused: a client that echoes what it read must never
 * overwrite the secret with its mask.
 */
function refuseMaskedSecrets(type: AtlasType, fields: Record<string, unknown>): void {
  for (const spec of ATLAS_FIELDS[type]) {
    if (!isSecretKind(spec.kind) || !Object.hasOwn(fields, spec.name)) continue;
    const v = fields[spec.name];
    if (typeof v !== 'string') continue;
    if (isMasked(v)) {
      throw invalidAttribute(spec.name, `${spec.label} is the mask read back (******): send the new secret or omit the field to keep it.`);
    }
    if (v.trim() === '') {
      throw invalidAttribute(spec.name, `${spec.label} is empty: send the new secret or omit the field to keep it.`);
    }
  }
}

/**
 * The stored values after an update: an omitted field keeps its value
 * (byte-identical), a given one replaces it, and `clear` removes optional
 * fields: secrets, and texts such as SLACK channelName or VICTOR_OPS routingKey.
 */
export function parseUpdateBody(type: AtlasType, body: unknown, stored: AtlasValues): AtlasValues {
  const fields = bodyFields(type, body);
  refuseMaskedSecrets(type, fields);
  const data = parse(type, 'update', fields);
  const clear = new Set((data.clear as string[] | undefined) ?? []);
  const next: AtlasValues = { ...stored };
  for (const spec of ATLAS_FIELDS[type]) {
    if (spec.responseOnly) continue;
    const v = data[spec.name];
    if (clear.has(spec.name)) {
      if (v !== undefined) throw invalidAttribute(spec.name, `${spec.name} is both given and listed in clear.`);
      delete next[spec.name];
    } else if (typeof v === 'string' || typeof v === 'boolean') {
      next[spec.name] = v;
    }
  }
  return next;
}
