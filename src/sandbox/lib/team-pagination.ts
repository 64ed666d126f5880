import { intParam } from './query-params';

/**
 * The Teams API's two pagination shapes (REC): with page[number] the
 * number_size form, without it the offset_limit form; both with `links`.
 */
export type TeamPageRequest = { kind: 'number'; number: number; size: number } | { kind: 'offset'; offset: number; limit: number };

export const TEAM_PAGE_SIZE_DEFAULT = 10;
export const TEAM_OFFSET_LIMIT_DEFAULT = 100;
export const TEAM_PAGE_MAX = 100;

/** Sizes above 100 are capped at 100. */
export function readTeamPageParams(query: (n: string) => string | undefined): TeamPageRequest {
  const cap = (n: number | undefined) => (n === undefined ? undefined : Math.min(n, TEAM_PAGE_MAX));
  const size = cap(intParam(query('page[size]'), 'page[size]', 1));
  const limit = cap(intParam(query('page[limit]'), 'page[limit]', 1));
  const number = intParam(query('page[number]'), 'page[number]');
  if (number !== undefined) return { kind: 'number', number, size: size ?? TEAM_PAGE_SIZE_DEFAULT };
  return { kind: 'offset', offset: intParam(query('page[offset]'), 'page[offset]') ?? 0, limit: limit ?? size ?? TEAM_OFFSET_LIMIT_DEFAULT };
}

/** The link base: the request's origin and path, plus its non-page parameters after the page ones. */
function linker(requestUrl: string): (page: Record<string, number>) => string {
  const url = new URL(requestUrl);
  const extra = [...url.searchParams.entries()].filter(([k]) => !k.startsWith('page['));
  return (page) => {
    const parts = Object.entries(page).map(([k, v]) => `page[${k}]=${v}`);
    for (const [k, v] of extra) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    return `${url.origin}${url.pathname}?${parts.join('&')}`;
  };
}

export function teamPage<T>(
  rows: readonly T[],
  req: TeamPageRequest,
  requestUrl: string,
): { page: T[]; meta: Record<string, unknown>; links: Record<string, string | null> } {
  const total = rows.length;
  const link = linker(requestUrl);
  if (req.kind === 'number') {
    const { number, size } = req;
    const last = Math.max(0, Math.ceil(total / size) - 1);
    const prev = Math.max(0, number - 1);
    const at = (n: number) => link({ number: n, size });
    return {
      page: rows.slice(number * size, number * size + size),
      meta: {
        pagination: { number, first_number: 0, prev_number: prev, next_number: number + 1, last_number: last, size, type: 'number_size', total },
      },
      links: { self: requestUrl, last: at(last), next: at(number + 1), prev: number > 0 ? at(prev) : null, first: at(0) },
    };
  }
  const { offset, limit } = req;
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const prev = Math.max(0, offset - limit);
  const at = (o: number) => link({ offset: o, limit });
  return {
    page: rows.slice(offset, offset + limit),
    meta: {
      pagination: {
        offset,
        first_offset: 0,
        prev_offset: prev,
        next_offset: offset + limit,
        last_offset: lastOffset,
        limit,
        type: 'offset_limit',
        total,
      },
    },
    // The recordings give no `last` link in this form.
    links: { self: requestUrl, last: null, next: at(offset + limit), prev: offset > 0 ? at(prev) : null, first: at(0) },
  };
}
