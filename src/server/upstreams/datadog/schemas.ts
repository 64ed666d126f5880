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

export const RawMonitorListSchema = z.array(RawMonitorSchema);

const RawScheduleTimesSchema = z.looseObject({ start: str, end: str });

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
      recurrences: z.array(z.unknown()).nullish().catch(null),
      current_downtime: RawScheduleTimesSchema.nullish().catch(null),
      timezone: str,
    })
    .nullish()
    .catch(null),
});

const RawRelationshipSchema = z
  .looseObject({
    data: z.looseObject({ id: z.union([z.string(), z.number()]), type: str }).nullish().catch(null),
  })
  .nullish()
  .catch(null);

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

/** What we send to create a downtime (POST /api/v2/downtime). */
export interface RawDowntimeCreate {
  data: {
    type: 'downtime';
    attributes: {
      monitor_identifier: { monitor_id: number } | { monitor_tags: string[] };
      scope: string;
      schedule: { start?: string | null; end: string | null };
      message: string;
      display_timezone: string;
    };
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
