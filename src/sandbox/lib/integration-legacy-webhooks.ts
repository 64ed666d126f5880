import type { WebhookEncoding, WebhookRow } from '../store/integrations-rows';
import { badRequest } from './errors';
import type { IntegrationDeps } from './integration-context';
import { booleanish, customHeaders, httpUrl, objectBody, objectList, onlyKeys } from './integration-fields';
import { encodeAs, payloadTemplate, webhookName } from './integration-webhook-input';
import { required } from './schema-messages';

/**
 * The 2018 body of /api/v1/integration/webhooks:
 * `{hooks:[{name, url, use_custom_payload, custom_payload, encode_as | encode_as_form, headers}]}`.
 * Its hooks are the rows of /api/v1/integration/webhooks/configuration/webhooks.
 */

interface HookInput {
  name: string;
  url?: string;
  use_custom_payload?: boolean;
  custom_payload?: string | null;
  encode_as?: WebhookEncoding;
  headers?: string | null;
}

export interface LegacyWebhooksInput {
  hooks: HookInput[];
}

const HOOK_KEYS = ['name', 'url', 'use_custom_payload', 'custom_payload', 'encode_as', 'encode_as_form', 'headers'];

function parseHook(h: Record<string, unknown>): HookInput {
  onlyKeys(h, HOOK_KEYS);
  const out: HookInput = { name: webhookName(h.name) };
  if (h.url !== undefined && h.url !== null) out.url = httpUrl(h.url, 'url');
  if (h.use_custom_payload !== undefined && h.use_custom_payload !== null) out.use_custom_payload = booleanish(h.use_custom_payload);
  if (h.custom_payload !== undefined) out.custom_payload = payloadTemplate(h.custom_payload, 'custom_payload');
  if (h.encode_as !== undefined && h.encode_as !== null) out.encode_as = encodeAs(h.encode_as);
  else if (h.encode_as_form !== undefined && h.encode_as_form !== null) out.encode_as = booleanish(h.encode_as_form) ? 'form' : 'json';
  if (h.headers !== undefined) out.headers = customHeaders(h.headers, 'headers');
  return out;
}

export function parseLegacyWebhooks(body: unknown): LegacyWebhooksInput {
  const b = objectBody(body);
  onlyKeys(b, ['hooks', 'run_check']);
  if (b.hooks === undefined || b.hooks === null) required('hooks');
  return { hooks: objectList(b.hooks).map(parseHook) };
}

/** use_custom_payload=false means the default payload; true needs a custom_payload (or keeps the stored one). */
function resolvePayload(h: HookInput, current: string | null): string | null {
  if (h.use_custom_payload === false) return null;
  const custom = typeof h.custom_payload === 'string' && h.custom_payload !== '' ? h.custom_payload : null;
  if (custom !== null) return custom;
  if (h.use_custom_payload === true && current === null) {
    throw badRequest(`Invalid hook '${h.name}': custom_payload is required when use_custom_payload is true`);
  }
  return current;
}

/**
 * POST adds (hooks are upserted; a listed existing hook keeps what the entry
 * leaves out); PUT replaces the list (hooks it does not list are removed, a
 * listed one is rewritten from its entry alone). One transaction.
 */
export function applyLegacyWebhooks(deps: IntegrationDeps, input: LegacyWebhooksInput, mode: 'add' | 'replace'): void {
  const { webhooks } = deps;
  deps.db.transaction(() => {
    const now = deps.nowUs();
    const listed = new Set(input.hooks.map((h) => h.name));
    if (mode === 'replace') for (const w of webhooks.list()) if (!listed.has(w.name)) webhooks.delete(w.name);
    for (const h of input.hooks) {
      const existing = webhooks.get(h.name);
      const base = mode === 'add' ? existing : undefined;
      const url = h.url ?? base?.url;
      if (url === undefined) throw badRequest(`Invalid hook '${h.name}': 'url' is a required property`);
      const row: WebhookRow = {
        name: h.name,
        url,
        payload: resolvePayload(h, base?.payload ?? null),
        custom_headers: h.headers !== undefined ? h.headers : (base?.custom_headers ?? null),
        encode_as: h.encode_as ?? base?.encode_as ?? 'json',
        created_us: existing?.created_us ?? now,
        modified_us: now,
      };
      if (existing) webhooks.update(existing.name, row);
      else webhooks.insert(row);
    }
  })();
}
