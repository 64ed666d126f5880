import {
  CustomVariableInputSchema,
  CustomVariableUpdateSchema,
  isSensitiveHeader,
  WebhookInputSchema,
  WebhookUpdateSchema,
  type CustomVariable,
  type CustomVariableInput,
  type CustomVariableUpdate,
  type Webhook,
  type WebhookInput,
  type WebhookUpdate,
} from '../../../contract/integrations';
import { isMasked } from '../../../contract/secrets';
import type { FieldErrors } from '../../../lib/field-errors';
import { fromSchema, type Validation } from './validation';

export type Encoding = 'json' | 'form';

export interface HeaderRow {
  /** For React only; never sent. */
  rowId: number;
  name: string;
  /** The value to send; undefined keeps the stored one (a masked secret, sent back as its mask). */
  value: string | undefined;
  /** How a stored secret value read back (`******abcd`); null when the value is shown as it is. */
  mask: string | null;
}

export interface WebhookDraft {
  name: string;
  url: string;
  encodeAs: Encoding;
  customHeaders: HeaderRow[];
  /** Empty: Datadog's default payload. */
  payload: string;
}

export const WEBHOOK_FIELDS = ['name', 'url', 'encodeAs', 'customHeaders', 'payload'] as const;

let nextRowId = 1;
/** A header row; a stored value that reads back masked is kept (never put in an input) until replaced. */
export function headerRow(name = '', stored = ''): HeaderRow {
  return isMasked(stored) ? { rowId: nextRowId++, name, value: undefined, mask: stored } : { rowId: nextRowId++, name, value: stored, mask: null };
}

/** A value whose header names a credential (Authorization, a token, an API key…) is typed like a password. */
export const isSecretRow = (row: HeaderRow): boolean => row.mask !== null || isSensitiveHeader(row.name.trim());

export const encodingOf = (value: string): Encoding => (value === 'form' ? 'form' : 'json');

export function webhookDraft(webhook?: Webhook): WebhookDraft {
  return {
    name: webhook?.name ?? '',
    url: webhook?.url ?? '',
    encodeAs: encodingOf(webhook?.encodeAs ?? 'json'),
    customHeaders: Object.entries(webhook?.customHeaders ?? {}).map(([name, value]) => headerRow(name, value)),
    payload: webhook?.payload ?? '',
  };
}

/** The rows as the record Datadog takes; rows left empty are dropped, and a kept secret goes back as its mask (= keep it). */
export function headersRecord(rows: readonly HeaderRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) {
    if (row.name.trim() === '' && row.value === '') continue;
    out[row.name.trim()] = row.value ?? row.mask ?? '';
  }
  return out;
}

/**
 * The rows' own checks: a header named twice would silently lose one value in
 * the record (said on the second row); a secret opened for replacing needs its
 * new value; and a mask typed in would mean "keep", so it is not a value.
 */
function headerRowErrors(rows: readonly HeaderRow[]): FieldErrors {
  const seen = new Set<string>();
  const out: FieldErrors = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) continue;
    const key = `customHeaders.${name}`;
    const folded = name.toLowerCase();
    if (seen.has(folded)) out[key] = 'This header is listed twice; keep one row';
    else if (row.mask !== null && row.value === '') out[key] = `Enter the new value of ${name}, or choose Keep current`;
    else if (row.value !== undefined && isMasked(row.value)) out[key] = `Enter the value of ${name} itself, not its mask`;
    seen.add(folded);
  }
  return out;
}

const payloadOrNull = (payload: string) => (payload.trim() === '' ? null : payload);

/**
 * The payload's own check (valid JSON when encoded as JSON) from the contract's
 * update schema: the create schema checks it only once every other field is valid.
 */
function payloadErrors(payload: string, encodeAs: Encoding): FieldErrors {
  const parsed = WebhookUpdateSchema.safeParse({ payload: payloadOrNull(payload), encodeAs });
  const v = fromSchema(parsed);
  return v.ok ? {} : v.errors;
}

export function validateNewWebhook(draft: WebhookDraft): Validation<WebhookInput> {
  const parsed = WebhookInputSchema.safeParse({
    name: draft.name,
    url: draft.url,
    encodeAs: draft.encodeAs,
    customHeaders: headersRecord(draft.customHeaders),
    payload: payloadOrNull(draft.payload),
  });
  return fromSchema(parsed, { ...payloadErrors(draft.payload, draft.encodeAs), ...headerRowErrors(draft.customHeaders) });
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ak = Object.keys(a);
  return ak.length === Object.keys(b).length && ak.every((k) => k in b && a[k] === b[k]);
}

/** An edit sends only what changed (PUT with the changed fields); an empty body means nothing did. */
export function validateWebhookChange(draft: WebhookDraft, stored: Webhook): Validation<WebhookUpdate> {
  const change: WebhookUpdate = {};
  if (draft.url !== stored.url) change.url = draft.url;
  if (draft.encodeAs !== encodingOf(stored.encodeAs)) change.encodeAs = draft.encodeAs;
  const headers = headersRecord(draft.customHeaders);
  if (!sameRecord(headers, stored.customHeaders)) change.customHeaders = headers;
  const payload = payloadOrNull(draft.payload);
  if (payload !== (stored.payload ?? null)) change.payload = payload;
  const parsed = WebhookUpdateSchema.safeParse(change);
  // The payload is checked even when unchanged: a new encoding may make it invalid.
  return fromSchema(parsed, { ...payloadErrors(draft.payload, draft.encodeAs), ...headerRowErrors(draft.customHeaders) });
}

// ---------- custom variables ----------

export interface VariableDraft {
  name: string;
  /** undefined: keep the stored secret value. */
  value: string | undefined;
  isSecret: boolean;
}

export function variableDraft(variable?: CustomVariable): VariableDraft {
  if (!variable) return { name: '', value: '', isSecret: false };
  return { name: variable.name, value: variable.isSecret ? undefined : (variable.value ?? ''), isSecret: variable.isSecret };
}

export function validateNewVariable(draft: VariableDraft): Validation<CustomVariableInput> {
  const parsed = CustomVariableInputSchema.safeParse({ name: draft.name, value: draft.value ?? '', isSecret: draft.isSecret });
  return fromSchema(parsed);
}

/** The value goes only when it changed (a kept secret sends none); an empty body means nothing did. */
export function validateVariableChange(draft: VariableDraft, stored: CustomVariable): Validation<CustomVariableUpdate> {
  const change: CustomVariableUpdate = {};
  if (draft.value !== undefined && (stored.isSecret || draft.value !== (stored.value ?? ''))) {
    if (draft.value === '') return { ok: false, errors: { value: stored.isSecret ? 'Enter the new value, or choose Keep current' : 'A value is required' } };
    change.value = draft.value;
  }
  if (draft.isSecret !== stored.isSecret) change.isSecret = draft.isSecret;
  if (stored.isSecret && !draft.isSecret && change.value === undefined) {
    return { ok: false, errors: { value: 'A secret becomes plain only with a new value: replace it' } };
  }
  const parsed = CustomVariableUpdateSchema.safeParse(change);
  return fromSchema(parsed);
}
