import { z } from 'zod';

/**
 * Raw Atlas Admin API v2 bodies, as the BFF reads them. Loose: fields we do
 * not use (links, orgId, clusterCount, …) and fields Atlas adds later are
 * data, never a parse failure. The mapper in map.ts turns these into the
 * contract's shapes; nothing else reads them.
 */

/** GET /api/atlas/v2/groups/{groupId}, and each entry of the list. */
export const RawGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
});
export type RawGroup = z.infer<typeof RawGroupSchema>;

/** Atlas's paginated body: `{links, results, totalCount}` (totalCount absent with includeCount=false). */
const page = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    results: z.array(item),
    totalCount: z.number().int().nonnegative().optional(),
  });

export const RawGroupPageSchema = page(RawGroupSchema);
export type RawGroupPage = z.infer<typeof RawGroupPageSchema>;

/**
 * One third-party integration: `{id, type, ...fields}`. The fields depend on
 * the type (contract ATLAS_FIELDS), so they stay unknown here; secrets are
 * meant to arrive redacted, and the mapper masks them again regardless.
 */
export const RawIntegrationSchema = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
});
export type RawIntegration = z.infer<typeof RawIntegrationSchema>;

export const RawIntegrationPageSchema = page(RawIntegrationSchema);
export type RawIntegrationPage = z.infer<typeof RawIntegrationPageSchema>;

/** POST and PUT answer with the project's integrations (a page); a single object is read too. */
export const RawIntegrationWriteResultSchema = z.union([RawIntegrationPageSchema, RawIntegrationSchema]);
export type RawIntegrationWriteResult = z.infer<typeof RawIntegrationWriteResultSchema>;

/** What the BFF sends on POST/PUT: the type (v2 bodies repeat it), the fields, and optional secrets to remove. */
export interface RawIntegrationWrite {
  type: string;
  clear?: string[];
  [field: string]: string | boolean | string[] | undefined;
}

/** Atlas's error body: `{detail, error, errorCode, parameters, reason}`. */
export const RawAtlasErrorSchema = z.looseObject({
  detail: z.string().optional(),
  reason: z.string().optional(),
  errorCode: z.string().optional(),
});
