import type { IntegrationTile } from '../../../contract/integrations';
import { pagerDutyHandle, webhookHandle } from '../../../contract/integrations';
import type { ServerDeps } from '../../lib/deps';
import { fromUpstreamError } from '../../lib/errors';
import { isUpstreamError } from '../../upstreams/upstream-error';
import { bind } from '../define-route';
import { lastChange, type TileKind } from './integration-common';
import { readAwsAccounts, readPagerDutyServices, readSlackAccounts, readWebhooks } from './integration-reads';
import { overviewRoute } from './integrations.routes';

interface TileContent {
  configured: boolean;
  count: number;
  handles: string[];
}

/** One tile; an upstream failure becomes the tile's error (the other tiles still show). */
async function tile(deps: ServerDeps, kind: TileKind, read: () => Promise<TileContent>): Promise<IntegrationTile> {
  const last = lastChange(deps, kind);
  try {
    return { kind, ...(await read()), lastChange: last, error: null };
  } catch (err) {
    if (!isUpstreamError(err)) throw err;
    deps.logger.warn('integration tile could not be read', { tile: kind, operation: err.operation, kind: err.kind, upstreamStatus: err.status ?? null });
    return { kind, configured: false, count: 0, handles: [], lastChange: last, error: fromUpstreamError(err).message };
  }
}

export const getOverview = bind(overviewRoute, async ({ deps }) => {
  const tiles = await Promise.all([
    tile(deps, 'aws', async () => {
      const accounts = await readAwsAccounts(deps);
      return { configured: accounts.length > 0, count: accounts.length, handles: [] };
    }),
    tile(deps, 'slack', async () => {
      const accounts = await readSlackAccounts(deps);
      const handles = accounts.flatMap((a) => a.channels.map((c) => c.handle));
      return { configured: accounts.length > 0, count: handles.length, handles };
    }),
    tile(deps, 'pagerduty', async () => {
      const { services } = await readPagerDutyServices(deps);
      return { configured: services.length > 0, count: services.length, handles: services.map((s) => pagerDutyHandle(s.name)) };
    }),
    tile(deps, 'webhooks', async () => {
      const { webhooks } = await readWebhooks(deps);
      return { configured: webhooks.length > 0, count: webhooks.length, handles: webhooks.map((w) => webhookHandle(w.name)) };
    }),
  ]);
  return { status: 200, body: { tiles, webhookTestAvailable: deps.config.mode === 'embedded' } };
});
