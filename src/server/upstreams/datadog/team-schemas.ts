import { z } from 'zod';
import { RawIncludedSchema } from './schemas';

/**
 * Raw Datadog team shapes: the Teams API (`/api/v2/team`, type "team") and,
 * read with the same schema, the deprecated Incident Teams API
 * (`/api/v2/teams`, type "teams", name only), as recorded in
 * ../shared/conformance/datadog/{teams,incident_teams}.*. Loose: unknown
 * fields kept, wrong types become null; only the id is required.
 */

const str = z.string().nullish().catch(null);
const num = z.number().nullish().catch(null);

export const RawTeamSchema = z.looseObject({
  id: z.string(),
  type: str,
  attributes: z
    .looseObject({
      name: str,
      handle: str,
      description: str,
      summary: str,
      user_count: num,
      created_at: str,
      modified_at: str,
      // Incident Teams spell their times like this.
      created: str,
      modified: str,
    })
    .nullish()
    .catch(null),
});
export type RawTeam = z.infer<typeof RawTeamSchema>;

const included = z.array(RawIncludedSchema.nullable().catch(null)).nullish().catch(null);

export const RawTeamOneSchema = z.looseObject({ data: RawTeamSchema, included });
export type RawTeamOne = z.infer<typeof RawTeamOneSchema>;

/**
 * `meta.pagination` takes one of two forms (DIFFERENCES.md 3): with
 * page[number] `{number, last_number, size, total, type:"number_size"}`;
 * without it `{offset, last_offset, limit, total, type:"offset_limit"}`.
 * Incident Teams send `{offset, next_offset, size, total}`.
 */
export const RawTeamPaginationSchema = z.looseObject({
  type: str,
  total: num,
  number: num,
  last_number: num,
  size: num,
  offset: num,
  last_offset: num,
  next_offset: num,
  limit: num,
});
export type RawTeamPagination = z.infer<typeof RawTeamPaginationSchema>;

export const RawTeamListSchema = z.looseObject({
  data: z.array(RawTeamSchema),
  included,
  meta: z
    .looseObject({ pagination: RawTeamPaginationSchema.nullish().catch(null), total: num })
    .nullish()
    .catch(null),
});
export type RawTeamList = z.infer<typeof RawTeamListSchema>;

/** A team membership: `{id:"TeamMembership-…", attributes:{role}, relationships:{user:{data:{id}}}}`. */
export const RawMembershipSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  type: str,
  attributes: z.looseObject({ role: str }).nullish().catch(null),
  relationships: z
    .looseObject({
      user: z
        .looseObject({
          data: z
            .looseObject({ id: z.union([z.string(), z.number()]).transform(String), type: str })
            .nullish()
            .catch(null),
        })
        .nullish()
        .catch(null),
    })
    .nullish()
    .catch(null),
});
export type RawMembership = z.infer<typeof RawMembershipSchema>;

export const RawMembershipOneSchema = z.looseObject({ data: RawMembershipSchema, included });
export type RawMembershipOne = z.infer<typeof RawMembershipOneSchema>;

export const RawMembershipListSchema = z.looseObject({ data: z.array(RawMembershipSchema), included });
export type RawMembershipList = z.infer<typeof RawMembershipListSchema>;

/** What we send to create or change a team. Datadog requires name and handle on both. */
export interface RawTeamWrite {
  data: {
    type: 'team';
    attributes: { name: string; handle: string; description?: string };
    relationships?: { users: { data: { type: 'users'; id: string }[] } };
  };
}

/** What we send to add a member (POST /api/v2/team/{id}/memberships). */
export interface RawMembershipCreate {
  data: {
    type: 'team_memberships';
    relationships: { user: { data: { type: 'users'; id: string } } };
  };
}
