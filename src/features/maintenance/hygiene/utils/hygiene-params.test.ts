import { parseLongActiveDays, readLongActiveDays } from './hygiene-params';

const ERROR = 'Enter a whole number of days from 1 to 365';

describe('parseLongActiveDays', () => {
  it('takes whole numbers from 1 to 365', () => {
    expect(parseLongActiveDays('1')).toEqual({ ok: true, days: 1 });
    expect(parseLongActiveDays(' 30 ')).toEqual({ ok: true, days: 30 });
    expect(parseLongActiveDays('365')).toEqual({ ok: true, days: 365 });
  });

  it.each(['', '0', '366', '-3', '2.5', '1e2', 'seven'])('refuses %j with a plain message', (raw) => {
    expect(parseLongActiveDays(raw)).toEqual({ ok: false, message: ERROR });
  });
});

describe('readLongActiveDays', () => {
  it('defaults to 7', () => {
    expect(readLongActiveDays(new URLSearchParams(''))).toEqual({ days: 7, raw: '7', problem: null });
  });

  it('reads the URL, and keeps a bad value to show beside its error', () => {
    expect(readLongActiveDays(new URLSearchParams('longActiveDays=14'))).toEqual({ days: 14, raw: '14', problem: null });
    expect(readLongActiveDays(new URLSearchParams('longActiveDays=lots'))).toEqual({ days: 7, raw: 'lots', problem: ERROR });
  });
});
