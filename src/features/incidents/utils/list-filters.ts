/** The incident list's filters, as kept in the URL: `?state=active&state=stable&severity=SEV-1&team=payments&q=checkout&offset=25`. */
export interface IncidentFilters {
  states: string[];
  severities: string[];
  /** Team handle, or "" for any team. */
  team: string;
  q: string;
  /** 0-based index of the first incident shown. */
  offset: number;
}

export const INCIDENT_PAGE_SIZE = 25;

export const EMPTY_INCIDENT_FILTERS: IncidentFilters = { states: [], severities: [], team: '', q: '', offset: 0 };

/** URL param names. */
export const INCIDENT_PARAM = { state: 'state', severity: 'severity', team: 'team', q: 'q', offset: 'offset' } as const;

/** What GET /api/incidents is asked for; also the list query's key, so equal filters share one cache entry. */
export interface IncidentListParams {
  state: string[];
  severity: string[];
  team: string;
  q: string;
  offset: number;
  size: number;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

function readOffset(raw: string | null): number {
  if (!raw || !/^\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : 0;
}

export function readIncidentFilters(params: URLSearchParams): IncidentFilters {
  return {
    states: unique(params.getAll(INCIDENT_PARAM.state)),
    severities: unique(params.getAll(INCIDENT_PARAM.severity)),
    team: (params.get(INCIDENT_PARAM.team) ?? '').trim(),
    q: params.get(INCIDENT_PARAM.q) ?? '',
    offset: readOffset(params.get(INCIDENT_PARAM.offset)),
  };
}

/** Writes the filters over `base`, keeping params that are not ours; empty values stay out of the URL. */
export function writeIncidentFilters(filters: IncidentFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  Object.values(INCIDENT_PARAM).forEach((name) => next.delete(name));
  filters.states.forEach((s) => next.append(INCIDENT_PARAM.state, s));
  filters.severities.forEach((s) => next.append(INCIDENT_PARAM.severity, s));
  if (filters.team.trim()) next.set(INCIDENT_PARAM.team, filters.team.trim());
  if (filters.q.trim()) next.set(INCIDENT_PARAM.q, filters.q);
  if (filters.offset > 0) next.set(INCIDENT_PARAM.offset, String(filters.offset));
  return next;
}

/** True when any filter (not the page) narrows the list. */
export function hasIncidentFilters(f: IncidentFilters): boolean {
  return f.states.length > 0 || f.severities.length > 0 || f.team !== '' || f.q.trim() !== '';
}

export function toListParams(f: IncidentFilters, size = INCIDENT_PAGE_SIZE): IncidentListParams {
  return { state: f.states, severity: f.severities, team: f.team, q: f.q.trim(), offset: f.offset, size };
}

/** The BFF query string for these params (repeated state and severity). */
export function incidentListSearch(p: IncidentListParams): URLSearchParams {
  const params = new URLSearchParams();
  p.state.forEach((s) => params.append('state', s));
  p.severity.forEach((s) => params.append('severity', s));
  if (p.team) params.set('team', p.team);
  if (p.q) params.set('q', p.q);
  params.set('offset', String(p.offset));
  params.set('size', String(p.size));
  return params;
}

/** A team's open incidents (active and stable), for the team page. */
export function openIncidentsForTeam(handle: string, size = INCIDENT_PAGE_SIZE): IncidentListParams {
  return { state: ['active', 'stable'], severity: [], team: handle, q: '', offset: 0, size };
}

export function toggleValue(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
