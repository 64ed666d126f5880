/**
 * Maintenance planning (issue 7): windows, the plan request, the group-level preview, the
 * end-of-window forecast, the guardrails and the hygiene report.
 *
 * A window is what a user plans once. Upstream it is one or more Datadog v2 downtimes that share
 * the scope, schedule, message and end settings: one per picked monitor (`monitor_id`), plus one
 * for the monitor tags (`monitor_tags`) when tags are given. The BFF ties them together with a
 * marker in the downtime message, so a window survives restarts and a downtime made elsewhere
 * shows as a window of its own.
 */
import { z } from 'zod';
import { groupTags, isMatchAll, matchesScope, parseScope } from './scope';
import { PersonSchema, REASON_MAX } from './monitors';
import { parseDurationMs } from './zoned-time';


export const NOTIFY_END_STATES = ['alert', 'warn', 'no data'] as const;
export type NotifyEndState = (typeof NOTIFY_END_STATES)[number];
export const NOTIFY_END_TYPES = ['expired', 'canceled'] as const;
export type NotifyEndType = (typeof NOTIFY_END_TYPES)[number];
/** Datadog's defaults: every non-OK state notifies when a window expires; cancelling notifies nothing. */
export const DEFAULT_END_SETTINGS: EndSettings = {
  notifyEndStates: ['alert', 'warn', 'no data'],
  notifyEndTypes: ['expired'],
  muteFirstRecovery: false,
};
/** What an admin types to plan a window that mutes everything. */
export const MUTE_EVERYTHING_CONFIRMATION = 'mute everything';
export const MAX_WINDOW_MONITORS = 500;
export const MAX_WINDOW_TAGS = 32;
/** Windows ending within this long are highlighted, and their creator may be reminded. */
export const ENDING_SOON_MS = 10 * 60_000;
/** "Extend" steps offered in the UI, in minutes. */
export const EXTEND_STEPS_MINUTES = [30, 60, 240] as const;
/** Hygiene: a window active for longer than this many days is reported (the query may change it). */
export const DEFAULT_LONG_ACTIVE_DAYS = 7;

export const EndSettingsSchema = z.strictObject({
  notifyEndStates: z.array(z.enum(NOTIFY_END_STATES)).max(3),
  notifyEndTypes: z.array(z.enum(NOTIFY_END_TYPES)).max(2),
  muteFirstRecovery: z.boolean(),
});
export type EndSettings = z.infer<typeof EndSettingsSchema>;

const tag = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty')
  .max(200)
  .regex(/^[^\s,]+$/, 'A tag has no spaces or commas, e.g. team:payments');


export const PlanTargetsSchema = z.strictObject({
  monitorIds: z.array(z.number().int().positive()).max(MAX_WINDOW_MONITORS, `At most ${MAX_WINDOW_MONITORS} monitors`),
  monitorTags: z.array(tag).max(MAX_WINDOW_TAGS, `At most ${MAX_WINDOW_TAGS} tags`),
});
export type PlanTargets = z.infer<typeof PlanTargetsSchema>;

export const WindowStatusSchema = z.enum(['scheduled', 'active', 'ended', 'canceled']).or(z.string());

export const WindowScheduleSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('once'), start: z.number(), end: z.number().nullable() }),
  z.looseObject({
    kind: z.literal('recurring'),
    rrule: z.string(),
    duration: z.string(),
    start: z.string(),
    timezone: z.string(),
    /** The occurrence in progress, else the next one; null once the rule has run out. */
    current: z.looseObject({ start: z.number(), end: z.number() }).nullable(),
  }),
]);
export type WindowSchedule = z.infer<typeof WindowScheduleSchema>;

