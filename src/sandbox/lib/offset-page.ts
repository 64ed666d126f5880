import { intParam } from './query-params';

/** Datadog's incident-style pagination: `meta.pagination` = {offset, next_offset, size}. */
export interface OffsetPagination {
  offset: number;
  /** Omitted on the last page (REC: incidents.list.page1). */
  next_offset?: number;
  /** How many items this page holds. */
  size: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/** Reads page[size] (default 10, capped at 100) and page[offset] (default 0); malformed values are a 400. */
export function readOffsetParams(
  query: (name: string) => string | undefined,
  defaultSize = DEFAULT_PAGE_SIZE,
): { offset: number; size: number } {
  const size = Math.min(intParam(query('page[size]'), 'page[size]', 1) ?? defaultSize, MAX_PAGE_SIZE);
  const offset = intParam(query('page[offset]'), 'page[offset]') ?? 0;
  return { offset, size };
}

/** One page of `rows`, with its pagination meta. An offset past the end is an empty page. */
export function offsetPage<T>(rows: readonly T[], offset: number, size: number): { page: T[]; pagination: OffsetPagination } {
  const page = rows.slice(offset, offset + size);
  const pagination: OffsetPagination = { offset, size: page.length };
  if (offset + page.length < rows.length) {
    return { page, pagination: { offset, next_offset: offset + page.length, size: page.length } };
  }
  return { page, pagination };
}
