import { describeEnd, resolveEnd } from './mute-end';

const NOW = new Date(2025, 5, 3, 12, 0).getTime();

describe('mute end', () => {
  it('resolves presets from now, indefinitely to null, and until to a future local time', () => {
    expect(resolveEnd({ mode: '4h', until: '' }, NOW)).toEqual({ ok: true, end: NOW + 4 * 3_600_000 });
    expect(resolveEnd({ mode: 'indefinite', until: '' }, NOW)).toEqual({ ok: true, end: null });
    expect(resolveEnd({ mode: 'until', until: '2025-06-03T14:05' }, NOW)).toEqual({
      ok: true,
      end: new Date(2025, 5, 3, 14, 5).getTime(),
    });
    expect(resolveEnd({ mode: 'until', until: '2025-06-03T11:00' }, NOW)).toEqual({ ok: false, error: 'The end must be in the future' });
    expect(resolveEnd({ mode: 'until', until: '' }, NOW).ok).toBe(false);
  });

  it('describes the end for the confirm button', () => {
    expect(describeEnd({ mode: '1d', until: '' }, NOW)).toBe('for 1 day');
    expect(describeEnd({ mode: 'indefinite', until: '' }, NOW)).toBe('indefinitely');
    expect(describeEnd({ mode: 'until', until: '2025-06-03T14:05' }, NOW)).toBe('until 14:05');
  });
});
