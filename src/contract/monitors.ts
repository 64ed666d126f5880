import { z } from 'zod';

/**
 * The BFF-to-SPA wire for monitors, groups and downtimes.
 *
 * Conventions:
 * - every timestamp is epoch milliseconds (`...At`), or null when unknown/never;
 * - statuses and types are open strings (Datadog adds values); see states.ts;
 * - objects are loose: unknown fields from a newer BFF are kept, never a crash.
 */

export const PersonSchema = z.looseObject({
  name: z.string().nullable(),
  handle: z.string().nullable(),
  email: z.string().nullable().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const GroupStateSchema = z.looseObject({
  /** Datadog's group name, e.g. "env:prod,host:web-1"; "total" for an ungrouped monitor (as Datadog names it). */
  name: z.string(),
  status: z.string(),
  /** Tags parsed from the group name; what a downtime scope is matched against. */
  tags: z.array(z.string()),
  lastTriggeredAt: z.number().nullable(),
  lastResolvedAt: z.number().nullable(),
  lastNodataAt: z.number().nullable(),
  lastNotifiedAt: z.number().nullable(),
  /** Muted by at least one active downtime. */
  muted: z.boolean(),
  /** Latest end among the active downtimes muting this group; null with muted=true means indefinitely. */
  mutedUntil: z.number().nullable(),
});
export type GroupState = z.infer<typeof GroupStateSchema>;

export const MuteSummarySchema = z.looseObject({
  /** none: nothing muted; partial: some groups; all: a downtime covers the whole monitor (scope "*"). */
  state: z.enum(['none', 'partial', 'all']).or(z.string()),
  /** For state=all the end of the whole-monitor mute (null = indefinitely); for partial the soonest group end. */
  endsAt: z.number().nullable(),
  mutedGroups: z.number().int(),
  /** Number of active downtimes that match this monitor. */
  downtimes: z.number().int(),
});
export type MuteSummary = z.infer<typeof MuteSummarySchema>;

export const MonitorSummarySchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  query: z.string(),
  message: z.string(),
  tags: z.array(z.string()),
  priority: z.number().int().nullable(),
  overallState: z.string(),
  overallStateModifiedAt: z.number().nullable(),
  multi: z.boolean(),
  creator: PersonSchema.nullable(),
  createdAt: z.number().nullable(),
  modifiedAt: z.number().nullable(),
  /** Count of groups per status, e.g. {"OK": 12, "Alert": 1}. */
  groupCounts: z.record(z.string(), z.number().int()),
  mute: MuteSummarySchema,
});
export type MonitorSummary = z.infer<typeof MonitorSummarySchema>;

export const MonitorListResponseSchema = z.looseObject({
  monitors: z.array(MonitorSummarySchema),
  /** When the BFF last got this data from the upstream. */
  fetchedAt: z.number(),
  /** True when the upstream failed and this is the last good copy. */
  stale: z.boolean(),
});
export type MonitorListResponse = z.infer<typeof MonitorListResponseSchema>;

export const DowntimeSchema = z.looseObject({
  id: z.string(),
  /** Datadog v2 scope, e.g. "host:web-1 AND env:prod", "*" for everything. */
  scope: z.string(),
  /** Target: one monitor by id, or every monitor carrying all these tags. */
  monitorId: z.number().int().nullable(),
  monitorTags: z.array(z.string()).nullable(),
  /** active | scheduled | ended | canceled, or a newer value kept as data. */
  status: z.string(),
  message: z.string().nullable(),
  startAt: z.number().nullable(),
  /** null = indefinitely. */
  endAt: z.number().nullable(),
  createdAt: z.number().nullable(),
  creator: PersonSchema.nullable(),
  /** Groups of the monitor this downtime mutes now, when known. */
  groups: z.array(z.string()).optional(),
  recurring: z.boolean().optional(),
});
export type Downtime = z.infer<typeof DowntimeSchema>;

export const MonitorDetailSchema = MonitorSummarySchema.extend({
  options: z.record(z.string(), z.unknown()),
  groups: z.array(GroupStateSchema),
  /** Active and scheduled downtimes that target this monitor (by id or by its tags). */
  downtimes: z.array(DowntimeSchema),
  fetchedAt: z.number(),
  stale: z.boolean(),
});
export type MonitorDetail = z.infer<typeof MonitorDetailSchema>;

/** Longest text we accept for a reason; Datadog's message field is larger, this keeps pages readable. */
export const REASON_MAX = 1000;

/**
 * Mute a monitor, or the part of it a scope matches, until `end` (epoch ms) or indefinitely (end null).
 * A reason is always required (1-1000 characters after trimming); the BFF sends it upstream
 * as "by <user> via watchdeck: <reason>". Responders may mute for at most AppConfig.maxMuteHours;
 * longer and indefinite mutes are admin-only.
 */
export const MuteRequestSchema = z.strictObject({
  scope: z.string().trim().min(1).max(2000).default('*'),
  end: z.number().int().positive().nullable(),
  reason: z.string().trim().min(1, 'A reason is required').max(REASON_MAX, `At most ${REASON_MAX} characters`),
});
export type MuteRequest = z.input<typeof MuteRequestSchema>;

/** Unmute: cancel this monitor's downtimes for exactly one scope, or all of them. */
export const UnmuteRequestSchema = z
  .strictObject({
    scope: z.string().trim().min(1).max(2000).optional(),
    all: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!!v.scope === !!v.all) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Give either a scope or all: true' });
    }
  });
export type UnmuteRequest = z.input<typeof UnmuteRequestSchema>;

export const UnmuteResponseSchema = z.looseObject({
  /** Downtime ids cancelled. */
  canceled: z.array(z.string()),
  /**
   * Downtimes that matched but were left alone because they also mute other
   * monitors (they target monitor tags); cancel them from the downtime list.
   */
  skipped: z.array(z.looseObject({ id: z.string(), scope: z.string(), reason: z.string() })),
});
export type UnmuteResponse = z.infer<typeof UnmuteResponseSchema>;

export const MonitorIdParamSchema = z.object({ id: z.coerce.number().int().positive() });
export const DowntimeIdParamSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID'),
});

export const HealthSchema = z.looseObject({
  status: z.literal('ok'),
  mode: z.enum(['embedded', 'real', 'pointed']),
});

/** WATCHDECK_MAX_MUTE_HOURS when unset: the BFF's default, and the SPA's when /api/config does not say. */
export const DEFAULT_MAX_MUTE_HOURS = 168;

/** Non-secret facts the SPA may show: which mode, which site. */
export const AppConfigSchema = z.looseObject({
  mode: z.enum(['embedded', 'real', 'pointed']),
  site: z.string().nullable(),
  refreshIntervalMs: z.number().int().positive(),
  /** local accounts or a trusted auth proxy (issue 3). */
  authMode: z.enum(['local', 'proxy']).or(z.string()).optional(),
  /** Longest mute a responder may make, in hours; admins may exceed it (and mute indefinitely) with a reason. */
  maxMuteHours: z.number().positive().optional(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;
