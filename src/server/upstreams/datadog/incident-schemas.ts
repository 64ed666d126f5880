import { z } from 'zod';
import { RawIncludedSchema } from './schemas';

/**
 * Raw Datadog incident shapes (v2, /api/v2/incidents), as recorded in
 * ../shared/conformance/datadog/incidents.*. Loose like schemas.ts: unknown
 * fields are kept, enums are plain strings, a field of the wrong type becomes
 * null instead of failing the answer. Only an incident's and a todo's id are
 * required.
 */

const str = z.string().nullish().catch(null);
const num = z.number().nullish().catch(null);
const id = z.union([z.string(), z.number()]).transform(String);

/** A user embedded as `{data:{type:"users",id,attributes:{name,handle,email}}}` (create/update answers, search). */
export const RawEmbeddedUserSchema = z
  .looseObject({
    data: z
      .looseObject({
        id,
        type: str,
        attributes: z.looseObject({ name: str, handle: str, email: str }).nullish().catch(null),
      })
      .nullish()
      .catch(null),
  })
  .nullish()
  .catch(null);
export type RawEmbeddedUser = z.infer<typeof RawEmbeddedUserSchema>;

/** `fields.<name>`: `{type:"dropdown"|"autocomplete"|"textbox", value}`; value is a string, a list or null. */
export const RawIncidentFieldSchema = z.looseObject({ type: str, value: z.unknown().optional() }).nullable().catch(null);

const RawRelationshipOneSchema = z
  .looseObject({ data: z.looseObject({ id, type: str }).nullish().catch(null) })
  .nullish()
  .catch(null);

export const RawNotificationHandleSchema = z.union([
  z.looseObject({ handle: str, display_name: str }),
  z.string(),
  z.unknown().transform(() => null),
]);

export const RawIncidentAttributesSchema = z.looseObject({
  public_id: num,
  title: str,
  state: str,
  severity: str,
  fields: z.record(z.string(), RawIncidentFieldSchema).nullish().catch(null),
  customer_impacted: z.boolean().nullish().catch(null),
  customer_impact_scope: str,
  customer_impact_start: str,
  customer_impact_end: str,
  notification_handles: z.array(RawNotificationHandleSchema).nullish().catch(null),
  created: str,
  modified: str,
  declared: str,
  detected: str,
  resolved: str,
  time_to_detect: num,
  time_to_repair: num,
  customer_impact_duration: num,
  commander: RawEmbeddedUserSchema,
});

export const RawIncidentSchema = z.looseObject({
  id: z.string(),
  type: str,
  attributes: RawIncidentAttributesSchema.nullish().catch(null),
  relationships: z.looseObject({ commander_user: RawRelationshipOneSchema }).nullish().catch(null),
});
export type RawIncident = z.infer<typeof RawIncidentSchema>;

const included = z.array(RawIncludedSchema.nullable().catch(null)).nullish().catch(null);

/** `meta.pagination` of the incident list and search: `{offset, next_offset, size}` (next_offset absent on the last page). */
const RawOffsetPaginationSchema = z
  .looseObject({
    pagination: z.looseObject({ offset: num, next_offset: num, size: num }).nullish().catch(null),
  })
  .nullish()
  .catch(null);

export const RawIncidentOneSchema = z.looseObject({ data: RawIncidentSchema, included });
export type RawIncidentOne = z.infer<typeof RawIncidentOneSchema>;

export const RawIncidentListSchema = z.looseObject({ data: z.array(RawIncidentSchema), included, meta: RawOffsetPaginationSchema });
export type RawIncidentList = z.infer<typeof RawIncidentListSchema>;

/** One facet value: `{name, count}` (names may be numbers or booleans, e.g. is_test). */
const RawFacetSchema = z.looseObject({ name: z.unknown().optional(), count: num });
const facetList = z.array(RawFacetSchema.nullable().catch(null)).nullish().catch(null);

/** Search results wrap each incident as `{data: incident}`; a bare incident is accepted too. */
const RawSearchItemSchema = z.union([z.looseObject({ data: RawIncidentSchema }), RawIncidentSchema]);

export const RawIncidentSearchSchema = z.looseObject({
  data: z.looseObject({
    type: str,
    attributes: z.looseObject({
      total: num,
      facets: z.looseObject({ state: facetList, severity: facetList }).nullish().catch(null),
      incidents: z.array(RawSearchItemSchema),
    }),
  }),
  included,
  meta: RawOffsetPaginationSchema,
});
export type RawIncidentSearch = z.infer<typeof RawIncidentSearchSchema>;

