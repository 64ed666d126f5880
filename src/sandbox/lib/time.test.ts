import { describe, expect, it } from 'vitest';
import { isoMicro, isoSeconds, parseIsoUs } from './time';

describe('time', () => {
  it('prints microseconds and +00:00 like Datadog', () => {
    expect(isoMicro(1728578340138359)).toBe('2024-10-10T16:39:00.138359+00:00');
    expect(isoMicro(1728578340000000)).toBe('2024-10-10T16:39:00.000000+00:00');
    expect(isoSeconds(1620047183123456)).toBe('2021-05-03T13:06:23+00:00');
  });

  it('parses ISO-8601 with offsets and microseconds', () => {
    expect(parseIsoUs('2023-06-02T20:53:26.286133+00:00')).toBe(1685739206286133);
    expect(parseIsoUs('2023-06-02T20:53:26Z')).toBe(1685739206000000);
    expect(parseIsoUs('2023-06-02T22:53:26+02:00')).toBe(1685739206000000);
    expect(parseIsoUs('2023-06-02T15:53:26-0500')).toBe(1685739206000000);
    expect(parseIsoUs('2023-06-02T20:53:26.2861339')).toBe(1685739206286133);
  });

  it('reads a date-time without offset as UTC', () => {
    expect(parseIsoUs('2023-06-02T20:53:26')).toBe(1685739206000000);
    expect(parseIsoUs('2023-06-02')).toBe(Date.UTC(2023, 5, 2) * 1000);
  });

  it('rejects anything else', () => {
    for (const bad of ['', 'tomorrow', '2023-13-01', '2023-02-30', '2023-06-02T25:00:00Z', '1685739206']) {
      expect(parseIsoUs(bad), bad).toBeNull();
    }
  });

  it('round-trips', () => {
    const us = 1741608000123456;
    expect(parseIsoUs(isoMicro(us))).toBe(us);
  });
});
