import { CUSTOM_VARIABLE_NAME_PATTERN } from '../../contract/webhook-template';
import { WEBHOOK_NAME_PATTERN } from '../../contract/integrations';
import type { WebhookEncoding } from '../store/integrations-rows';
import { badRequest } from './errors';
import { boolean, customHeaders, httpUrl, objectBody, onlyKeys, secretText } from './integration-fields';
import { notOfType, notOneOf, repr, required } from './schema-messages';

export const WEBHOOK_ENCODINGS = ['json', 'form'] as const;
const WEBHOOK_KEYS = ['name', 'url', 'payload', 'custom_headers', 'encode_as'];

export function webhookName(v: unknown, field = 'name'): string {
  if (v === undefined || v === null) required(field);
  if (typeof v !== 'string') notOfType(v, 'string');
  if (!WEBHOOK_NAME_PATTERN.test(v)) {
    throw badRequest(`Invalid ${field} ${repr(v)}: a webhook name is 1-100 letters, digits, '_' or '-', starting with a letter or digit`);
  }
  return v;
}

export function encodeAs(v: unknown): WebhookEncoding {
  if (typeof v !== 'string' || !(WEBHOOK_ENCODINGS as readonly string[]).includes(v)) notOneOf(v, WEBHOOK_ENCODINGS);
  return v as WebhookEncoding;
}

/** A payload template: text, or null for Datadog's default. */
export function payloadTemplate(v: unknown, field = 'payload'): string | null {
  if (v === null) return null;
  if (typeof v !== 'string') notOfType(v, 'string');
  if (v.length > 10_000) throw badRequest(`Invalid ${field}: at most 10000 characters`);
  return v;
}

/** The writable webhook fields; a key is present only when the body had it. */
export interface WebhookInput {
  name?: string;
  url?: string;
  payload?: string | null;
  custom_headers?: string | null;
  encode_as?: WebhookEncoding;
}

/** POST and PUT bodies of .../webhooks; create needs name and url. */
export function parseWebhookBody(body: unknown, mode: 'create' | 'update'): WebhookInput {
  const b = objectBody(body);
  onlyKeys(b, WEBHOOK_KEYS);
  if (mode === 'create') {
    if (b.name === undefined || b.name === null) required('name');
    if (b.url === undefined || b.url === null) required('url');
  }
  const out: WebhookInput = {};
  if (b.name !== undefined && b.name !== null) out.name = webhookName(b.name);
  if (b.url !== undefined && b.url !== null) out.url = httpUrl(b.url, 'url');
  if (b.payload !== undefined) out.payload = payloadTemplate(b.payload);
  if (b.custom_headers !== undefined) out.custom_headers = customHeaders(b.custom_headers);
  if (b.encode_as !== undefined && b.encode_as !== null) out.encode_as = encodeAs(b.encode_as);
  return out;
}

export function customVariableName(v: unknown, field = 'name'): string {
  if (v === undefined || v === null) required(field);
  if (typeof v !== 'string') notOfType(v, 'string');
  if (!CUSTOM_VARIABLE_NAME_PATTERN.test(v) || v.length > 100) {
    throw badRequest(`Invalid ${field} ${repr(v)}: upper-case letters, digits and '_', starting with a letter`);
  }
  return v;
}

/** A variable's value may be a secret: its messages never quote it. */
function variableValue(v: unknown): string {
  const value = secretText(v, 'value');
  if (value.length > 5000) throw badRequest('Invalid value: at most 5000 characters');
  return value;
}

export interface CustomVariableInput {
  name?: string;
  value?: string;
  is_secret?: boolean;
}

/** POST and PUT bodies of .../custom-variables; create needs all three fields, as the spec says. */
export function parseCustomVariableBody(body: unknown, mode: 'create' | 'update'): CustomVariableInput {
  const b = objectBody(body);
  onlyKeys(b, ['name', 'value', 'is_secret']);
  if (mode === 'create') for (const key of ['name', 'value', 'is_secret']) if (b[key] === undefined || b[key] === null) required(key);
  const out: CustomVariableInput = {};
  if (b.name !== undefined && b.name !== null) out.name = customVariableName(b.name);
  if (b.value !== undefined && b.value !== null) out.value = variableValue(b.value);
  if (b.is_secret !== undefined && b.is_secret !== null) out.is_secret = boolean(b.is_secret);
  return out;
}
