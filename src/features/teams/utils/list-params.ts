/** The team list's search and page, as kept in the URL: `?q=pay&page=2` (page counts from 1; the first page is left out). */
export interface TeamFilters {
  q: string;
  /** 0-based, as the BFF counts. */
  page: number;
}

export const TEAM_PAGE_SIZE = 25;

/** What GET /api/teams is asked for; also the list query's key. */
export interface TeamListParams {
  q: string;
  page: number;
  size: number;
}

export function readTeamFilters(params: URLSearchParams): TeamFilters {
  const raw = params.get('page');
  const page = raw && /^\d+$/.test(raw) && Number(raw) >= 1 && Number.isSafeInteger(Number(raw)) ? Number(raw) - 1 : 0;
  return { q: params.get('q') ?? '', page };
}

export function writeTeamFilters(filters: TeamFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  next.delete('q');
  next.delete('page');
  if (filters.q.trim()) next.set('q', filters.q);
  if (filters.page > 0) next.set('page', String(filters.page + 1));
  return next;
}

export function toTeamListParams(f: TeamFilters, size = TEAM_PAGE_SIZE): TeamListParams {
  return { q: f.q.trim(), page: f.page, size };
}

export function teamListSearch(p: TeamListParams): URLSearchParams {
  const params = new URLSearchParams();
  if (p.q) params.set('q', p.q);
  params.set('page', String(p.page));
  params.set('size', String(p.size));
  return params;
}

/** A handle from a name: "Edge Proxy 12" -> "edge-proxy-12" (lower case, dashes, within Datadog's length). */
export function suggestHandle(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 195)
    .replace(/-+$/g, '');
}
