import { describeEnd, muteLimitsFor, presetAllowed, reasonError, resolveEnd } from './mute-end';

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

describe('mute limits', () => {
  const responder = muteLimitsFor('responder', 168);

  it('lets an admin mute for any time and indefinitely', () => {
    const admin = muteLimitsFor('admin', 168);
    expect(resolveEnd({ mode: 'indefinite', until: '' }, NOW, admin)).toEqual({ ok: true, end: null });
    expect(resolveEnd({ mode: 'until', until: '2025-07-03T12:00' }, NOW, admin).ok).toBe(true);
  });

  it('caps a responder (and a viewer) at maxMuteHours and refuses indefinitely', () => {
    expect(muteLimitsFor('viewer', 168)).toEqual(responder);
    expect(resolveEnd({ mode: 'indefinite', until: '' }, NOW, responder)).toEqual({
      ok: false,
      error: 'Only an admin can mute indefinitely',
    });
    // Exactly 168 h is allowed; a minute more is not.
    expect(resolveEnd({ mode: 'until', until: '2025-06-10T12:00' }, NOW, responder)).toEqual({
      ok: true,
      end: NOW + 168 * 3_600_000,
    });
    expect(resolveEnd({ mode: 'until', until: '2025-06-10T12:01' }, NOW, responder)).toEqual({
      ok: false,
      error: 'Longer than 168 h: only an admin can do that',
    });
  });

  it('refuses a preset longer than a small cap', () => {
    const tight = muteLimitsFor('responder', 2);
    expect(presetAllowed(3_600_000, tight)).toBe(true);
    expect(presetAllowed(4 * 3_600_000, tight)).toBe(false);
    expect(resolveEnd({ mode: '4h', until: '' }, NOW, tight)).toEqual({ ok: false, error: 'Longer than 2 h: only an admin can do that' });
  });

  it('requires a reason for every mute, with its own words for indefinitely', () => {
    expect(reasonError('  ', { mode: '1h', until: '' })).toBe('A reason is required');
    expect(reasonError('', { mode: 'indefinite', until: '' })).toBe('A reason is required to mute indefinitely');
    expect(reasonError('CHG-1', { mode: '1h', until: '' })).toBeNull();
  });
});
