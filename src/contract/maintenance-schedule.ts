/**
 * The parts of maintenance planning that expand RRULEs (and so load the rrule library): the
 * schedule and plan request schemas, and the calendar. Kept apart from ./maintenance so the
 * layout's banner and the window list stay small.
 */
import { z } from 'zod';
import { REASON_MAX } from './monitors';
import {
  DEFAULT_END_SETTINGS,
  EndSettingsSchema,
  PlanTargetsSchema,
  type MaintenanceWindow,
} from './maintenance';
import { expandRecurrence, recurrenceError, type Occurrence, type Recurrence } from './recurrence';
import { isTimeZone } from './zoned-time';

const timezone = z.string().trim().refine(isTimeZone, 'Unknown timezone');

export const OnceScheduleSchema = z.strictObject({
  kind: z.literal('once'),
  /** epoch ms; null = now. */
  start: z.number().int().positive().nullable(),
  /** epoch ms; null = indefinitely (needs a ticket, and an admin). */
  end: z.number().int().positive().nullable(),
});

export const RecurringScheduleSchema = z.strictObject({
  kind: z.literal('recurring'),
  rrule: z.string().trim().min(1, 'An RRULE is required').max(500),
  /** "2h", "30m", "1d". */
  duration: z.string().trim(),
  /** Local wall-clock start in `timezone`, "YYYY-MM-DDTHH:mm". */
  start: z.string().trim(),
  timezone,
});

export const ScheduleSchema = z
  .discriminatedUnion('kind', [OnceScheduleSchema, RecurringScheduleSchema])
  .superRefine((s, ctx) => {
    if (s.kind === 'once') {
      if (s.end !== null && s.start !== null && s.end <= s.start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start' });
      }
      return;
    }
    const problem = recurrenceError({ rrule: s.rrule, duration: s.duration, start: s.start }, s.timezone);
    // The timezone's own check has already said so.
    if (problem && problem.field !== 'timezone') ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type Schedule = z.infer<typeof ScheduleSchema>;

const ticketUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'A ticket link is an http(s) URL, e.g. https://jira.example.com/browse/OPS-42');

/**
 * Plan a window. Also the body of the preview (which never changes anything).
 * Targets: the picked monitors, and every monitor carrying all of `monitorTags` (now or later).
 * Neither, or a `*` tag, targets every monitor: that needs an admin and `confirm`.
 */
export const PlanRequestSchema = z.strictObject({
  targets: PlanTargetsSchema,
  scope: z.string().trim().min(1).max(2000).default('*'),
  schedule: ScheduleSchema,
  reason: z.string().trim().min(1, 'A reason is required').max(REASON_MAX, `At most ${REASON_MAX} characters`),
  ticket: ticketUrl.nullable().default(null),
  endSettings: EndSettingsSchema.default(DEFAULT_END_SETTINGS),
  /** Shown to Datadog users; defaults to the schedule's timezone, else UTC. */
  displayTimezone: timezone.optional(),
  /** An admin going past maxMuteHours says why (kept in the audit record and the message). */
  overrideReason: z.string().trim().min(1).max(REASON_MAX).optional(),
  /** Must be MUTE_EVERYTHING_CONFIRMATION when the window mutes everything. */
  confirm: z.string().optional(),
});
export type PlanRequest = z.input<typeof PlanRequestSchema>;
export type PlanRequestParsed = z.output<typeof PlanRequestSchema>;

/** A window's occurrences that overlap [fromMs, toMs). */
export function windowOccurrences(w: Pick<MaintenanceWindow, 'schedule' | 'status'>, fromMs: number, toMs: number, nowMs: number): Occurrence[] {
  if (w.schedule.kind === 'once') {
    const end = w.schedule.end ?? Math.max(toMs, nowMs);
    return w.schedule.start < toMs && end > fromMs ? [{ start: w.schedule.start, end }] : [];
  }
  const rec: Recurrence = { rrule: w.schedule.rrule, duration: w.schedule.duration, start: w.schedule.start };
  try {
    return expandRecurrence(rec, w.schedule.timezone, fromMs, toMs);
  } catch {
    return [];
  }
}

/** Do two windows touch the same monitors? Unknown or everything-targets count as touching. */
export function targetsOverlap(a: MaintenanceWindow['targets'], b: MaintenanceWindow['targets']): boolean {
  const all = (t: MaintenanceWindow['targets']) => (t.monitorIds.length === 0 && t.monitorTags.length === 0) || t.monitorTags.includes('*');
  if (all(a) || all(b)) return true;
  if (a.monitorIds.some((id) => b.monitorIds.includes(id))) return true;
  const tagsA = a.monitorTags.map((t) => t.toLowerCase());
  return tagsA.length > 0 && b.monitorTags.some((t) => tagsA.includes(t.toLowerCase()));
}

export interface CalendarEntry {
  windowId: string;
  start: number;
  end: number;
  /** Ids of the other windows whose occurrences overlap this one in time and targets. */
  overlapsWith: string[];
}

/** Expands windows into calendar entries over [fromMs, toMs), flagging overlaps. Canceled windows are left out. */
export function calendarEntries(
  windows: readonly MaintenanceWindow[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): CalendarEntry[] {
  const entries: (CalendarEntry & { targets: MaintenanceWindow['targets'] })[] = [];
  for (const w of windows) {
    if (w.status === 'canceled') continue;
    for (const o of windowOccurrences(w, fromMs, toMs, nowMs)) {
      entries.push({ windowId: w.id, start: o.start, end: o.end, overlapsWith: [], targets: w.targets });
    }
  }
  entries.sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 0; i < entries.length; i += 1) {
    const a = entries[i]!;
    for (let j = i + 1; j < entries.length && entries[j]!.start < a.end; j += 1) {
      const b = entries[j]!;
      if (b.windowId === a.windowId || !targetsOverlap(a.targets, b.targets)) continue;
      if (!a.overlapsWith.includes(b.windowId)) a.overlapsWith.push(b.windowId);
      if (!b.overlapsWith.includes(a.windowId)) b.overlapsWith.push(a.windowId);
    }
  }
  return entries.map(({ targets: _t, ...e }) => e);
}

