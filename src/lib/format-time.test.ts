import { formatFullTime, FULL_TIME_OPTIONS } from './format-time';

describe('formatFullTime', () => {
  it('reads as toLocaleString did (en-GB, weekday, date, time to the second, zone), for any instant', () => {
    // The shared formatter must print exactly what a fresh toLocaleString with the same options does.
    const options = FULL_TIME_OPTIONS;
    for (const at of [0, 1_700_000_000_000, 1_795_539_603_865, Date.UTC(2026, 6, 1, 23, 59, 59)]) {
      expect(formatFullTime(at)).toBe(new Date(at).toLocaleString('en-GB', options));
    }
    expect(formatFullTime(1_700_000_000_000)).toMatch(/2023.*\d{2}:\d{2}:\d{2}/);
  });
});
