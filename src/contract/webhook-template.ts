/**
 * Datadog webhook payload templates: `$VARIABLE` tokens replaced at send time.
 * The default payload is the one Datadog fills in (webhooks.create.response.json).
 * Shared by the SPA's preview, the BFF's validation and the local Datadog's
 * delivery, so all three render a template the same way.
 */
export const DEFAULT_WEBHOOK_PAYLOAD =
  '{"body": "$EVENT_MSG", "last_updated": "$LAST_UPDATED", "event_type": "$EVENT_TYPE", "title": "$EVENT_TITLE", "date": "$DATE", "org": {"id": "$ORG_ID", "name": "$ORG_NAME"}, "id": "$ID"}';

/** The variables Datadog documents for webhook payloads, with the sample a preview uses. */
export const WEBHOOK_SAMPLE_VALUES: Readonly<Record<string, string>> = {
  ID: '7364563784634628917',
  EVENT_TITLE: '[Triggered on {host:web-2}] Checkout latency is high',
  EVENT_MSG: 'p95 latency on web-2 is 2.3 s (threshold 1.5 s). @webhook-example',
  TEXT_ONLY_MSG: 'p95 latency on web-2 is 2.3 s (threshold 1.5 s).',
  EVENT_TYPE: 'metric_alert_monitor',
  LAST_UPDATED: '1764000000000',
  DATE: '1764000000000',
  ALERT_ID: '1000012',
  ALERT_TITLE: '[Triggered on {host:web-2}] Checkout latency is high',
  ALERT_STATUS: 'system.load.1 over host:web-2 was > 2.0 on average during the last 5m.',
  ALERT_TRANSITION: 'Triggered',
  ALERT_TYPE: 'error',
  ALERT_METRIC: 'trace.http.request.duration',
  ALERT_QUERY: 'avg(last_5m):p95:trace.http.request.duration{env:prod} by {host} > 1.5',
  ALERT_SCOPE: 'env:prod,host:web-2',
  ALERT_PRIORITY: 'P2',
  ALERT_CYCLE_KEY: '7364563784634628917',
  AGGREG_KEY: '9bd4ac313a4d1e8fb0ab3e4b4e2e5bb1',
  HOSTNAME: 'web-2',
  ORG_ID: '321813',
  ORG_NAME: 'Demo Org',
  PRIORITY: 'normal',
  USER: 'Ana Alvarez',
  USERNAME: 'ana.alvarez@example.com',
  EMAIL: 'ana.alvarez@example.com',
  LINK: 'https://app.datadoghq.com/monitors/1000012',
  SNAPSHOT: 'https://p.datadoghq.com/snapshot/view/dd-snapshots-prod/org_321813/2026-11-24/sample.png',
  TAGS: 'env:prod,host:web-2,team:checkout',
  LOGS_SAMPLE: '',
};

/** `$NAME` where NAME is upper case letters, digits and underscores (Datadog's rule for custom variables too). */
const TOKEN = /\$([A-Z][A-Z0-9_]*)/g;

export const CUSTOM_VARIABLE_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;

/** Escapes a value for the inside of a JSON string literal. */
function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Replaces every known `$VARIABLE`; unknown ones stay as they are (Datadog leaves
 * them too). With `json` encoding the values are escaped for a JSON string, so a
 * message with quotes or new lines still gives valid JSON.
 */
export function renderWebhookPayload(
  template: string,
  values: Readonly<Record<string, string>>,
  encodeAs: 'json' | 'form' = 'json',
): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return encodeAs === 'json' ? jsonInner(v) : v;
  });
}

/** The variable names a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(TOKEN)) seen.add(m[1] as string);
  return [...seen];
}

/**
 * Why a JSON payload template is not valid, or null when it is: rendered with
 * the samples (unknown variables as "x"), it must parse as a JSON object or array.
 */
export function payloadTemplateError(template: string): string | null {
  if (template.trim() === '') return null;
  const filled = renderWebhookPayload(template, new Proxy({}, { get: (_t, k) => WEBHOOK_SAMPLE_VALUES[String(k)] ?? 'x' }));
  try {
    const parsed: unknown = JSON.parse(filled);
    if (typeof parsed !== 'object' || parsed === null) return 'The payload must be a JSON object or array';
    return null;
  } catch (e) {
    return `The payload is not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}
