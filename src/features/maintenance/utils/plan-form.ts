import { DEFAULT_END_SETTINGS, type EndSettings, type MaintenanceWindow } from '../../../contract/maintenance';
import { type PlanRequestParsed, type Schedule } from '../../../contract/maintenance-schedule';
import { PlanRequestSchema } from '../../../contract/maintenance-schedule';
import { parseScope } from '../../../contract/scope';
import {
  buildRrule,
  formatDuration as formatDatadogDuration,
  parseDurationMs,
  parseWallTime,
  recurrenceError,
  wallTimeAt,
  WEEKDAYS,
  type RecurrenceFrequency,
  type Weekday,
} from '../../../contract/recurrence';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { msToWallInput, wallInputToMs } from './zoned-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long a one-off window lasts, counted from its start. */
export const ONCE_END_PRESETS = [
  { id: '30m', label: '30 min', ms: 30 * MINUTE },
  { id: '1h', label: '1 hour', ms: HOUR },
  { id: '4h', label: '4 hours', ms: 4 * HOUR },
  { id: '1d', label: '1 day', ms: 24 * HOUR },
] as const;
export type EndPresetId = (typeof ONCE_END_PRESETS)[number]['id'];
export type OnceEndMode = EndPresetId | 'at' | 'indefinite';
export type RepeatMode = RecurrenceFrequency | 'custom';

/**
 * Everything the planner holds, as typed: strings stay strings until the plan is built, so a
 * half-typed value is never lost and an error can point at exactly what was typed.
 */
export interface PlanForm {
  monitorIds: number[];
  monitorTags: string[];
  scope: string;
  kind: 'once' | 'recurring';
  /** One-off: now, or at `startAt` (a wall-clock time in `timezone`). */
  startMode: 'now' | 'at';
  startAt: string;
  endMode: OnceEndMode;
  /** One-off, endMode "at": a wall-clock time in `timezone`. */
  endAt: string;
  /** Recurring. */
  repeat: RepeatMode;
  days: Weekday[];
  monthDay: string;
  customRrule: string;
  /** Recurring: the first day and the local start time, "YYYY-MM-DDTHH:mm" in `timezone`. */
  recurStart: string;
  duration: string;
  timezone: string;
  reason: string;
  ticket: string;
  endSettings: EndSettings;
  overrideReason: string;
  confirm: string;
  /** After saving, keep the window alive in 30 m steps until the forecast groups recover. */
  untilRecovered: boolean;
}

/** The next full hour after `now`, as a wall-clock value in `tz`. */
function nextHourInput(now: number, tz: string): string {
  return msToWallInput(Math.floor(now / HOUR) * HOUR + HOUR, tz);
}

/** Today's weekday in `tz`, as an RRULE day. */
function weekdayOf(wallInput: string): Weekday {
  const wall = parseWallTime(wallInput);
  if (!wall) return 'MO';
  const jsDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return WEEKDAYS[(jsDay + 6) % 7]!;
}

export function emptyPlanForm(now: number, tz: string): PlanForm {
  const start = nextHourInput(now, tz);
  return {
    monitorIds: [],
    monitorTags: [],
    scope: '*',
    kind: 'once',
    startMode: 'now',
    startAt: start,
    endMode: '1h',
    endAt: '',
    repeat: 'weekly',
    days: [weekdayOf(start)],
    monthDay: String(wallTimeAt(now, tz).day),
    customRrule: '',
    recurStart: start,
    duration: '1h',
    timezone: tz,
    reason: '',
    ticket: '',
    endSettings: DEFAULT_END_SETTINGS,
    overrideReason: '',
    confirm: '',
    untilRecovered: false,
  };
}

/** `?monitors=12,13` as monitor ids (anything else in the list is ignored). */
export function parseMonitorIds(raw: string | null): number[] {
  if (!raw) return [];
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[1-9][0-9]{0,15}$/.test(s))
    .map(Number);
  return [...new Set(ids)];
}

