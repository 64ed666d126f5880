import { bind, type BoundRoute } from '../define-route';
import { buildOpenApi } from '../openapi';
import { configRoute, healthzRoute, openapiRoute } from './meta.routes';

/** `listed` is the table openapi.json describes (this route included). */
export function metaRoutes(listed: () => readonly BoundRoute[]): BoundRoute[] {
  return [
    bind(healthzRoute, async ({ deps }) => ({ status: 200, body: { status: 'ok', mode: deps.config.mode } })),
    bind(configRoute, async ({ deps }) => ({
      status: 200,
      body: {
        mode: deps.config.mode,
        site: deps.config.site,
        refreshIntervalMs: deps.config.refreshIntervalMs,
        authMode: deps.config.auth.mode,
        maxMuteHours: deps.config.maxMuteHours,
      },
    })),
    bind(openapiRoute, async () => ({ status: 200, body: buildOpenApi(listed()) })),
  ];
}
