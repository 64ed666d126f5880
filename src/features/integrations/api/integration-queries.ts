import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { integrationPaths } from '../../../contract/api-paths';
import {
  AwsAccountListSchema,
  IntegrationsOverviewSchema,
  PagerDutyOverviewSchema,
  SlackOverviewSchema,
  WebhooksOverviewSchema,
  type IntegrationKind,
} from '../../../contract/integrations';
import { api } from '../../../lib/api-client';

/**
 * Query keys for the Datadog integrations, from generic to specific:
 * all() -> overview() (the tiles), and all() -> lists() -> list(kind) (one form page's data).
 * The Atlas keys (atlas/api.ts) live under all() too, as ['integrations', 'atlas', …].
 * Invalidate through these, never through literal arrays.
 */
export const integrationKeys = {
  all: () => ['integrations'] as const,
  overview: () => [...integrationKeys.all(), 'overview'] as const,
  lists: () => [...integrationKeys.all(), 'list'] as const,
  list: (kind: IntegrationKind) => [...integrationKeys.lists(), kind] as const,
};

const STALE_MS = 15_000;

export const integrationQueries = {
  /** GET /api/integrations: one tile per Datadog integration, and whether test deliveries work here. */
  overview: () =>
    queryOptions({
      queryKey: integrationKeys.overview(),
      queryFn: ({ signal }) => api.get(integrationPaths.overview, IntegrationsOverviewSchema, signal),
      staleTime: STALE_MS,
    }),
  aws: () =>
    queryOptions({
      queryKey: integrationKeys.list('aws'),
      queryFn: ({ signal }) => api.get(integrationPaths.aws, AwsAccountListSchema, signal),
      staleTime: STALE_MS,
    }),
  slack: () =>
    queryOptions({
      queryKey: integrationKeys.list('slack'),
      queryFn: ({ signal }) => api.get(integrationPaths.slack, SlackOverviewSchema, signal),
      staleTime: STALE_MS,
    }),
  pagerduty: () =>
    queryOptions({
      queryKey: integrationKeys.list('pagerduty'),
      queryFn: ({ signal }) => api.get(integrationPaths.pagerduty, PagerDutyOverviewSchema, signal),
      staleTime: STALE_MS,
    }),
  webhooks: () =>
    queryOptions({
      queryKey: integrationKeys.list('webhooks'),
      queryFn: ({ signal }) => api.get(integrationPaths.webhooks, WebhooksOverviewSchema, signal),
      staleTime: STALE_MS,
    }),
};

/** After a change to one integration: its page and the overview tiles load again. */
export function refreshIntegration(queryClient: QueryClient, kind: IntegrationKind): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: integrationKeys.list(kind) }),
    queryClient.invalidateQueries({ queryKey: integrationKeys.overview() }),
  ]);
}
