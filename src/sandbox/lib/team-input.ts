import { TEAM_HANDLE_PATTERN } from '../../contract/teams';
import { additionalPropertyMessage, badRequest } from './errors';
import { isPlainObject } from './json-body';
import { notOfType, notOneOf, repr, required } from './schema-messages';

export const MAX_TEAM_NAME = 200;

/** Parsed team attributes; a key is present only when the body had it. */
export interface TeamInput {
  name?: string;
  handle?: string;
  summary?: string | null;
  description?: string | null;
  avatar?: string | null;
  banner?: number | null;
  visible_modules?: string[] | null;
  hidden_modules?: string[] | null;
  /** relationships.users on create: user ids (UUIDs). */
  users?: string[];
}

const ATTRIBUTES = new Set(['name', 'handle', 'summary', 'description', 'avatar', 'banner', 'visible_modules', 'hidden_modules']);

function nullableString(v: unknown): string | null {
  if (v !== null && typeof v !== 'string') notOfType(v, 'string');
  return v as string | null;
}

function modules(v: unknown): string[] | null {
  if (v === null) return null;
  if (!Array.isArray(v)) notOfType(v, 'array');
  for (const m of v) if (typeof m !== 'string') notOfType(m, 'string');
  return v as string[];
}

export function parseTeamName(v: unknown): string {
  if (typeof v !== 'string') notOfType(v, 'string');
  const name = v.trim();
  if (name === '') throw badRequest(`${repr(v)} is too short`);
  if (name.length > MAX_TEAM_NAME) throw badRequest(`${repr(v)} is too long`);
  return name;
}

function handle(v: unknown): string {
  if (typeof v !== 'string') notOfType(v, 'string');
  const h = v.trim();
  if (!TEAM_HANDLE_PATTERN.test(h)) {
    throw badRequest(`Invalid handle ${repr(v)}: use lower-case letters, digits, '-' and '_', starting with a letter or digit`);
  }
  return h;
}

function users(relationships: unknown): string[] {
  if (!isPlainObject(relationships)) notOfType(relationships, 'object');
  for (const key of Object.keys(relationships)) if (key !== 'users') throw badRequest(additionalPropertyMessage(key));
  if (relationships.users === undefined) return [];
  const rel = relationships.users;
  if (!isPlainObject(rel)) notOfType(rel, 'object');
  const data = rel.data ?? [];
  if (!Array.isArray(data)) notOfType(data, 'array');
  return data.map((d) => {
    if (!isPlainObject(d)) notOfType(d, 'object');
    if (d.type !== 'users') notOneOf(d.type, ['users']);
    if (typeof d.id !== 'string') notOfType(d.id, 'string');
    return d.id;
  });
}

/** Unwraps and validates {data:{type:"team", attributes, relationships?}}; create needs name and handle. */
export function parseTeamBody(body: unknown, mode: 'create' | 'update'): TeamInput {
  if (!isPlainObject(body)) notOfType(body, 'object');
  for (const key of Object.keys(body)) if (key !== 'data') throw badRequest(additionalPropertyMessage(key));
  const data = body.data;
  if (data === undefined) required('data');
  if (!isPlainObject(data)) notOfType(data, 'object');
  const allowedData = mode === 'create' ? ['type', 'attributes', 'relationships'] : ['type', 'attributes', 'id'];
  for (const key of Object.keys(data)) if (!allowedData.includes(key)) throw badRequest(additionalPropertyMessage(key));
  if (data.type === undefined) required('type');
  if (data.type !== 'team') notOneOf(data.type, ['team']);
  if (data.attributes === undefined) required('attributes');
  const a = data.attributes;
  if (!isPlainObject(a)) notOfType(a, 'object');
  for (const key of Object.keys(a)) if (!ATTRIBUTES.has(key)) throw badRequest(additionalPropertyMessage(key));
  if (mode === 'create') {
    if (a.handle === undefined) required('handle');
    if (a.name === undefined) required('name');
  }
  const out: TeamInput = {};
  if (a.name !== undefined) out.name = parseTeamName(a.name);
  if (a.handle !== undefined) out.handle = handle(a.handle);
  for (const key of ['summary', 'description', 'avatar'] as const) if (a[key] !== undefined) out[key] = nullableString(a[key]);
  if (a.banner !== undefined) {
    if (a.banner !== null && (typeof a.banner !== 'number' || !Number.isInteger(a.banner))) notOfType(a.banner, 'integer');
    out.banner = a.banner as number | null;
  }
  if (a.visible_modules !== undefined) out.visible_modules = modules(a.visible_modules);
  if (a.hidden_modules !== undefined) out.hidden_modules = modules(a.hidden_modules);
  if (data.relationships !== undefined) out.users = users(data.relationships);
  return out;
}