/** A rule the simple choices can show again (daily; weekly on days; monthly on a day), else null. */
export function simpleRepeatOf(rrule: string): { repeat: RecurrenceFrequency; days?: Weekday[]; monthDay?: number } | null {
  const parts = new Map(
    rrule
      .trim()
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((p) => {
        const [k, v = ''] = p.split('=');
        return [k!.trim().toUpperCase(), v.trim().toUpperCase()] as const;
      }),
  );
  const freq = parts.get('FREQ');
  const keys = [...parts.keys()].sort().join(',');
  if (freq === 'DAILY' && keys === 'FREQ') return { repeat: 'daily' };
  if (freq === 'WEEKLY' && keys === 'BYDAY,FREQ') {
    const days = parts.get('BYDAY')!.split(',');
    if (days.length > 0 && days.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return { repeat: 'weekly', days: days as Weekday[] };
  }
  if (freq === 'MONTHLY' && keys === 'BYMONTHDAY,FREQ') {
    const day = Number(parts.get('BYMONTHDAY'));
    if (Number.isInteger(day) && day >= 1 && day <= 31) return { repeat: 'monthly', monthDay: day };
  }
  return null;
}

/** The preset a length matches exactly, else null. */
function presetFor(ms: number): EndPresetId | null {
  return ONCE_END_PRESETS.find((p) => p.ms === ms)?.id ?? null;
}

/**
 * The planner prefilled from a window (Clone): same targets, scope, reason, ticket, end settings
 * and timezone; a new start. A one-off starts now and lasts as long as the original; a recurring
 * one keeps its rule, local start time and duration, from today.
 */
export function formFromWindow(w: MaintenanceWindow, now: number, fallbackTz: string): PlanForm {
  const tz = w.schedule.kind === 'recurring' ? w.schedule.timezone : w.displayTimezone || fallbackTz;
  const base = emptyPlanForm(now, tz);
  const form: PlanForm = {
    ...base,
    monitorIds: [...w.targets.monitorIds],
    monitorTags: [...w.targets.monitorTags],
    scope: w.scope,
    reason: w.reason ?? '',
    ticket: w.ticket ?? '',
    endSettings: { ...w.endSettings },
  };
  if (w.schedule.kind === 'once') {
    const { start, end } = w.schedule;
    if (end === null) return { ...form, endMode: 'indefinite' };
    const length = end - start;
    const preset = presetFor(length);
    return preset ? { ...form, endMode: preset } : { ...form, endMode: 'at', endAt: msToWallInput(now + length, tz) };
  }
  const time = w.schedule.start.slice(11, 16);
  const today = msToWallInput(now, tz).slice(0, 10);
  const simple = simpleRepeatOf(w.schedule.rrule);
  return {
    ...form,
    kind: 'recurring',
    recurStart: /^\d{2}:\d{2}$/.test(time) ? `${today}T${time}` : base.recurStart,
    duration: w.schedule.duration,
    repeat: simple?.repeat ?? 'custom',
    days: simple?.days ?? base.days,
    monthDay: simple?.monthDay ? String(simple.monthDay) : base.monthDay,
    customRrule: simple ? '' : w.schedule.rrule,
  };
}

/** The RRULE the repeat choices make, or why they make none. */
export function rruleOf(form: PlanForm): { ok: true; rrule: string } | { ok: false; error: string } {
  switch (form.repeat) {
    case 'custom':
      return form.customRrule.trim() ? { ok: true, rrule: form.customRrule.trim() } : { ok: false, error: 'Type an RRULE, e.g. FREQ=WEEKLY;BYDAY=SA' };
    case 'weekly':
      return form.days.length > 0 ? { ok: true, rrule: buildRrule({ frequency: 'weekly', days: form.days }) } : { ok: false, error: 'Choose at least one day' };
    case 'monthly': {
      const day = Number(form.monthDay);
      return Number.isInteger(day) && day >= 1 && day <= 31
        ? { ok: true, rrule: buildRrule({ frequency: 'monthly', monthDay: day }) }
        : { ok: false, error: 'A day of the month is a whole number from 1 to 31' };
    }
    default:
      return { ok: true, rrule: buildRrule({ frequency: 'daily' }) };
  }
}

type Built<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A one-off window's start and end in epoch ms (start null = now, end null = indefinitely). */
function onceSchedule(form: PlanForm, now: number): Built<Extract<Schedule, { kind: 'once' }>> {
  const errors: FieldErrors = {};
  let start: number | null = null;
  if (form.startMode === 'at') {
    start = wallInputToMs(form.startAt, form.timezone);
    if (start === null) errors['schedule.start'] = 'Choose the date and time it starts';
    // A minute's grace: the time was typed a moment ago.
    else if (start < now - MINUTE) errors['schedule.start'] = 'That time has passed: choose “Now” to start at once';
  }
  let end: number | null = null;
  if (form.endMode === 'at') {
    end = wallInputToMs(form.endAt, form.timezone);
    if (end === null) errors['schedule.end'] = 'Choose the date and time it ends';
  } else if (form.endMode !== 'indefinite') {
    const preset = ONCE_END_PRESETS.find((p) => p.id === form.endMode)!;
    end = (start ?? now) + preset.ms;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { kind: 'once', start, end } };
}

function recurringSchedule(form: PlanForm): Built<Extract<Schedule, { kind: 'recurring' }>> {
  const rule = rruleOf(form);
  if (!rule.ok) return { ok: false, errors: { 'schedule.rrule': rule.error } };
  const value = { kind: 'recurring' as const, rrule: rule.rrule, duration: form.duration.trim(), start: form.recurStart, timezone: form.timezone };
  const problem = recurrenceError(value, form.timezone);
  return problem ? { ok: false, errors: { [`schedule.${problem.field}`]: problem.message } } : { ok: true, value };
}

/** The schedule the form describes, or the errors that stop it (keyed like the BFF's fields: "schedule.end"). */
export function scheduleOf(form: PlanForm, now: number): Built<Schedule> {
  return form.kind === 'once' ? onceSchedule(form, now) : recurringSchedule(form);
}

/** When the window (or, if recurring, each occurrence) ends, for the forecast and "+30 m"; null = never. */
export function plannedEnd(form: PlanForm, now: number): number | null | undefined {
  const built = scheduleOf(form, now);
  if (!built.ok || built.value.kind !== 'once') return undefined;
  return built.value.end;
}

/**
 * "+N m": a one-off's end moves N minutes later (and becomes an explicit time), a recurring
 * window's occurrences each last N minutes longer. An indefinite window has no end to move.
 */
export function withEndMovedBy(form: PlanForm, minutes: number, now: number): PlanForm {
  if (form.kind === 'recurring') {
    const ms = parseDurationMs(form.duration);
    return ms === null ? form : { ...form, duration: formatDatadogDuration(ms + minutes * MINUTE) };
  }
  const end = plannedEnd(form, now);
  if (end === null || end === undefined) return form;
  return { ...form, endMode: 'at', endAt: msToWallInput(end + minutes * MINUTE, form.timezone) };
}

/** A schedule that always parses: it stands in while the form's own schedule has errors, so every other field is still checked. */
const STAND_IN_SCHEDULE: Schedule = { kind: 'once', start: null, end: null };

/** The body for a schedule, from what the form holds (trimmed; empty optional fields left out). */
function bodyOf(form: PlanForm, schedule: Schedule): PlanRequestParsed {
  const overrideReason = form.overrideReason.trim();
  const confirm = form.confirm.trim();
  return {
    targets: { monitorIds: form.monitorIds, monitorTags: form.monitorTags },
    scope: form.scope.trim() || '*',
    schedule,
    reason: form.reason.trim(),
    ticket: form.ticket.trim() || null,
    endSettings: form.endSettings,
    displayTimezone: form.timezone,
    ...(overrideReason ? { overrideReason } : {}),
    ...(confirm ? { confirm } : {}),
  };
}

/** The body the form sends, when its schedule can be built (the rest may still be invalid): for the live guardrails. */
export function draftPlan(form: PlanForm, now: number): Built<PlanRequestParsed> {
  const schedule = scheduleOf(form, now);
  return schedule.ok ? { ok: true, value: bodyOf(form, schedule.value) } : schedule;
}

/** The plan to send, checked with the contract's own schema; or every field error at once. */
export function planRequestOf(form: PlanForm, now: number): Built<PlanRequestParsed> {
  const schedule = scheduleOf(form, now);
  const body = bodyOf(form, schedule.ok ? schedule.value : STAND_IN_SCHEDULE);
  const errors: FieldErrors = schedule.ok ? {} : { ...schedule.errors };
  const parsed = PlanRequestSchema.safeParse(body);
  if (!parsed.success) {
    for (const [k, v] of Object.entries(zodFieldErrors(parsed.error, { nested: true }))) errors[k] ??= v;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: body };
}

/** The reason the BFF's preview is sent with: the preview never changes anything, and reads no reason. */
const PREVIEW_REASON = 'Preview';

/**
 * The preview's body: only what decides which groups are covered (targets, scope, schedule), so
 * typing a reason or changing the end settings does not ask again. Null while the scope or
 * schedule is not valid.
 */
export function previewBodyOf(form: PlanForm, now: number): PlanRequestParsed | null {
  const schedule = scheduleOf(form, now);
  const scope = form.scope.trim() || '*';
  if (!schedule.ok || !parseScope(scope).ok) return null;
  return {
    targets: { monitorIds: form.monitorIds, monitorTags: form.monitorTags },
    scope,
    schedule: schedule.value,
    reason: PREVIEW_REASON,
    ticket: null,
    endSettings: DEFAULT_END_SETTINGS,
  };
}

/** The planner's first state: cloned from a window, else empty with the monitors from `?monitors=` picked. */
export function initialPlanForm(options: { clone: MaintenanceWindow | null; monitorIds: number[]; now: number; tz: string }): PlanForm {
  const { clone, monitorIds, now, tz } = options;
  if (clone) return formFromWindow(clone, now, tz);
  return { ...emptyPlanForm(now, tz), monitorIds };
}

/**
 * The schedule errors worth showing while the user is still typing: those about something typed.
 * "Choose the time it ends" for a box not filled yet waits until the user tries to save.
 */
export function typedScheduleErrors(form: PlanForm, errors: FieldErrors): FieldErrors {
  const empty: Record<string, boolean> = {
    'schedule.start': form.kind === 'once' ? form.startMode === 'at' && form.startAt === '' : form.recurStart === '',
    'schedule.end': form.kind === 'once' && form.endMode === 'at' && form.endAt === '',
    'schedule.rrule': form.kind === 'recurring' && form.repeat === 'custom' && form.customRrule.trim() === '',
    'schedule.duration': form.kind === 'recurring' && form.duration.trim() === '',
  };
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !empty[k]));
}

/** The fields the planner shows errors beside; any other error goes in the summary by the Save button. */
export const PLAN_FIELDS = ['targets', 'scope', 'schedule', 'reason', 'ticket', 'endSettings', 'displayTimezone', 'overrideReason', 'confirm'] as const;
