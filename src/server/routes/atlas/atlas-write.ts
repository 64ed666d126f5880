import { ATLAS_FIELDS, isSecretKind, redactAtlasValue, type AtlasFieldSpec, type AtlasType } from '../../../contract/atlas';
import { describeSecretChange, secretChange, type SecretChange } from '../../../contract/secrets';
import type { RawIntegration, RawIntegrationWrite } from '../../upstreams/atlas/schemas';

/**
 * What the BFF sends Atlas for a create or an update, and the one-line,
 * secret-free audit detail that describes it.
 *
 * Atlas's PUT takes the whole configuration, and secrets are write-only
 * (SECURITY.md 3), so an update is planned against the current configuration:
 * - a secret that is kept (omitted, empty, or its mask sent back) is left out
 *   of the body: Atlas keeps an omitted field byte-identical, and a mask must
 *   never travel upstream;
 * - a new secret is sent;
 * - any other field is the value given, else the current one;
 * - an optional field named in `clear` (a secret, or a text such as SLACK's
 *   channelName) is left out and goes in `clear`.
 * The audit detail names fields; a secret appears at most as its mask.
 */
export interface PlannedWrite {
  body: RawIntegrationWrite;
  /** "serviceKey rotated (now ******7890); region US → EU", or "no changes". */
  detail: string;
}

export type AtlasInputValues = Record<string, unknown>;

const MAX_SHOWN = 60;

/** A non-secret value for the audit line: short, quoted only when it needs to be. */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  const text = String(value);
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return /^[\w.:/@-]+$/.test(cut) ? cut : JSON.stringify(cut);
}

/** Describes a secret change by the mask its kind reads back with (a fully masked kind shows none of it). */
const describeSecret = (spec: AtlasFieldSpec, change: SecretChange, hadValue: boolean): string | null =>
  describeSecretChange(spec.name, change, hadValue, (value) => redactAtlasValue(spec, value));

const writable = (type: AtlasType) => ATLAS_FIELDS[type].filter((spec) => !spec.responseOnly);
const plain = (value: unknown): string | boolean | undefined =>
  typeof value === 'string' || typeof value === 'boolean' ? value : undefined;

export function planCreate(type: AtlasType, input: AtlasInputValues): PlannedWrite {
  const body: RawIntegrationWrite = { type };
  const notes: string[] = [];
  for (const spec of writable(type)) {
    const value = plain(input[spec.name]);
    if (value === undefined) continue;
    body[spec.name] = value;
    if (isSecretKind(spec.kind)) {
      const note = describeSecret(spec, secretChange(String(value), false), false);
      if (note) notes.push(note);
    } else {
      notes.push(`${spec.name}=${show(value)}`);
    }
  }
  return { body, detail: notes.join('; ') || 'no fields' };
}

export function planUpdate(type: AtlasType, input: AtlasInputValues, current: RawIntegration): PlannedWrite {
  const stored = current as Record<string, unknown>;
  const clear = new Set(Array.isArray(input.clear) ? (input.clear as string[]) : []);
  const body: RawIntegrationWrite = { type };
  const cleared: string[] = [];
  const notes: string[] = [];
  for (const spec of writable(type)) {
    const given = plain(input[spec.name]);
    if (isSecretKind(spec.kind)) {
      const change = secretChange(typeof given === 'string' ? given : undefined, clear.has(spec.name));
      if (change.kind === 'set') body[spec.name] = change.value;
      if (change.kind === 'clear') cleared.push(spec.name);
      const had = typeof stored[spec.name] === 'string' && stored[spec.name] !== '';
      const note = describeSecret(spec, change, had);
      if (note) notes.push(note);
      continue;
    }
    const before = plain(stored[spec.name]);
    if (clear.has(spec.name)) {
      // An optional text removed: left out of the body and named in `clear`.
      cleared.push(spec.name);
      if (before !== undefined && before !== '') notes.push(`${spec.name} ${show(before)} → (none)`);
      continue;
    }
    const after = given ?? before;
    if (after !== undefined) body[spec.name] = after;
    if (given !== undefined && given !== before) notes.push(`${spec.name} ${show(before)} → ${show(given)}`);
  }
  if (cleared.length > 0) body.clear = cleared;
  return { body, detail: notes.join('; ') || 'no changes' };
}

/** The secret values a write sends, to scrub out of anything Atlas says back. */
export function secretValues(type: AtlasType, body: RawIntegrationWrite): string[] {
  return writable(type)
    .filter((spec) => isSecretKind(spec.kind))
    .map((spec) => body[spec.name])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

/** What the configuration looks like after a write, for when Atlas's answer does not include it. */
export function afterWrite(type: AtlasType, body: RawIntegrationWrite, current: RawIntegration | null): RawIntegration {
  const next: Record<string, unknown> = { ...(current ?? {}), type };
  for (const spec of writable(type)) {
    if (body[spec.name] !== undefined) next[spec.name] = body[spec.name];
    if (body.clear?.includes(spec.name)) delete next[spec.name];
  }
  return next as RawIntegration;
}
