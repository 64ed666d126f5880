import { buildWindow } from '../../calendar/testing/window-fixtures';
import { countByKind, kindLabel, kindSummary } from './hygiene-kinds';

describe('kind labels', () => {
  it('names every known kind, with N where it matters', () => {
    expect(kindLabel('matches_nothing', 7)).toBe('Matches nothing');
    expect(kindLabel('long_active', 7)).toBe('Active over 7 days');
    expect(kindLabel('long_active', 1)).toBe('Active over 1 day');
    expect(kindLabel('indefinite_no_reason', 7)).toBe('No end, no reason or ticket');
    expect(kindLabel('disabled_creator', 7)).toBe('Creator disabled');
  });

  it('shows a kind it does not know as words, not as a crash', () => {
    expect(kindLabel('conflicting_end_settings', 7)).toBe('Conflicting end settings');
    expect(kindSummary('conflicting_end_settings', 2, 7)).toBe('2 windows: conflicting end settings');
  });

  it('summarises each kind as a sentence', () => {
    expect(kindSummary('matches_nothing', 1, 7)).toBe('1 window matches no monitor or group');
    expect(kindSummary('matches_nothing', 3, 7)).toBe('3 windows match no monitor or group');
    expect(kindSummary('long_active', 2, 30)).toBe('2 windows active longer than 30 days');
    expect(kindSummary('indefinite_no_reason', 1, 7)).toBe('1 window with no end and no reason or ticket');
    expect(kindSummary('disabled_creator', 1, 7)).toBe('1 window created by a disabled user');
  });
});

describe('countByKind', () => {
  it('counts windows per kind, known kinds first in their usual order', () => {
    const w = buildWindow('a');
    const counts = countByKind([
      { window: w, kinds: ['disabled_creator', 'long_active'], details: [] },
      { window: w, kinds: ['zzz_new', 'long_active', 'long_active'], details: [] },
      { window: w, kinds: ['matches_nothing'], details: [] },
    ]);
    expect(counts).toEqual([
      { kind: 'matches_nothing', count: 1 },
      { kind: 'long_active', count: 2 },
      { kind: 'disabled_creator', count: 1 },
      { kind: 'zzz_new', count: 1 },
    ]);
  });
});
