import { SECRET_MASK } from '../../contract/secrets';
import { DEFAULT_WEBHOOK_PAYLOAD, renderWebhookPayload, WEBHOOK_SAMPLE_VALUES } from '../../contract/webhook-template';
import type { CustomVariableRow, WebhookRow } from '../store/integrations-rows';
import { headerEntries } from './integration-fields';
import { isPlainObject } from './json-body';
import type { WebhookDeliveryRequest } from './webhook-delivery';

/**
 * Builds the HTTP request a webhook sends: its payload rendered with the
 * sample event values and the custom variables (secret ones included), its
 * custom headers (variables substituted too) and the content type of its
 * encoding. `sent` is the same body with every secret value shown as `******`.
 */
export interface RenderedWebhook {
  request: WebhookDeliveryRequest;
  /** The body as sent, secrets masked: safe to show. */
  sent: string;
  /** Secret values, to scrub from anything echoed back (the receiver's answer, an error). */
  secrets: string[];
}

const CONTENT_TYPES = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;
/** Shorter secrets are not scrubbed from free text (they would match everywhere); they are still never rendered into `sent`. */
const MIN_SCRUB_LENGTH = 4;

/** form encoding: a JSON-object template is sent as its top-level fields, URL-encoded; any other template as rendered. */
function formBody(template: string, values: Record<string, string>): string {
  try {
    const parsed: unknown = JSON.parse(renderWebhookPayload(template, values, 'json'));
    if (isPlainObject(parsed)) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(parsed)) params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
      return params.toString();
    }
  } catch {
    // not JSON: send the template as rendered
  }
  return renderWebhookPayload(template, values, 'form');
}

function body(w: WebhookRow, values: Record<string, string>): string {
  const template = w.payload ?? DEFAULT_WEBHOOK_PAYLOAD;
  return w.encode_as === 'form' ? formBody(template, values) : renderWebhookPayload(template, values, 'json');
}

/** Replaces every secret (raw, JSON-escaped and URL-encoded) in free text with the mask. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  const longestFirst = secrets.filter((s) => s.length >= MIN_SCRUB_LENGTH).sort((a, b) => b.length - a.length);
  for (const s of longestFirst) {
    const forms = new Set([s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), new URLSearchParams({ x: s }).toString().slice(2)]);
    for (const f of forms) out = out.split(f).join(SECRET_MASK);
  }
  return out;
}

/**
 * `eventValues` are Datadog's own variables: the samples for a test delivery,
 * a real event's values for a monitor notification.
 */
export function renderWebhookRequest(
  w: WebhookRow,
  variables: readonly CustomVariableRow[],
  eventValues: Readonly<Record<string, string>> = WEBHOOK_SAMPLE_VALUES,
): RenderedWebhook {
  // Datadog's own variables win over a custom variable of the same name.
  const values: Record<string, string> = { ...Object.fromEntries(variables.map((v) => [v.name, v.value])), ...eventValues };
  const masked: Record<string, string> = {
    ...Object.fromEntries(variables.map((v) => [v.name, v.is_secret ? SECRET_MASK : v.value])),
    ...eventValues,
  };
  const secrets = variables.filter((v) => v.is_secret).map((v) => v.value);
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[w.encode_as] };
  for (const [name, value] of Object.entries(headerEntries(w.custom_headers))) {
    if (name.toLowerCase() === 'content-type') delete headers['content-type'];
    headers[name] = renderWebhookPayload(value, values, 'form');
  }
  return {
    request: { url: renderWebhookPayload(w.url, values, 'form'), headers, body: body(w, values) },
    sent: scrubSecrets(body(w, masked), secrets),
    secrets,
  };
}