export const MaintenanceWindowSchema = z.looseObject({
  /** The window id: watchdeck's bundle id, or the downtime id for a downtime made elsewhere. */
  id: z.string(),
  downtimeIds: z.array(z.string()),
  /** True when it was planned in watchdeck (and so may span several downtimes). */
  planned: z.boolean(),
  reason: z.string().nullable(),
  ticket: z.string().nullable(),
  targets: z.looseObject({
    monitorIds: z.array(z.number()),
    monitorTags: z.array(z.string()),
    /** Names of the picked monitors, when known. */
    monitorNames: z.record(z.string(), z.string()).optional(),
  }),
  scope: z.string(),
  schedule: WindowScheduleSchema,
  status: WindowStatusSchema,
  endSettings: EndSettingsSchema,
  displayTimezone: z.string(),
  /** The watchdeck user who planned it, else Datadog's creator. */
  creator: PersonSchema.extend({ disabled: z.boolean().optional() }).nullable(),
  createdAt: z.number().nullable(),
  modifiedAt: z.number().nullable(),
  /** Kept alive in 30 m steps until the forecast groups recover (see untilRecovered). */
  untilRecovered: z.boolean().optional(),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindowSchema>;

export const WindowListResponseSchema = z.looseObject({
  windows: z.array(MaintenanceWindowSchema),
  fetchedAt: z.number(),
  stale: z.boolean(),
});
export type WindowListResponse = z.infer<typeof WindowListResponseSchema>;

/** One monitor × group a window covers. */
export const PreviewGroupSchema = z.looseObject({
  monitorId: z.number(),
  monitorName: z.string(),
  group: z.string(),
  state: z.string(),
  /** How the monitor was targeted: "picked", or the monitor tags that matched. */
  matchedBy: z.looseObject({ picked: z.boolean(), monitorTags: z.array(z.string()) }),
  /** The scope's tags this group matched on ([] for a "*" scope). */
  scopeTags: z.array(z.string()),
});
export type PreviewGroup = z.infer<typeof PreviewGroupSchema>;

export const PreviewResponseSchema = z.looseObject({
  groups: z.array(PreviewGroupSchema),
  /** Monitors with at least one covered group now. */
  monitorCount: z.number().int(),
  /**
   * Monitors targeted by tag whose groups the scope does not match yet: the window catches them
   * when such a group appears. Monitors created later with the tags are caught too.
   */
  futureMonitorCount: z.number().int(),
  /** True when the window mutes every monitor (no targets, or a `*` tag). */
  mutesEverything: z.boolean(),
  /** The cap on `groups` (the counts are exact). */
  truncated: z.boolean(),
  /** Guardrail outcome for the signed-in user; the BFF enforces the same on save. */
  guardrails: z.looseObject({ problems: z.array(z.looseObject({ field: z.string(), message: z.string(), status: z.number() })) }),
  fetchedAt: z.number(),
  stale: z.boolean(),
});
export type PreviewResponse = z.infer<typeof PreviewResponseSchema>;

export const WindowDetailResponseSchema = z.looseObject({
  window: MaintenanceWindowSchema,
  /** What it covers now (empty when it is not active: then it is what it would cover). */
  preview: PreviewResponseSchema,
});
export type WindowDetailResponse = z.infer<typeof WindowDetailResponseSchema>;

export const ExtendRequestSchema = z.strictObject({
  minutes: z.number().int().min(1).max(7 * 24 * 60),
  overrideReason: z.string().trim().min(1).max(REASON_MAX).optional(),
});
export const EndSettingsPatchSchema = z.strictObject({ endSettings: EndSettingsSchema });
export const CleanupRequestSchema = z.strictObject({
  windowIds: z.array(z.string().min(1).max(200)).min(1).max(200),
});
export const CleanupResponseSchema = z.looseObject({
  canceled: z.array(z.string()),
  failed: z.array(z.looseObject({ id: z.string(), error: z.string() })),
});
export type CleanupResponse = z.infer<typeof CleanupResponseSchema>;

export const HYGIENE_KINDS = ['matches_nothing', 'long_active', 'indefinite_no_reason', 'disabled_creator'] as const;
export type HygieneKind = (typeof HYGIENE_KINDS)[number];
export const HygieneResponseSchema = z.looseObject({
  findings: z.array(
    z.looseObject({
      window: MaintenanceWindowSchema,
      kinds: z.array(z.enum(HYGIENE_KINDS).or(z.string())),
      /** One plain sentence per kind. */
      details: z.array(z.string()),
    }),
  ),
  longActiveDays: z.number().int(),
  fetchedAt: z.number(),
  stale: z.boolean(),
});
export type HygieneResponse = z.infer<typeof HygieneResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Pure computations, shared by the BFF (which enforces) and the SPA (which shows them live).

export interface PreviewMonitor {
  id: number;
  name: string;
  tags: readonly string[];
  groups: readonly { name: string; status: string }[];
}

/** What previewWindow computes (the response adds the guardrails and freshness). */
export interface WindowPreview {
  groups: PreviewGroup[];
  monitorCount: number;
  futureMonitorCount: number;
  mutesEverything: boolean;
  truncated: boolean;
}

/** Does a window with these targets mute every monitor? */
export function targetsEverything(targets: PlanTargets): boolean {
  return (targets.monitorIds.length === 0 && targets.monitorTags.length === 0) || targets.monitorTags.includes('*');
}

/** Does a plan mute everything: every monitor, with a scope that matches every group? */
export function mutesEverything(targets: PlanTargets, scope: string): boolean {
  return targetsEverything(targets) && isMatchAll(scope.trim() === '' ? '*' : scope);
}

/** The monitor tags (lower-cased) a monitor carries out of those asked for, or null when it lacks one. */
export function matchedMonitorTags(monitorTags: readonly string[], wanted: readonly string[]): string[] | null {
  if (wanted.length === 0) return null;
  if (wanted.includes('*')) return ['*'];
  const own = new Set(monitorTags.map((t) => t.toLowerCase()));
  const lower = wanted.map((t) => t.toLowerCase());
  return lower.every((t) => own.has(t)) ? lower : null;
}

/**
 * Every monitor × group a window covers now, with its state and what matched.
 * `limit` caps the rows returned; the counts are always exact.
 */
export function previewWindow(
  monitors: readonly PreviewMonitor[],
  targets: PlanTargets,
  scope: string,
  limit = 2000,
): WindowPreview {
  const parsed = parseScope(scope.trim() === '' ? '*' : scope);
  const everything = targetsEverything(targets);
  const picked = new Set(targets.monitorIds);
  const groups: PreviewGroup[] = [];
  let monitorCount = 0;
  let futureMonitorCount = 0;
  let total = 0;
  for (const m of monitors) {
    const byTag = everything ? [] : matchedMonitorTags(m.tags, targets.monitorTags);
    const isPicked = picked.has(m.id);
    if (!everything && !isPicked && byTag === null) continue;
    if (!parsed.ok) continue;
    const expr = parsed.expr;
    const matchAll = isMatchAll(expr);
    let covered = 0;
    for (const g of m.groups) {
      const tags = groupTags(g.name);
      if (!matchAll && !matchesScope(expr, tags)) continue;
      covered += 1;
      total += 1;
      if (groups.length < limit) {
        groups.push({
          monitorId: m.id,
          monitorName: m.name,
          group: g.name,
          state: g.status,
          matchedBy: { picked: isPicked, monitorTags: byTag ?? [] },
          scopeTags: matchAll ? [] : scopeTagsMatched(scope, tags),
        });
      }
    }
    if (covered > 0 || (matchAll && m.groups.length === 0)) monitorCount += 1;
    else if (!isPicked) futureMonitorCount += 1;
  }
  return {
    groups,
    monitorCount,
    futureMonitorCount,
    mutesEverything: mutesEverything(targets, scope),
    truncated: total > groups.length,
  };
}

/** The scope's plain tags that a group carries (a readable "matched on"). */
function scopeTagsMatched(scope: string, groupTagList: readonly string[]): string[] {
  const own = new Set(groupTagList.map((t) => t.toLowerCase()));
  const words = scope
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !['AND', 'OR', 'NOT'].includes(w.toUpperCase()) && !w.startsWith('-') && !w.startsWith('!'));
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => own.has(w) || (w.includes('*') && [...own].some((t) => wildcard(w, t)))))];
}

