import { outcomeOf, outcomeSummary } from './cleanup-outcome';

describe('cleanup outcomes', () => {
  it('reads each window’s outcome, and never assumes one the server did not give', () => {
    const result = { canceled: ['a'], failed: [{ id: 'b', error: 'Forbidden' }] };
    expect(outcomeOf(result, 'a')).toEqual({ state: 'canceled' });
    expect(outcomeOf(result, 'b')).toEqual({ state: 'failed', error: 'Forbidden' });
    expect(outcomeOf(result, 'c')).toEqual({ state: 'unknown' });
  });

  it('sums them up in a sentence', () => {
    expect(outcomeSummary(1, 0)).toBe('1 window canceled.');
    expect(outcomeSummary(3, 0)).toBe('3 windows canceled.');
    expect(outcomeSummary(1, 2)).toBe('1 canceled, 2 failed.');
    expect(outcomeSummary(0, 1)).toBe('None canceled: 1 window failed.');
  });
});
