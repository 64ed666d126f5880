import { DEFAULT_END, END_PRESETS, presetAllowed, type EndChoice, type EndMode, type MuteLimits } from './mute-end';

/** Where the end of the last successful mute is kept, so `m` on the list can offer it again. */
export const LAST_MUTE_END_KEY = 'watchdeck.lastMuteEnd';

/** Modes worth remembering: a relative preset or "indefinitely". */
type RememberedMode = Exclude<EndMode, 'until'>;

function isRememberedMode(value: unknown): value is RememberedMode {
  return value === 'indefinite' || END_PRESETS.some((p) => p.id === value);
}

function allowedFor(mode: RememberedMode, limits: MuteLimits): boolean {
  if (mode === 'indefinite') return limits.indefinite;
  const preset = END_PRESETS.find((p) => p.id === mode);
  return preset !== undefined && presetAllowed(preset.ms, limits);
}

/**
 * Remembers the end a mute just succeeded with. An "until" time is absolute and
 * soon in the past, so it is not remembered: the previous preset stays.
 */
export function rememberMuteEnd(choice: EndChoice): void {
  if (choice.mode === 'until') return;
  try {
    localStorage.setItem(LAST_MUTE_END_KEY, choice.mode);
  } catch {
    // Storage can be full or blocked (private mode); the next mute then starts from the default.
  }
}

/**
 * The end to preselect: the last one used, if this user may still choose it
 * (a role or cap change can forbid it), otherwise the default of 1 hour.
 */
export function readLastMuteEnd(limits: MuteLimits): EndChoice {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LAST_MUTE_END_KEY);
  } catch {
    return DEFAULT_END;
  }
  if (!isRememberedMode(stored) || !allowedFor(stored, limits)) return DEFAULT_END;
  return { mode: stored, until: '' };
}
