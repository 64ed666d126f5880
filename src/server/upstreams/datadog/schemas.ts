import { z } from 'zod';

/**
 * Raw Datadog shapes, as the API sends them (see
 * ../shared/conformance/datadog/). Loose on purpose: unknown fields are kept,
 * enums are plain strings, and a field of an unexpected type falls back to
 * "unknown" instead of failing the whole answer. Only what we cannot work
 * without (a monitor's id, a downtime's id) is required.
 */

const str = z.string().nullish().catch(null);
const num = z.number().nullish().catch(null);
const strList = z.array(z.string()).nullish().catch(null);

export const RawCreatorSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).nullish().catch(null),
  name: str,
  handle: str,
  email: str,
});

/** One group of `state.groups` (timestamps in epoch seconds). */
export const RawGroupStateSchema = z.looseObject({
  name: str,
  status: str,
  last_triggered_ts: num,
  last_notified_ts: num,
  last_resolved_ts: num,
  last_nodata_ts: num,
});
export type RawGroupState = z.infer<typeof RawGroupStateSchema>;

/** An item of `matching_downtimes` (v1 shape: epoch seconds, scope as a list or, from newer servers, a string). */
export const RawMatchingDowntimeSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).nullish().catch(null),
  monitor_id: num,
  start: num,
  end: num,
  scope: z.union([z.array(z.string()), z.string()]).nullish().catch(null),
  groups: strList,
  active: z.boolean().nullish().catch(null),
});
export type RawMatchingDowntime = z.infer<typeof RawMatchingDowntimeSchema>;

/** One monitor, whole (the detail reads options and group timestamps); the list reads a slimmer shape (list-schemas.ts). */
export const RawMonitorSchema = z.looseObject({
  id: z.number().int(),
  name: str,
  type: str,
  query: str,
  message: str,
  tags: strList,
  options: z.record(z.string(), z.unknown()).nullish().catch(null),
  priority: num,
  multi: z.boolean().nullish().catch(null),
  overall_state: str,
  overall_state_modified: str,
  created: str,
  modified: str,
  created_at: num,
  creator: RawCreatorSchema.nullish().catch(null),
  state: z
    .looseObject({
      // Datadog keys groups by name; accept a list too, from simpler servers.
      groups: z
        .union([z.record(z.string(), RawGroupStateSchema), z.array(RawGroupStateSchema)])
        .nullish()
        .catch(null),
    })
    .nullish()
    .catch(null),
  matching_downtimes: z.array(RawMatchingDowntimeSchema).nullish().catch(null),
});
export type RawMonitor = z.infer<typeof RawMonitorSchema>;

const RawScheduleTimesSchema = z.looseObject({ start: str, end: str });

/** One rule of a recurring schedule: an RRULE, a duration ("2h") and a wall-clock start with no offset. */
export const RawRecurrenceSchema = z.looseObject({ rrule: str, duration: str, start: str });
export type RawRecurrence = z.infer<typeof RawRecurrenceSchema>;

export const RawDowntimeAttributesSchema = z.looseObject({
  scope: str,
  status: str,
  message: str,
  display_timezone: str,
  created: str,
  modified: str,
  canceled: str,
  monitor_identifier: z
    .looseObject({ monitor_id: num, monitor_tags: strList })
    .nullish()
    .catch(null),
  schedule: z
    .looseObject({
      start: str,
      end: str,
      // A rule that is not an object is kept as null (and skipped), not a failure of the whole downtime.
      recurrences: z.array(RawRecurrenceSchema.nullable().catch(null)).nullish().catch(null),
      current_downtime: RawScheduleTimesSchema.nullish().catch(null),
      timezone: str,
    })
    .nullish()
    .catch(null),
  notify_end_states: strList,
  notify_end_types: strList,
  mute_first_recovery_notification: z.boolean().nullish().catch(null),
});

