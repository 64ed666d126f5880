import { PASSWORD_MAX, PASSWORD_MIN } from '../../../contract/auth';

export type StrengthLevel = 'empty' | 'too-short' | 'too-long' | 'weak' | 'fair' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** One short sentence for the hint under the field. */
  text: string;
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
}

/**
 * A rough, honest strength hint: the BFF only requires 12–256 characters, and
 * length matters most, so long passphrases score best. Repeats and a single
 * kind of character at the minimum length are called weak.
 */
export function passwordStrength(password: string): Strength {
  const length = [...password].length;
  if (length === 0) return { level: 'empty', text: `At least ${PASSWORD_MIN} characters; a passphrase of several words is best.` };
  if (length < PASSWORD_MIN) {
    const more = PASSWORD_MIN - length;
    return { level: 'too-short', text: `Too short: ${more} more character${more === 1 ? '' : 's'} needed.` };
  }
  if (length > PASSWORD_MAX) return { level: 'too-long', text: `Too long: at most ${PASSWORD_MAX} characters.` };
  const unique = new Set(password).size;
  const classes = characterClasses(password);
  if (unique <= 3 || (classes === 1 && length < 16)) {
    return { level: 'weak', text: 'Weak: use more different characters or a longer passphrase.' };
  }
  if (length >= 20 || (length >= 16 && classes >= 3)) return { level: 'strong', text: 'Strong.' };
  return { level: 'fair', text: 'Fair: a longer passphrase would be stronger.' };
}
