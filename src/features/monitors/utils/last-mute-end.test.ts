import { LAST_MUTE_END_KEY, readLastMuteEnd, rememberMuteEnd } from './last-mute-end';
import { ADMIN_LIMITS, DEFAULT_END, muteLimitsFor } from './mute-end';

const responder = muteLimitsFor('responder', 8);

beforeEach(() => localStorage.clear());

describe('last mute end', () => {
  it('starts from the default when nothing was remembered', () => {
    expect(readLastMuteEnd(ADMIN_LIMITS)).toEqual(DEFAULT_END);
  });

  it('remembers a preset and "indefinitely"', () => {
    rememberMuteEnd({ mode: '4h', until: '' });
    expect(readLastMuteEnd(ADMIN_LIMITS)).toEqual({ mode: '4h', until: '' });
    rememberMuteEnd({ mode: 'indefinite', until: '' });
    expect(readLastMuteEnd(ADMIN_LIMITS)).toEqual({ mode: 'indefinite', until: '' });
  });

  it('keeps the previous preset after an "until" mute, whose time cannot be reused', () => {
    rememberMuteEnd({ mode: '1d', until: '' });
    rememberMuteEnd({ mode: 'until', until: '2025-06-03T18:00' });
    expect(localStorage.getItem(LAST_MUTE_END_KEY)).toBe('1d');
  });

  it('falls back to the default when the user may no longer choose the remembered end', () => {
    rememberMuteEnd({ mode: 'indefinite', until: '' });
    expect(readLastMuteEnd(responder)).toEqual(DEFAULT_END);
    rememberMuteEnd({ mode: '1d', until: '' });
    expect(readLastMuteEnd(responder)).toEqual(DEFAULT_END);
    rememberMuteEnd({ mode: '4h', until: '' });
    expect(readLastMuteEnd(responder)).toEqual({ mode: '4h', until: '' });
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem(LAST_MUTE_END_KEY, '{"mode":"forever"}');
    expect(readLastMuteEnd(ADMIN_LIMITS)).toEqual(DEFAULT_END);
  });

  it('survives storage that throws', () => {
    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    expect(readLastMuteEnd(ADMIN_LIMITS)).toEqual(DEFAULT_END);
    spy.mockRestore();
    const setSpy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    expect(() => rememberMuteEnd({ mode: '4h', until: '' })).not.toThrow();
    setSpy.mockRestore();
  });
});