function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

/** Group states that an end setting names. */
const STATE_OF: Record<string, NotifyEndState> = { Alert: 'alert', Warn: 'warn', 'No Data': 'no data' };

export interface ForecastGroup {
  monitorId: number;
  monitorName: string;
  group: string;
  state: string;
}

/**
 * The groups that would notify when the window ends this way (`expired` at its end, or
 * `canceled` by "end now"): those now in a state the end settings name. OK and other states never
 * notify at the end. `muteFirstRecovery` does not change who notifies at the end; it silences each
 * group's first recovery afterwards, which the result reports.
 */
export function forecastEnd(
  groups: readonly ForecastGroup[],
  settings: EndSettings,
  how: NotifyEndType,
): { notify: ForecastGroup[]; quiet: number; recoveryMuted: boolean } {
  if (!settings.notifyEndTypes.includes(how)) return { notify: [], quiet: groups.length, recoveryMuted: settings.muteFirstRecovery };
  const notify = groups.filter((g) => {
    const s = STATE_OF[g.state];
    return s !== undefined && settings.notifyEndStates.includes(s);
  });
  return { notify, quiet: groups.length - notify.length, recoveryMuted: settings.muteFirstRecovery };
}

export interface GuardrailProblem {
  field: string;
  message: string;
  /** 400: fix the form; 403: needs an admin. */
  status: 400 | 403;
}

