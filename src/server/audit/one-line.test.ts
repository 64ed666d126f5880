import { oneLine } from './one-line';

describe('oneLine', () => {
  it('escapes CR, LF, NUL, C1 and the Unicode line separators', () => {
    expect(oneLine('a\r\nb')).toBe('a\\u000d\\u000ab');
    expect(oneLine('x\u0000y\u0085z\u2028w\u2029')).toBe('x\\u0000y\\u0085z\\u2028w\\u2029');
    expect(oneLine('tab\there')).toBe('tab\\u0009here');
  });

  it('cuts long values', () => {
    expect(oneLine('x'.repeat(600), 100)).toHaveLength(100);
    expect(oneLine('short', 100)).toBe('short');
  });
});