/** A todo assignee: a handle string ("@user@example.com") or an object (a Slack user). */
const RawAssigneeSchema = z.union([
  z.string(),
  z.looseObject({ id: z.unknown().optional(), name: str, handle: str, email: str }),
  z.unknown().transform(() => null),
]);

export const RawTodoSchema = z.looseObject({
  id: z.string(),
  type: str,
  attributes: z
    .looseObject({
      content: str,
      completed: str,
      due_date: str,
      created: str,
      modified: str,
      assignees: z.array(RawAssigneeSchema).nullish().catch(null),
      incident_id: str,
      created_by: RawEmbeddedUserSchema,
    })
    .nullish()
    .catch(null),
});
export type RawTodo = z.infer<typeof RawTodoSchema>;

export const RawTodoOneSchema = z.looseObject({ data: RawTodoSchema, included });
export type RawTodoOne = z.infer<typeof RawTodoOneSchema>;

export const RawTodoListSchema = z.looseObject({ data: z.array(RawTodoSchema), included, meta: RawOffsetPaginationSchema });
export type RawTodoList = z.infer<typeof RawTodoListSchema>;

/**
 * The local Datadog's `GET /api/v2/incidents/{id}/transitions` (sandbox only;
 * real Datadog has no such endpoint): `{data:[{type:"incident_transition",
 * id, attributes:{field, from, to, at}, relationships:{user:{data:{id}}}}]}`.
 * Read loosely: flat objects too; the field as `field` or `kind`; values as
 * from/to (or previous/value); the time as an ISO string or epoch ms; the
 * actor as a name in `actor`/`user`, or a user id in relationships.user.
 */
const time = z.union([z.string(), z.number()]).nullish().catch(null);
const RawTransitionBodySchema = z.looseObject({
  field: str,
  kind: str,
  from: str,
  to: str,
  previous: str,
  value: str,
  timestamp: time,
  at: time,
  created: time,
  actor: z.unknown().optional(),
  user: z.unknown().optional(),
});
export const RawTransitionSchema = RawTransitionBodySchema.extend({
  id: id.nullish().catch(null),
  type: str,
  attributes: RawTransitionBodySchema.nullish().catch(null),
  relationships: z.looseObject({ user: RawRelationshipOneSchema }).nullish().catch(null),
});
export type RawTransition = z.infer<typeof RawTransitionSchema>;

export const RawTransitionListSchema = z.union([
  z.looseObject({ data: z.array(RawTransitionSchema.nullable().catch(null)) }),
  z.array(RawTransitionSchema.nullable().catch(null)).transform((data) => ({ data })),
]);
export type RawTransitionList = z.infer<typeof RawTransitionListSchema>;

/** A Datadog user (`/api/v2/users`): commanders and members are picked from these. */
export const RawUserSchema = z.looseObject({
  id,
  type: str,
  attributes: z
    .looseObject({ name: str, handle: str, email: str, disabled: z.boolean().nullish().catch(null), status: str })
    .nullish()
    .catch(null),
});
export type RawUser = z.infer<typeof RawUserSchema>;

export const RawUserListSchema = z.looseObject({ data: z.array(RawUserSchema.nullable().catch(null)) });
export type RawUserList = z.infer<typeof RawUserListSchema>;

/** What we send to declare an incident (POST /api/v2/incidents). */
export interface RawIncidentCreate {
  data: {
    type: 'incidents';
    attributes: {
      title: string;
      customer_impacted: boolean;
      fields: Record<string, { type: 'dropdown' | 'autocomplete'; value: string | string[] | null }>;
      customer_impact_scope?: string;
      customer_impact_start?: string;
      notification_handles?: { display_name: string; handle: string }[];
      initial_cells: { cell_type: 'markdown'; content: { content: string }; important: boolean }[];
    };
    relationships?: { commander_user: { data: { type: 'users'; id: string } } };
  };
}

/** What we send to change an incident (PATCH /api/v2/incidents/{id}); every key optional. */
export interface RawIncidentUpdate {
  data: {
    id: string;
    type: 'incidents';
    attributes?: {
      title?: string;
      fields?: Record<string, { type: 'dropdown' | 'autocomplete'; value: string | string[] | null }>;
      customer_impacted?: boolean;
      customer_impact_scope?: string | null;
      customer_impact_start?: string | null;
      customer_impact_end?: string | null;
      resolved?: string;
    };
    relationships?: { commander_user: { data: { type: 'users'; id: string } | null } };
  };
}

/** A todo to create or change (POST/PATCH .../relationships/todos). Datadog requires content and assignees. */
export interface RawTodoWrite {
  data: {
    type: 'incident_todos';
    attributes: {
      content: string;
      assignees: unknown[];
      completed?: string | null;
      due_date?: string | null;
    };
  };
}
