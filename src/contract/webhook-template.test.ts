import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_PAYLOAD, payloadTemplateError, renderWebhookPayload, templateVariables, WEBHOOK_SAMPLE_VALUES } from './webhook-template';

describe('webhook payload templates', () => {
  it('renders the default payload with the samples into valid JSON', () => {
    const out = JSON.parse(renderWebhookPayload(DEFAULT_WEBHOOK_PAYLOAD, WEBHOOK_SAMPLE_VALUES)) as Record<string, unknown>;
    expect(out.title).toBe(WEBHOOK_SAMPLE_VALUES.EVENT_TITLE);
    expect(out.org).toEqual({ id: WEBHOOK_SAMPLE_VALUES.ORG_ID, name: WEBHOOK_SAMPLE_VALUES.ORG_NAME });
  });

  it('escapes values for JSON, so quotes and new lines keep the payload valid', () => {
    const out = renderWebhookPayload('{"m": "$EVENT_MSG"}', { EVENT_MSG: 'say "hi"\nnow' });
    expect(JSON.parse(out)).toEqual({ m: 'say "hi"\nnow' });
  });

  it('leaves unknown variables alone, and puts values raw in form encoding', () => {
    expect(renderWebhookPayload('$NOPE and $ID', { ID: '7' })).toBe('$NOPE and 7');
    expect(renderWebhookPayload('text=$EVENT_MSG', { EVENT_MSG: 'a "b"' }, 'form')).toBe('text=a "b"');
  });

  it('lists the variables a template uses, once each, in order', () => {
    expect(templateVariables('$B $A $B $lower')).toEqual(['B', 'A']);
  });

  it('says why a template is not valid JSON', () => {
    expect(payloadTemplateError('{"id": $ID}')).toBeNull();
    expect(payloadTemplateError('')).toBeNull();
    expect(payloadTemplateError('{"a": ')).toMatch(/not valid JSON/);
    expect(payloadTemplateError('"$EVENT_MSG"')).toBe('The payload must be a JSON object or array');
  });
});
