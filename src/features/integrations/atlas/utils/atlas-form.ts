import {
  ATLAS_FIELDS,
  atlasInputSchema,
  isClearableField,
  isSecretKind,
  type AtlasFieldSpec,
  type AtlasInput,
  type AtlasIntegration,
  type AtlasType,
} from '../../../../contract/atlas';
import type { FieldErrors } from '../../../../lib/field-errors';
import { fromSchema, type Validation } from '../../utils/validation';

export type AtlasMode = 'create' | 'update';

/** What the read-back holds: field name to value, secrets masked, null when unset. */
export type StoredValues = AtlasIntegration['values'];

/**
 * What the form holds, per field: a string (text, enum, or a secret being typed),
 * a boolean (switches), or undefined (a stored secret that is kept). `clear`
 * names optional secrets the user removed (an emptied optional text is removed
 * too, without being listed here).
 */
export interface AtlasDraft {
  values: Record<string, string | boolean | undefined>;
  clear: string[];
}

/** The fields a person fills in (response-only ones, like Prometheus's scheme, are shown but not sent). */
export function editableFields(type: AtlasType): readonly AtlasFieldSpec[] {
  return ATLAS_FIELDS[type].filter((f) => !f.responseOnly);
}

export function storedString(stored: StoredValues | null, name: string): string {
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

/** Update only: an optional text that had a value and was emptied, which the update removes (`clear`) rather than send empty. */
export function isEmptiedText(spec: AtlasFieldSpec, draft: AtlasDraft, stored: StoredValues | null): boolean {
  return spec.kind === 'text' && isClearableField(spec) && storedString(stored, spec.name).trim() !== '' && draftString(draft, spec.name).trim() === '';
}

/**
 * The request body. Create: every required field (so the schema names what is
 * missing), and optional ones that were filled in. Update: only what changed,
 * the secrets that were replaced, and what was removed (`clear`): optional
 * secrets the user removed and optional texts the user emptied.
 */
export function buildAtlasBody(type: AtlasType, mode: AtlasMode, draft: AtlasDraft, stored: StoredValues | null): AtlasInput {
  const body: AtlasInput = {};
  const clear = mode === 'update' ? [...draft.clear] : [];
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
    } else if (isEmptiedText(spec, draft, stored)) {
      if (!clear.includes(name)) clear.push(name);
    } else if (v.trim() !== storedString(stored, name).trim()) {
      body[name] = v;
    }
  }
  if (clear.length > 0) body.clear = clear;
  return body;
}

/** A checked draft: the body as the shared schema parsed it (trimmed), and whether it changes anything. */
export interface AtlasSave {
  body: AtlasInput;
  /** Update only: no field changed, no secret replaced, nothing removed. */
  unchanged: boolean;
}

/**
 * Checks the draft with the contract's own schema (atlasInputSchema), plus the
 * rule the form adds: a secret opened for replacing needs its new value.
 */
export function checkAtlasDraft(type: AtlasType, mode: AtlasMode, draft: AtlasDraft, stored: StoredValues | null): Validation<AtlasSave> {
  const body = buildAtlasBody(type, mode, draft, stored);
  const errors: FieldErrors = {};
  if (mode === 'update') {
    for (const spec of editableFields(type)) {
      const v = body[spec.name];
      if (isSecretKind(spec.kind) && typeof v === 'string' && v.trim() === '') errors[spec.name] = `Enter the new ${spec.label}, or choose Keep current`;
    }
  }
  const checked = fromSchema(atlasInputSchema(type, mode).safeParse(body), errors);
  if (!checked.ok) return checked;
  return { ok: true, data: { body: checked.data as AtlasInput, unchanged: mode === 'update' && Object.keys(body).length === 0 } };
}

/** How a stored value reads in a card: masks as they are, switches as Yes/No, unset as null. */
export function displayValue(value: string | boolean | null | undefined): string | null {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (value === null || value === undefined || value === '') return null;
  return value;
}
