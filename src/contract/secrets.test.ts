import { describe, expect, it } from 'vitest';
import { describeSecretChange, isMasked, maskFully, maskSecret, maskUrl, SECRET_MASK, secretChange } from './secrets';

describe('masks', () => {
  it('shows the last 4 characters of a value of 8 or more, and nothing of a shorter one', () => {
    expect(maskSecret('0123456789')).toBe('******6789');
    expect(maskSecret('12345678')).toBe('******5678');
    expect(maskSecret('1234567')).toBe(SECRET_MASK);
    expect(maskSecret('')).toBe(SECRET_MASK);
  });

  it('masks some secrets completely', () => {
    expect(maskFully('a-long-webhook-secret')).toBe('******');
  });

  it('keeps a URL scheme and host, and masks its path and query', () => {
    expect(maskUrl('https://contoso.webhook.office.com/webhookb2/abc/def?x=1234')).toBe(
      'https://contoso.webhook.office.com/******1234',
    );
    expect(maskUrl('https://x.io/')).toBe('https://x.io/******');
    expect(maskUrl('http://127.0.0.1:9000/a')).toBe('http://127.0.0.1:9000/******');
    // Not a URL: masked like any secret, never echoed.
    expect(maskUrl('not a url but secret')).toBe('******cret');
  });

  it('recognises a mask read back', () => {
    expect(isMasked('******7890')).toBe(true);
    expect(isMasked('https://h.example/******7890')).toBe(true);
    expect(isMasked('*****7890')).toBe(false);
    expect(isMasked('new-secret')).toBe(false);
  });
});

describe('write-only updates', () => {
  it('keeps the stored secret when the field is omitted, empty or the mask', () => {
    expect(secretChange(undefined, false)).toEqual({ kind: 'keep' });
    expect(secretChange(null, false)).toEqual({ kind: 'keep' });
    expect(secretChange('', false)).toEqual({ kind: 'keep' });
    expect(secretChange('******7890', false)).toEqual({ kind: 'keep' });
  });

  it('replaces it with a new value, and clears it only when asked', () => {
    expect(secretChange('fresh-key-1234', false)).toEqual({ kind: 'set', value: 'fresh-key-1234' });
    expect(secretChange('fresh-key-1234', true)).toEqual({ kind: 'clear' });
    expect(secretChange(undefined, true)).toEqual({ kind: 'clear' });
  });

  it('describes a change for the audit log by its mask, never its value', () => {
    expect(describeSecretChange('serviceKey', { kind: 'keep' }, true)).toBeNull();
    expect(describeSecretChange('serviceKey', { kind: 'clear' }, true)).toBe('serviceKey cleared');
    const set = describeSecretChange('apiKey', { kind: 'set', value: 'brand-new-key-7890' }, false);
    expect(set).toBe('apiKey set (now ******7890)');
    const rotated = describeSecretChange('apiKey', { kind: 'set', value: 'brand-new-key-7890' }, true);
    expect(rotated).toBe('apiKey rotated (now ******7890)');
    expect(rotated).not.toContain('brand-new');
  });

  it('describes it with the mask of its own kind when given one', () => {
    const value = 'whsec-signing-secret-7890';
    expect(describeSecretChange('secret', { kind: 'set', value }, true, maskFully)).toBe('secret rotated (now ******)');
    expect(describeSecretChange('url', { kind: 'set', value: 'https://hooks.example.com/T0/B0/abcd1234' }, false, maskUrl)).toBe(
      'url set (now https://hooks.example.com/******1234)',
    );
    expect(describeSecretChange('secret', { kind: 'clear' }, true, maskFully)).toBe('secret cleared');
  });
});
