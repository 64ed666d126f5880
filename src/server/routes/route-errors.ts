/**
 * The error statuses a route documents in openapi.json (every one answers
 * with the ApiError body). Reads can fail validation, auth, a missing item,
 * a rate limit or the upstream; writes can also send a body too large (413)
 * or not JSON (415).
 */
export const READ_ERRORS: readonly number[] = [400, 401, 403, 404, 429, 502, 504];
export const WRITE_ERRORS: readonly number[] = [400, 401, 403, 404, 413, 415, 429, 502, 504];
/** Writes that can collide with what exists (a taken name, a member already there): 409 too. */
export const CONFLICT_WRITE_ERRORS: readonly number[] = [400, 401, 403, 404, 409, 413, 415, 429, 502, 504];

/** A list with more statuses in it, in order: withStatuses(READ_ERRORS, 503). */
export const withStatuses = (list: readonly number[], ...more: number[]): number[] => [...new Set([...list, ...more])].sort((a, b) => a - b);