/** A schedule as the guardrails read it (the parsed plan's, see ./maintenance-schedule). */
export type GuardedSchedule =
  | { kind: 'once'; start: number | null; end: number | null }
  | { kind: 'recurring'; duration: string };

/** What the guardrails read of a parsed plan request. */
export interface GuardedPlan {
  targets: PlanTargets;
  scope: string;
  schedule: GuardedSchedule;
  ticket: string | null;
  overrideReason?: string;
  confirm?: string;
}

/** The longest stretch a schedule mutes in one go, in ms; null when indefinite. */
export function longestMuteMs(schedule: GuardedSchedule, nowMs: number): number | null {
  if (schedule.kind === 'once') return schedule.end === null ? null : schedule.end - (schedule.start ?? nowMs);
  return parseDurationMs(schedule.duration) ?? 0;
}

/**
 * The guardrails, checked by the BFF before anything goes upstream and shown by the form:
 * - a window longer than maxMuteHours, or indefinite, needs an admin, who gives `overrideReason`;
 * - an indefinite window needs a ticket link;
 * - a window that mutes everything needs an admin and the typed confirmation;
 * - a one-off window must not end in the past.
 */
export function checkGuardrails(
  plan: GuardedPlan,
  ctx: { role: string; maxMuteHours: number; nowMs: number },
): GuardrailProblem[] {
  const problems: GuardrailProblem[] = [];
  const admin = ctx.role === 'admin';
  const longest = longestMuteMs(plan.schedule, ctx.nowMs);
  const capMs = ctx.maxMuteHours * 3_600_000;
  if (plan.schedule.kind === 'once' && plan.schedule.end !== null && plan.schedule.end <= ctx.nowMs) {
    problems.push({ field: 'schedule.end', message: 'The end is in the past', status: 400 });
  }
  if (longest === null) {
    if (!plan.ticket) {
      problems.push({ field: 'ticket', message: 'An indefinite window needs a ticket link', status: 400 });
    }
    if (!admin) {
      problems.push({
        field: 'schedule.end',
        message: `Only an admin can plan an indefinite window; give an end within ${ctx.maxMuteHours} hours`,
        status: 403,
      });
    } else if (!plan.overrideReason) {
      problems.push({ field: 'overrideReason', message: 'Say why this window has no end', status: 400 });
    }
  } else if (longest > capMs) {
    if (!admin) {
      problems.push({
        field: 'schedule.end',
        message: `Windows longer than ${ctx.maxMuteHours} hours need an admin`,
        status: 403,
      });
    } else if (!plan.overrideReason) {
      problems.push({
        field: 'overrideReason',
        message: `Say why this window is longer than ${ctx.maxMuteHours} hours`,
        status: 400,
      });
    }
  }
  if (mutesEverything(plan.targets, plan.scope)) {
    if (!admin) {
      problems.push({ field: 'scope', message: 'Only an admin can mute every monitor and group', status: 403 });
    } else if ((plan.confirm ?? '').trim().toLowerCase() !== MUTE_EVERYTHING_CONFIRMATION) {
      problems.push({
        field: 'confirm',
        message: `This mutes everything: type "${MUTE_EVERYTHING_CONFIRMATION}" to confirm`,
        status: 400,
      });
    }
  }
  return problems;
}

/** The next end among active windows (null when none is active or all are indefinite). */
export function nearestEnd(windows: readonly MaintenanceWindow[]): { windowId: string; end: number } | null {
  let best: { windowId: string; end: number } | null = null;
  for (const w of windows) {
    if (w.status !== 'active') continue;
    const end = w.schedule.kind === 'once' ? w.schedule.end : (w.schedule.current?.end ?? null);
    if (end !== null && (best === null || end < best.end)) best = { windowId: w.id, end };
  }
  return best;
}

/** The end an "extend by N minutes" gives: the current end plus N, never now plus N. */
export function extendedEnd(currentEnd: number, minutes: number): number {
  return currentEnd + minutes * 60_000;
}
