import { readCalendarParams, writeCalendarParams } from './calendar-params';

const TODAY = '2026-11-25';
const read = (search: string) => readCalendarParams(new URLSearchParams(search), TODAY);

describe('calendar URL parameters', () => {
  it('defaults to this week', () => {
    expect(read('')).toEqual({ view: 'week', date: TODAY, problems: [] });
  });

  it('reads a month view of a given date', () => {
    expect(read('?view=month&date=2026-12-05')).toEqual({ view: 'month', date: '2026-12-05', problems: [] });
  });

  it('falls back on what it cannot use, and says so', () => {
    const r = read('?view=year&date=2026-02-30');
    expect(r.view).toBe('week');
    expect(r.date).toBe(TODAY);
    expect(r.problems).toEqual([
      'The link asks for a “year” view; showing the week. Use week or month.',
      'The link’s date “2026-02-30” is not a date like 2026-11-28; showing today.',
    ]);
  });

  it('writes view and date, keeping other parameters', () => {
    const written = writeCalendarParams({ view: 'month', date: '2026-11-01' }, new URLSearchParams('?team=payments&view=week'));
    expect(written.toString()).toBe('team=payments&view=month&date=2026-11-01');
  });
});