const RawRelationshipSchema = z
  .looseObject({
    data: z.looseObject({ id: z.union([z.string(), z.number()]), type: str }).nullish().catch(null),
  })
  .nullish()
  .catch(null);

export type RawDowntimeAttributes = z.infer<typeof RawDowntimeAttributesSchema>;
export type RawDowntimeSchedule = NonNullable<RawDowntimeAttributes['schedule']>;

export const RawDowntimeSchema = z.looseObject({
  id: z.string(),
  type: str,
  attributes: RawDowntimeAttributesSchema.nullish().catch(null),
  relationships: z
    .looseObject({ created_by: RawRelationshipSchema, monitor: RawRelationshipSchema })
    .nullish()
    .catch(null),
});
export type RawDowntime = z.infer<typeof RawDowntimeSchema>;

export const RawIncludedSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  type: str,
  attributes: z.record(z.string(), z.unknown()).nullish().catch(null),
});
export type RawIncluded = z.infer<typeof RawIncludedSchema>;

const included = z.array(RawIncludedSchema.nullable().catch(null)).nullish().catch(null);
const pageMeta = z
  .looseObject({ page: z.looseObject({ total_filtered_count: num }).nullish().catch(null) })
  .nullish()
  .catch(null);

export const RawDowntimeOneSchema = z.looseObject({ data: RawDowntimeSchema, included });
export type RawDowntimeOne = z.infer<typeof RawDowntimeOneSchema>;

export const RawDowntimeListSchema = z.looseObject({ data: z.array(RawDowntimeSchema), included, meta: pageMeta });
export type RawDowntimeList = z.infer<typeof RawDowntimeListSchema>;

export const RawDowntimeMatchSchema = z.looseObject({
  id: z.string(),
  type: str,
  attributes: z
    .looseObject({ scope: str, groups: strList, start: str, end: str })
    .nullish()
    .catch(null),
});
export type RawDowntimeMatch = z.infer<typeof RawDowntimeMatchSchema>;

export const RawDowntimeMatchListSchema = z.looseObject({ data: z.array(RawDowntimeMatchSchema), meta: pageMeta });
export type RawDowntimeMatchList = z.infer<typeof RawDowntimeMatchListSchema>;

/** A one-off schedule as we send it: ISO times; no start = now, a null end = indefinitely. */
export interface RawOnceScheduleWrite {
  start?: string | null;
  end: string | null;
}

/** A recurring schedule as we send it: the rules and the timezone their wall-clock starts are in. */
export interface RawRecurringScheduleWrite {
  recurrences: { rrule: string; duration: string; start: string }[];
  timezone: string;
}

/** The end-of-downtime notification options, as Datadog names them. */
export interface RawEndSettingsWrite {
  notify_end_states: string[];
  notify_end_types: string[];
  mute_first_recovery_notification: boolean;
}

/** What we send to create a downtime (POST /api/v2/downtime). */
export interface RawDowntimeCreate {
  data: {
    type: 'downtime';
    attributes: {
      monitor_identifier: { monitor_id: number } | { monitor_tags: string[] };
      scope: string;
      schedule: RawOnceScheduleWrite | RawRecurringScheduleWrite;
      message: string;
      display_timezone: string;
    } & Partial<RawEndSettingsWrite>;
  };
}

/** What we send to change a downtime (PATCH /api/v2/downtime/{id}): only the attributes to change. */
export interface RawDowntimeUpdate {
  data: {
    type: 'downtime';
    id: string;
    attributes: {
      schedule?: { end: string | null };
      message?: string;
    } & Partial<RawEndSettingsWrite>;
  };
}

/** Datadog error bodies: {"errors":["..."]} or JSON:API error objects. */
export const RawErrorBodySchema = z.looseObject({
  errors: z
    .array(
      z.union([
        z.string(),
        z.looseObject({ detail: z.unknown().optional(), title: z.unknown().optional() }),
        z.unknown(),
      ]),
    )
    .nullish()
    .catch(null),
});
