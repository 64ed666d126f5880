import {
  addDays,
  addMonths,
  dayBounds,
  dayKeyOf,
  daysRange,
  formatDayLabel,
  formatMonthTitle,
  formatWeekTitle,
  monthWeeks,
  parseDayKey,
  startOfDay,
  stepDate,
  visibleDays,
  weekDays,
} from './calendar-dates';

const HOUR = 3_600_000;

// The browser's timezone is the calendar's: run these in one with DST.
beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('day keys', () => {
  it('accepts real dates only', () => {
    expect(parseDayKey('2026-11-28')).toEqual({ year: 2026, month: 11, day: 28 });
    expect(parseDayKey('2026-02-30')).toBeNull();
    expect(parseDayKey('2026-13-01')).toBeNull();
    expect(parseDayKey('28/11/2026')).toBeNull();
    expect(parseDayKey('')).toBeNull();
  });

  it('names the local day of an instant, not the UTC one', () => {
    // 23:30 UTC on the 27th is 00:30 on the 28th in Berlin (UTC+1).
    expect(dayKeyOf(Date.UTC(2026, 10, 27, 23, 30))).toBe('2026-11-28');
    expect(startOfDay('2026-11-28')).toBe(Date.UTC(2026, 10, 27, 23));
  });

  it('adds days and months across month ends, clamping to the shorter month', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('knows a day lasts 23 or 25 hours across a DST change', () => {
    const spring = dayBounds('2026-03-29');
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = dayBounds('2026-10-25');
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    const plain = dayBounds('2026-11-28');
    expect(plain.end - plain.start).toBe(24 * HOUR);
    // A week over the autumn change still walks day by day.
    expect(weekDays('2026-10-25')).toEqual(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25']);
  });
});

describe('views', () => {
  it('a week runs Monday to Sunday around the date', () => {
    expect(weekDays('2026-11-28')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(weekDays('2026-11-23')[0]).toBe('2026-11-23');
    expect(weekDays('2026-11-29')[0]).toBe('2026-11-23');
  });

  it('a month is whole weeks, with the neighbouring months’ days at the edges', () => {
    const november = monthWeeks('2026-11-10');
    expect(november).toHaveLength(6);
    expect(november[0]![0]).toBe('2026-10-26');
    expect(november[5]![6]).toBe('2026-12-06');
    expect(november.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    const february = monthWeeks('2027-02-14');
    expect(february).toHaveLength(4);
    expect(february[0]![0]).toBe('2027-02-01');
    expect(february[3]![6]).toBe('2027-02-28');
  });

  it('the range of a view runs from the first day’s midnight to the midnight after the last', () => {
    const range = daysRange(visibleDays('week', '2026-11-28'));
    expect(range).toEqual({ from: Date.UTC(2026, 10, 22, 23), to: Date.UTC(2026, 10, 29, 23) });
    expect(visibleDays('month', '2026-11-28')).toHaveLength(42);
  });

  it('Previous and Next step a week or a month', () => {
    expect(stepDate('week', '2026-11-28', 1)).toBe('2026-12-05');
    expect(stepDate('week', '2026-11-28', -1)).toBe('2026-11-21');
    expect(stepDate('month', '2026-11-28', 1)).toBe('2026-12-28');
    expect(stepDate('month', '2027-03-31', -1)).toBe('2027-02-28');
  });
});

describe('names', () => {
  it('names days and ranges in plain English', () => {
    expect(formatDayLabel('2026-11-28')).toBe('Saturday 28 November 2026');
    expect(formatMonthTitle('2026-11-28')).toBe('November 2026');
    expect(formatWeekTitle(weekDays('2026-11-28'))).toBe('23 – 29 November 2026');
    expect(formatWeekTitle(weekDays('2026-12-01'))).toBe('30 November – 6 December 2026');
    expect(formatWeekTitle(weekDays('2026-12-30'))).toBe('28 December 2026 – 3 January 2027');
  });
});
