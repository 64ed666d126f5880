import { passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it('counts down to the minimum length', () => {
    expect(passwordStrength('')).toMatchObject({ level: 'empty' });
    expect(passwordStrength('abc')).toEqual({ level: 'too-short', text: 'Too short: 9 more characters needed.' });
    expect(passwordStrength('abcdefghijk')).toEqual({ level: 'too-short', text: 'Too short: 1 more character needed.' });
  });

  it('calls repeats and one kind of character at the minimum weak, long passphrases strong', () => {
    expect(passwordStrength('aaaaaaaaaaaa').level).toBe('weak');
    expect(passwordStrength('abcdefghijkl').level).toBe('weak');
    expect(passwordStrength('abcdefgh1234').level).toBe('fair');
    expect(passwordStrength('correct-horse-battery').level).toBe('strong');
    expect(passwordStrength('Tr0ub4dor&3xyzab').level).toBe('strong');
    expect(passwordStrength('x'.repeat(257)).level).toBe('too-long');
  });
});
