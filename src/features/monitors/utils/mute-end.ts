import { roleAtLeast, type Role } from '../../../contract/auth';
import { DEFAULT_MAX_MUTE_HOURS } from '../../../contract/monitors';
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

/** How long this user may mute for. The BFF enforces the same rule; this explains it before sending. */
export interface MuteLimits {
  /** Longest mute in ms; null for no cap (admins). */
  maxMs: number | null;
  /** The cap in hours, for messages. */
  maxHours: number;
  /** Only admins may mute indefinitely. */
  indefinite: boolean;
}

export const ADMIN_LIMITS: MuteLimits = { maxMs: null, maxHours: Infinity, indefinite: true };

export function muteLimitsFor(role: Role | null, maxMuteHours: number = DEFAULT_MAX_MUTE_HOURS): MuteLimits {
  if (role !== null && roleAtLeast(role, 'admin')) return ADMIN_LIMITS;
  return { maxMs: maxMuteHours * HOUR, maxHours: maxMuteHours, indefinite: false };
}

export const INDEFINITE_ADMIN_ONLY = 'Only an admin can mute indefinitely';

export function tooLongMessage(limits: MuteLimits): string {
  return `Longer than ${limits.maxHours} h: only an admin can do that`;
}

/** True when a preset of `ms` fits the limits. */
export function presetAllowed(ms: number, limits: MuteLimits): boolean {
  return limits.maxMs === null || ms <= limits.maxMs;
}

export type ResolvedEnd = { ok: true; end: number | null } | { ok: false; error: string };

/**
 * The end as epoch ms (null = indefinitely), computed from `now`; "until" must
 * be a valid time in the future; and the mute must fit the user's limits.
 */
export function resolveEnd(choice: EndChoice, now: number, limits: MuteLimits = ADMIN_LIMITS): ResolvedEnd {
  if (choice.mode === 'indefinite') {
    return limits.indefinite ? { ok: true, end: null } : { ok: false, error: INDEFINITE_ADMIN_ONLY };
  }
  if (choice.mode === 'until') {
    if (!choice.until) return { ok: false, error: 'Choose the date and time the mute ends' };
    const at = parseDateTimeLocalValue(choice.until);
    if (at === null) return { ok: false, error: 'That is not a valid date and time' };
    if (at <= now) return { ok: false, error: 'The end must be in the future' };
    if (limits.maxMs !== null && at - now > limits.maxMs) return { ok: false, error: tooLongMessage(limits) };
    return { ok: true, end: at };
  }
  const ms = END_PRESETS.find((p) => p.id === choice.mode)?.ms ?? HOUR;
  if (!presetAllowed(ms, limits)) return { ok: false, error: tooLongMessage(limits) };
  return { ok: true, end: now + ms };
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

/** Every mute needs a reason (1–1000 characters): it tells the next on-call why this monitor is silent. */
export function reasonError(reason: string, choice: EndChoice): string | null {
  if (reason.trim()) return null;
  return choice.mode === 'indefinite' ? 'A reason is required to mute indefinitely' : 'A reason is required';
}
