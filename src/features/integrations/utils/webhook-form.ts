import {
  CustomVariableInputSchema,
  CustomVariableUpdateSchema,
  WebhookInputSchema,
  WebhookUpdateSchema,
  type CustomVariable,
  type CustomVariableInput,
  type CustomVariableUpdate,
  type Webhook,
  type WebhookInput,
  type WebhookUpdate,
} from '../../../contract/integrations';
import type { Validation } from '../hooks/use-draft-form';
import { schemaErrors, type PathErrors } from './form-errors';

export type Encoding = 'json' | 'form';

export interface HeaderRow {
  /** For React only; never sent. */
  rowId: number;
  name: string;
  value: string;
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
export function headerRow(name = '', value = ''): HeaderRow {
  return { rowId: nextRowId++, name, value };
}

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

/** The rows as the record Datadog takes; rows left empty are dropped. */
export function headersRecord(rows: readonly HeaderRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) {
    if (row.name.trim() === '' && row.value === '') continue;
    out[row.name.trim()] = row.value;
  }
  return out;
}

/** A header named twice would silently lose one value in the record: say so on the second row. */
function duplicateHeaders(rows: readonly HeaderRow[]): PathErrors {
  const seen = new Set<string>();
  const out: PathErrors = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) continue;
    const folded = name.toLowerCase();
    if (seen.has(folded)) out[`customHeaders.${name}`] = 'This header is listed twice; keep one row';
    seen.add(folded);
  }
  return out;
}

const payloadOrNull = (payload: string) => (payload.trim() === '' ? null : payload);

/**
 * The payload's own check (valid JSON when encoded as JSON) from the contract's
 * update schema: the create schema checks it only once every other field is valid.
 */
function payloadErrors(payload: string, encodeAs: Encoding): PathErrors {
  const parsed = WebhookUpdateSchema.safeParse({ payload: payloadOrNull(payload), encodeAs });
  return parsed.success ? {} : schemaErrors(parsed.error);
}

function withExtra<T>(parsed: { success: true; data: T } | { success: false; error: Parameters<typeof schemaErrors>[0] }, extra: PathErrors): Validation<T> {
  const errors: PathErrors = { ...extra, ...(parsed.success ? {} : schemaErrors(parsed.error)) };
  return Object.keys(errors).length === 0 && parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors };
}

export function validateNewWebhook(draft: WebhookDraft): Validation<WebhookInput> {
  const parsed = WebhookInputSchema.safeParse({
    name: draft.name,
    url: draft.url,
    encodeAs: draft.encodeAs,
    customHeaders: headersRecord(draft.customHeaders),
    payload: payloadOrNull(draft.payload),
  });
  return withExtra(parsed, { ...payloadErrors(draft.payload, draft.encodeAs), ...duplicateHeaders(draft.customHeaders) });
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
  return withExtra(parsed, { ...payloadErrors(draft.payload, draft.encodeAs), ...duplicateHeaders(draft.customHeaders) });
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
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: schemaErrors(parsed.error) };
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
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: schemaErrors(parsed.error) };
}
