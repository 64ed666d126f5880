import { z } from 'zod';
import { PersonRefSchema } from './incidents';

/** The BFF-to-SPA wire for teams (Datadog's /api/v2/team). Timestamps are epoch ms. */
export const TEAM_HANDLE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,194}$/;

export const TeamSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  userCount: z.number().int(),
  createdAt: z.number().nullable(),
  modifiedAt: z.number().nullable(),
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamListQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  /** 0-based page number. */
  page: z.coerce.number().int().min(0).default(0),
  size: z.coerce.number().int().min(1).max(100).default(25),
});
export type TeamListQuery = z.input<typeof TeamListQuerySchema>;

export const TeamListResponseSchema = z.looseObject({
  teams: z.array(TeamSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  /** Last page number (0-based); 0 when there is one page or none. */
  lastPage: z.number().int(),
});
export type TeamListResponse = z.infer<typeof TeamListResponseSchema>;

export const MemberSchema = PersonRefSchema.extend({
  /** The membership id, used to remove the member. */
  membershipId: z.string(),
  role: z.string().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

export const TeamDetailSchema = TeamSchema.extend({ members: z.array(MemberSchema) });
export type TeamDetail = z.infer<typeof TeamDetailSchema>;

export const CreateTeamRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'A name is required').max(200),
  handle: z
    .string()
    .trim()
    .regex(TEAM_HANDLE_PATTERN, 'Lower-case letters, digits, dash and underscore, starting with a letter or digit'),
  description: z.string().trim().max(2000).optional(),
});
export type CreateTeamRequest = z.input<typeof CreateTeamRequestSchema>;

export const UpdateTeamRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'A name is required').max(200).optional(),
    handle: z.string().trim().regex(TEAM_HANDLE_PATTERN).optional(),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type UpdateTeamRequest = z.input<typeof UpdateTeamRequestSchema>;

export const AddMemberRequestSchema = z.strictObject({ userId: z.string().min(1).max(64) });
export type AddMemberRequest = z.input<typeof AddMemberRequestSchema>;

export const TeamIdParamSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/i, 'must be a UUID') });
export const MemberParamsSchema = TeamIdParamSchema.extend({ userId: z.string().min(1).max(64) });
