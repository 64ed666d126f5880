import { describe, expect, it } from 'vitest';
import { WEBHOOK_SAMPLE_VALUES } from '../../contract/webhook-template';
import type { CustomVariableRow, WebhookRow } from '../store/integrations-rows';
import { renderWebhookRequest, scrubSecrets } from './webhook-render';

const hook = (over: Partial<WebhookRow> = {}): WebhookRow => ({
  name: 'h',
  url: 'https://receiver.example/in',
  payload: null,
  custom_headers: null,
  encode_as: 'json',
  created_us: 0,
  modified_us: 0,
  ...over,
});
const variable = (name: string, value: string, is_secret = false): CustomVariableRow => ({ name, value, is_secret, created_us: 0, modified_us: 0 });

describe('renderWebhookRequest', () => {
  it('escapes values for JSON, so a secret with quotes still gives valid JSON, and masks it in sent', () => {
    const r = renderWebhookRequest(hook({ payload: '{"k": "$KEY"}' }), [variable('KEY', 'a"b\nc-secret', true)]);
    expect(JSON.parse(r.request.body)).toEqual({ k: 'a"b\nc-secret' });
    expect(JSON.parse(r.sent)).toEqual({ k: '******' });
    expect(r.request.headers).toEqual({ 'content-type': 'application/json' });
  });

  it("Datadog's own variables win over a custom variable of the same name", () => {
    const r = renderWebhookRequest(hook({ payload: '{"id": "$ID"}' }), [variable('ID', 'mine')]);
    expect(JSON.parse(r.request.body)).toEqual({ id: WEBHOOK_SAMPLE_VALUES.ID });
  });

  it('form encoding of a template that is not a JSON object sends it as rendered', () => {
    const r = renderWebhookRequest(hook({ encode_as: 'form', payload: 'title=$EVENT_TYPE&env=$ENV' }), [variable('ENV', 'prod')]);
    expect(r.request.body).toBe(`title=${WEBHOOK_SAMPLE_VALUES.EVENT_TYPE}&env=prod`);
    expect(r.request.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('custom headers are rendered and may set their own content type', () => {
    const r = renderWebhookRequest(hook({ custom_headers: '{"Content-Type": "text/plain", "X-Env": "$ENV"}' }), [variable('ENV', 'prod')]);
    expect(r.request.headers).toEqual({ 'Content-Type': 'text/plain', 'X-Env': 'prod' });
  });
});

describe('scrubSecrets', () => {
  it('masks raw, JSON-escaped and URL-encoded forms; leaves secrets under 4 characters alone in free text', () => {
    const s = 'p@ss "word" 1';
    const text = `raw ${s} json ${JSON.stringify(s)} url ${encodeURIComponent(s)} form ${new URLSearchParams({ a: s })}`;
    expect(scrubSecrets(text, [s, 'ab'])).toBe('raw ****** json "******" url ****** form a=******');
    expect(scrubSecrets('about', ['ab'])).toBe('about');
  });
});
