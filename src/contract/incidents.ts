import { z } from 'zod';

/**
 * The BFF-to-SPA wire for incidents, their todos and their timeline.
 * Timestamps are epoch ms; durations are seconds. Severities and states are
 * open strings on the wire (Datadog adds values); the enums below are what
 * watchdeck writes.
 */
export const SEVERITIES = ['SEV-0', 'SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5', 'UNKNOWN'] as const;
export const STATES = ['active', 'stable', 'resolved', 'completed'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export const IncidentStateSchema = z.enum(STATES);
export type Severity = z.infer<typeof SeveritySchema>;
export type IncidentState = z.infer<typeof IncidentStateSchema>;

/** Open states: the incident is still being worked. */
export function isOpenState(state: string): boolean {
  return state === 'active' || state === 'stable';
}

/** A Datadog user (not a watchdeck account): commanders, members, assignees. */
export const PersonRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  handle: z.string(),
  email: z.string().nullable().optional(),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const PeopleResponseSchema = z.looseObject({ people: z.array(PersonRefSchema) });

export const NotificationHandleSchema = z.looseObject({ handle: z.string(), displayName: z.string().nullable() });

export const IncidentSummarySchema = z.looseObject({
  id: z.string(),
  /** The number in "IR-12". */
  publicId: z.number().int(),
  title: z.string(),
  severity: z.string(),
  state: z.string(),
  commander: PersonRefSchema.nullable(),
  /** Team handles. */
  teams: z.array(z.string()),
  customerImpacted: z.boolean(),
  customerImpactScope: z.string().nullable(),
  customerImpactStart: z.number().nullable(),
  customerImpactEnd: z.number().nullable(),
  notificationHandles: z.array(NotificationHandleSchema),
  createdAt: z.number(),
  modifiedAt: z.number().nullable(),
  detectedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  /** Seconds, when Datadog computed them. */
  timeToDetect: z.number().nullable(),
  timeToRepair: z.number().nullable(),
  customerImpactDuration: z.number().nullable(),
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

export const IncidentListQuerySchema = z.strictObject({
  state: z.array(z.string().max(32)).max(8).optional(),
  severity: z.array(z.string().max(16)).max(8).optional(),
  /** Team handle. */
  team: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  size: z.coerce.number().int().min(1).max(100).default(25),
});
export type IncidentListQuery = z.input<typeof IncidentListQuerySchema>;

export const IncidentListResponseSchema = z.looseObject({
  incidents: z.array(IncidentSummarySchema),
  /** Matching incidents in all pages. */
  total: z.number().int(),
  /** Counts per state and per severity over the matching incidents. */
  facets: z.looseObject({
    state: z.record(z.string(), z.number().int()),
    severity: z.record(z.string(), z.number().int()),
  }),
  offset: z.number().int(),
  size: z.number().int(),
  /** null on the last page. */
  nextOffset: z.number().int().nullable(),
});
export type IncidentListResponse = z.infer<typeof IncidentListResponseSchema>;

export const TodoSchema = z.looseObject({
  id: z.string(),
  content: z.string(),
  completedAt: z.number().nullable(),
  dueAt: z.number().nullable(),
  assignees: z.array(z.string()),
  createdAt: z.number().nullable(),
});
export type Todo = z.infer<typeof TodoSchema>;

export const IncidentDetailSchema = IncidentSummarySchema.extend({
  todos: z.array(TodoSchema),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

/** The longest title an incident may have (Datadog's limit). */
export const INCIDENT_TITLE_MAX = 256;
const TitleSchema = z.string().trim().min(1, 'A title is required').max(INCIDENT_TITLE_MAX);
const ImpactScopeSchema = z.string().trim().min(1).max(1000);

/** Declare an incident. The same schema validates in the browser and in the BFF. */
export const DeclareIncidentRequestSchema = z
  .strictObject({
    title: TitleSchema,
    severity: SeveritySchema,
    customerImpacted: z.boolean(),
    customerImpactScope: ImpactScopeSchema.optional(),
    /** Epoch ms; defaults to now when impacted. */
    customerImpactStart: z.number().int().positive().optional(),
    /** Datadog user id of the commander. */
    commanderId: z.string().min(1).max(64).optional(),
    teams: z.array(z.string().min(1).max(200)).max(20).optional(),
    notificationHandles: z.array(z.string().regex(/^@\S+$/, 'A handle starts with @')).max(20).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.customerImpacted && !v.customerImpactScope) {
      ctx.addIssue({ code: 'custom', path: ['customerImpactScope'], message: 'Describe the customer impact' });
    }
    if (!v.customerImpacted && (v.customerImpactScope || v.customerImpactStart)) {
      ctx.addIssue({ code: 'custom', path: ['customerImpacted'], message: 'Impact details need customer impact on' });
    }
  });
export type DeclareIncidentRequest = z.input<typeof DeclareIncidentRequestSchema>;

/** Change an incident: any subset. null commanderId removes the commander. */
export const UpdateIncidentRequestSchema = z
  .strictObject({
    title: TitleSchema.optional(),
    severity: SeveritySchema.optional(),
    state: IncidentStateSchema.optional(),
    commanderId: z.string().min(1).max(64).nullable().optional(),
    teams: z.array(z.string().min(1).max(200)).max(20).optional(),
    customerImpacted: z.boolean().optional(),
    customerImpactScope: ImpactScopeSchema.nullable().optional(),
    customerImpactStart: z.number().int().positive().nullable().optional(),
    customerImpactEnd: z.number().int().positive().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (Object.keys(v).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'Nothing to change' });
    if (v.customerImpactStart && v.customerImpactEnd && v.customerImpactEnd < v.customerImpactStart) {
      ctx.addIssue({ code: 'custom', path: ['customerImpactEnd'], message: 'The end is before the start' });
    }
  });
export type UpdateIncidentRequest = z.input<typeof UpdateIncidentRequestSchema>;

export const NoteRequestSchema = z.strictObject({ content: z.string().trim().min(1, 'Write something').max(10_000) });
export type NoteRequest = z.input<typeof NoteRequestSchema>;

export const CreateTodoRequestSchema = z.strictObject({
  content: z.string().trim().min(1, 'Write the todo').max(1000),
  assignees: z.array(z.string().min(1).max(200)).max(10).optional(),
  dueAt: z.number().int().positive().optional(),
});
export type CreateTodoRequest = z.input<typeof CreateTodoRequestSchema>;

export const UpdateTodoRequestSchema = z
  .strictObject({ completed: z.boolean().optional(), content: z.string().trim().min(1).max(1000).optional() })
  .refine((v) => v.completed !== undefined || v.content !== undefined, { message: 'Nothing to change' });
export type UpdateTodoRequest = z.input<typeof UpdateTodoRequestSchema>;

/** Kinds of timeline entries; the wire keeps unknown kinds as data. */
export const TIMELINE_KINDS = [
  'declared',
  'detected',
  'impact_start',
  'impact_end',
  'resolved',
  'state',
  'severity',
  'commander',
  'teams',
  'title',
  'note',
  'todo',
  'todo_completed',
  'todo_reopened',
  'mute',
  'unmute',
] as const;

export const TimelineEntrySchema = z.looseObject({
  id: z.string(),
  at: z.number(),
  kind: z.string(),
  /** watchdeck username, Datadog user name, or null for milestones. */
  actor: z.string().nullable(),
  /** One line for people, e.g. "Severity SEV-2 → SEV-1". */
  summary: z.string(),
  /** Longer text: a note's content, a mute's scope and end. */
  detail: z.string().nullable(),
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  /** Where it came from: milestone (Datadog's fields), todo (Datadog), watchdeck (our own record), mute (our audit log). */
  source: z.enum(['milestone', 'todo', 'watchdeck', 'mute']).or(z.string()),
  /** SPA path to follow, e.g. /monitors/123 for a mute. */
  link: z.string().nullable().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineResponseSchema = z.looseObject({ entries: z.array(TimelineEntrySchema) });
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;

export const IncidentIdParamSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/i, 'must be a UUID') });
export const TodoParamsSchema = IncidentIdParamSchema.extend({ todoId: z.string().regex(/^[0-9a-f-]{36}$/i, 'must be a UUID') });
