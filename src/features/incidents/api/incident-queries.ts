import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { IncidentDetailSchema, IncidentListResponseSchema, TimelineResponseSchema } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { incidentListSearch, type IncidentListParams } from '../utils/list-filters';

/** Incidents change while people work them: what is on screen refreshes this often. */
export const INCIDENT_REFRESH_MS = 30_000;

/**
 * Query keys and options for incidents, from generic to specific:
 * all() -> lists() -> list(params), and all() -> details() -> detail(id) -> timeline(id).
 * Invalidate through these, never through literal arrays.
 */
export const incidentQueries = {
  all: () => ['incidents'] as const,
  lists: () => [...incidentQueries.all(), 'list'] as const,
  list: (params: IncidentListParams) =>
    queryOptions({
      queryKey: [...incidentQueries.lists(), params] as const,
      queryFn: ({ signal }) =>
        api.get(`${incidentPaths.incidents}?${incidentListSearch(params).toString()}`, IncidentListResponseSchema, signal),
      staleTime: 10_000,
      refetchInterval: INCIDENT_REFRESH_MS,
    }),
  details: () => [...incidentQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...incidentQueries.details(), id] as const,
      queryFn: ({ signal }) => api.get(incidentPaths.incident(id), IncidentDetailSchema, signal),
      staleTime: 10_000,
      refetchInterval: INCIDENT_REFRESH_MS,
    }),
  /** Under the detail's key, so invalidating detail(id) refreshes the timeline too. */
  timeline: (id: string) =>
    queryOptions({
      queryKey: [...incidentQueries.details(), id, 'timeline'] as const,
      queryFn: ({ signal }) => api.get(incidentPaths.timeline(id), TimelineResponseSchema, signal),
      staleTime: 10_000,
      refetchInterval: INCIDENT_REFRESH_MS,
    }),
};

/** Mutation keys, so changes in flight can be counted (and only the last one refetches). */
export const incidentMutationKeys = {
  all: () => [...incidentQueries.all(), 'mutation'] as const,
  update: (id: string) => [...incidentMutationKeys.all(), 'update', id] as const,
  todo: (id: string) => [...incidentMutationKeys.all(), 'todo', id] as const,
};

/**
 * After a change: lists on screen load again, and lists not on screen are
 * dropped, so the next visit loads them fresh instead of showing the old rows first.
 */
export function refreshIncidentLists(queryClient: QueryClient): Promise<unknown> {
  queryClient.removeQueries({ queryKey: incidentQueries.lists(), type: 'inactive' });
  return queryClient.invalidateQueries({ queryKey: incidentQueries.lists() });
}

/** After a change to one incident: its detail, its timeline and the lists (facets and rows) load again. */
export function refreshIncident(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: incidentQueries.detail(id).queryKey }),
    refreshIncidentLists(queryClient),
  ]);
}

/** A deleted incident: once its page has gone, its detail and timeline leave the cache. */
export function forgetIncident(queryClient: QueryClient, id: string): void {
  queryClient.removeQueries({ queryKey: incidentQueries.detail(id).queryKey });
}
