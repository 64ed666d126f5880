import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then one token per 60/perMinute s', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, () => now);
    for (let i = 0; i < 6; i++) expect(buckets.take('alice')).toBe(0);
    expect(buckets.take('alice')).toBe(10);
    now += 9_999;
    expect(buckets.take('alice')).toBe(1);
    now += 1;
    expect(buckets.take('alice')).toBe(0);
    expect(buckets.take('bob')).toBe(0);
  });

  it('never holds more than the burst', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, () => now);
    now += 3_600_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 30]);
  });
});
