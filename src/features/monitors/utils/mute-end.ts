import { formatShortTime, parseDateTimeLocalValue } from '../../../lib/format-time';

const HOUR = 3_600_000;

export const END_PRESETS = [
  { id: '1h', label: '1 hour', ms: HOUR },
  { id: '4h', label: '4 hours', ms: 4 * HOUR },
  { id: '1d', label: '1 day', ms: 24 * HOUR },
] as const;

export type PresetId = (typeof END_PRESETS)[number]['id'];
export type EndMode = PresetId | 'until' | 'indefinite';

/** What the end picker holds: a preset, a typed local date-time, or indefinitely. */
export interface EndChoice {
  mode: EndMode;
  /** The datetime-local value, used when mode is "until". */
  until: string;
}

export const DEFAULT_END: EndChoice = { mode: '1h', until: '' };

export type ResolvedEnd = { ok: true; end: number | null } | { ok: false; error: string };

/** The end as epoch ms (null = indefinitely), computed from `now`; "until" must be a valid time in the future. */
export function resolveEnd(choice: EndChoice, now: number): ResolvedEnd {
  if (choice.mode === 'indefinite') return { ok: true, end: null };
  if (choice.mode === 'until') {
    if (!choice.until) return { ok: false, error: 'Choose the date and time the mute ends' };
    const at = parseDateTimeLocalValue(choice.until);
    if (at === null) return { ok: false, error: 'That is not a valid date and time' };
    if (at <= now) return { ok: false, error: 'The end must be in the future' };
    return { ok: true, end: at };
  }
  const preset = END_PRESETS.find((p) => p.id === choice.mode);
  return { ok: true, end: now + (preset?.ms ?? HOUR) };
}

/** "for 1 hour", "until 14:05", "indefinitely": the tail of a confirm button. */
export function describeEnd(choice: EndChoice, now: number): string {
  if (choice.mode === 'indefinite') return 'indefinitely';
  if (choice.mode === 'until') {
    const at = parseDateTimeLocalValue(choice.until);
    return at === null ? 'until…' : `until ${formatShortTime(at, now)}`;
  }
  const preset = END_PRESETS.find((p) => p.id === choice.mode);
  return `for ${preset?.label ?? '1 hour'}`;
}

export function reasonRequired(choice: EndChoice): boolean {
  return choice.mode === 'indefinite';
}
