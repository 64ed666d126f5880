import {
  ATLAS_FIELDS,
  atlasInputSchema,
  isSecretKind,
  type AtlasFieldSpec,
  type AtlasInput,
  type AtlasIntegration,
  type AtlasType,
} from '../../../../contract/atlas';
import { zodFieldErrors, type FieldErrors } from '../../../../lib/field-errors';

export type AtlasMode = 'create' | 'update';

/** What the read-back holds: field name to value, secrets masked, null when unset. */
export type StoredValues = AtlasIntegration['values'];

/**
 * What the form holds, per field: a string (text, enum, or a secret being typed),
 * a boolean (switches), or undefined (a stored secret that is kept). `clear`
 * names optional secrets the user removed.
 */
export interface AtlasDraft {
  values: Record<string, string | boolean | undefined>;
  clear: string[];
}

/** The fields a person fills in (response-only ones, like Prometheus's scheme, are shown but not sent). */
export function editableFields(type: AtlasType): readonly AtlasFieldSpec[] {
  return ATLAS_FIELDS[type].filter((f) => !f.responseOnly);
}

/** An optional secret can be removed on update (it goes in `clear`). */
export function isClearable(spec: AtlasFieldSpec): boolean {
  return !spec.required && isSecretKind(spec.kind);
}

function storedString(stored: StoredValues | null, name: string): string {
  const v = stored?.[name];
  return typeof v === 'string' ? v : '';
}

/** The mask of a stored secret, or null when none is stored. */
export function storedMask(stored: StoredValues | null, name: string): string | null {
  const v = stored?.[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * A new integration starts empty (enums at their default, switches off); an
 * existing one starts from what is stored, with every secret kept.
 */
export function initialDraft(type: AtlasType, stored: StoredValues | null): AtlasDraft {
  const values: AtlasDraft['values'] = {};
  for (const spec of editableFields(type)) {
    if (stored === null) {
      if (spec.kind === 'boolean') values[spec.name] = spec.default === true;
      else if (spec.kind === 'enum') values[spec.name] = typeof spec.default === 'string' ? spec.default : '';
      else values[spec.name] = '';
    } else if (spec.kind === 'boolean') {
      values[spec.name] = stored[spec.name] === true;
    } else if (isSecretKind(spec.kind)) {
      values[spec.name] = undefined;
    } else {
      values[spec.name] = storedString(stored, spec.name);
    }
  }
  return { values, clear: [] };
}

function draftString(draft: AtlasDraft, name: string): string {
  const v = draft.values[name];
  return typeof v === 'string' ? v : '';
}

/**
 * The request body. Create: every required field (so the schema names what is
 * missing), and optional ones that were filled in. Update: only what changed,
 * the secrets that were replaced, and the secrets removed (`clear`).
 */
export function buildAtlasBody(type: AtlasType, mode: AtlasMode, draft: AtlasDraft, stored: StoredValues | null): AtlasInput {
  const body: AtlasInput = {};
  for (const spec of editableFields(type)) {
    const { name } = spec;
    if (spec.kind === 'boolean') {
      const on = draft.values[name] === true;
      if (mode === 'create' || on !== (stored?.[name] === true)) body[name] = on;
      continue;
    }
    if (isSecretKind(spec.kind)) {
      if (mode === 'update') {
        if (draft.clear.includes(name)) continue;
        const v = draft.values[name];
        // Kept (undefined) sends nothing. With nothing stored, an empty input means "still not set".
        if (typeof v === 'string' && (v !== '' || storedMask(stored, name) !== null)) body[name] = v;
      } else {
        const v = draftString(draft, name);
        if (spec.required || v.trim() !== '') body[name] = v;
      }
      continue;
    }
    const v = draftString(draft, name);
    if (mode === 'create') {
      if (spec.required || v.trim() !== '') body[name] = v;
    } else if (v.trim() !== storedString(stored, name).trim()) {
      body[name] = v;
    }
  }
  if (mode === 'update' && draft.clear.length > 0) body.clear = [...draft.clear];
  return body;
}

export interface AtlasCheck {
  /** The body to send, as the shared schema parsed it (trimmed); null when a field is wrong. */
  body: AtlasInput | null;
  errors: FieldErrors;
  /** Update only: no field changed, no secret replaced or removed. */
  unchanged: boolean;
}

/**
 * Checks the draft with the contract's own schema (atlasInputSchema), plus two
 * rules the form adds: a secret opened for replacing needs its new value, and an
 * optional text that is set cannot be emptied by an update (the schema has no
 * way to say "remove it").
 */
export function checkAtlasDraft(type: AtlasType, mode: AtlasMode, draft: AtlasDraft, stored: StoredValues | null): AtlasCheck {
  const body = buildAtlasBody(type, mode, draft, stored);
  const errors: FieldErrors = {};
  if (mode === 'update') {
    for (const spec of editableFields(type)) {
      const v = body[spec.name];
      if (isSecretKind(spec.kind) && typeof v === 'string' && v.trim() === '') {
        errors[spec.name] = `Enter the new ${spec.label}, or choose Keep current`;
      } else if (!spec.required && spec.kind === 'text' && typeof v === 'string' && v.trim() === '') {
        errors[spec.name] = `${spec.label} can't be emptied once set: enter a value, or delete this integration and configure it again`;
      }
    }
  }
  const parsed = atlasInputSchema(type, mode).safeParse(body);
  if (!parsed.success) {
    for (const [key, message] of Object.entries(zodFieldErrors(parsed.error))) errors[key] ??= message;
  }
  const failed = Object.keys(errors).length > 0;
  return {
    body: failed || !parsed.success ? null : (parsed.data as AtlasInput),
    errors,
    unchanged: mode === 'update' && Object.keys(body).length === 0,
  };
}

/** How a stored value reads in a card: masks as they are, switches as Yes/No, unset as null. */
export function displayValue(value: string | boolean | null | undefined): string | null {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (value === null || value === undefined || value === '') return null;
  return value;
}
