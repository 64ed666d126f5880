import { queryOptions } from '@tanstack/react-query';
import { apiPaths } from '../contract/api-paths';
import { AppConfigSchema, type AppConfig } from '../contract/monitors';
import { api } from './api-client';

export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;

/** Non-secret facts about the BFF (mode, site, refresh interval). They do not change while it runs. */
export const appConfigQueryOptions = queryOptions({
  queryKey: ['app-config'],
  queryFn: ({ signal }) => api.get(apiPaths.config, AppConfigSchema, signal),
  staleTime: Infinity,
});

/** What the nav badge says about where the data comes from. */
export function describeMode(config: AppConfig): string {
  if (config.mode === 'embedded') return 'Local sandbox';
  if (config.mode === 'pointed') return config.site ? `Pointed at ${config.site}` : 'Pointed at a custom API';
  return config.site ?? 'Datadog';
}
