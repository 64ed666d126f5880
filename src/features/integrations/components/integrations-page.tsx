import { useSuspenseQuery } from '@tanstack/react-query';
import { INTEGRATION_KINDS, type IntegrationKind, type IntegrationTile as Tile } from '../../../contract/integrations';
import { paths } from '../../../config/paths';
import { plural } from '../../../lib/format-time';
import { integrationQueries } from '../api/integration-queries';
import { AtlasTile } from './atlas-tile';
import { IntegrationTile } from './integration-tile';

interface KindInfo {
  title: string;
  what: string;
  noun: string;
  noHandles: string;
  href: string;
}

export const KIND_INFO: Record<IntegrationKind, KindInfo> = {
  aws: {
    title: 'AWS',
    what: 'Metrics, tags and events collected from your AWS accounts',
    noun: 'account',
    noHandles: 'AWS collects data; it adds no @-handles.',
    href: paths.integrationsAws.getHref(),
  },
  slack: {
    title: 'Slack',
    what: 'Monitor notifications posted to Slack channels',
    noun: 'channel',
    noHandles: 'No channels yet, so no @-handles.',
    href: paths.integrationsSlack.getHref(),
  },
  pagerduty: {
    title: 'PagerDuty',
    what: 'Monitor notifications that page a PagerDuty service',
    noun: 'service',
    noHandles: 'No services yet, so no @-handles.',
    href: paths.integrationsPagerDuty.getHref(),
  },
  webhooks: {
    title: 'Webhooks',
    what: 'Monitor notifications sent to any HTTP endpoint',
    noun: 'webhook',
    noHandles: 'No webhooks yet, so no @-handles.',
    href: paths.integrationsWebhooks.getHref(),
  },
};

const isKnown = (kind: string): kind is IntegrationKind => (INTEGRATION_KINDS as readonly string[]).includes(kind);

function DatadogTile({ tile }: { tile: Tile & { kind: IntegrationKind } }) {
  const info = KIND_INFO[tile.kind];
  return (
    <IntegrationTile
      title={info.title}
      what={info.what}
      status={tile.error ? 'error' : tile.configured ? 'configured' : 'not-configured'}
      count={plural(tile.count, info.noun)}
      error={tile.error}
      lastChange={tile.lastChange}
      handles={tile.handles}
      noHandles={info.noHandles}
      href={info.href}
    />
  );
}

/** /integrations (admins): a tile per integration, its state, its @-handles to copy, and a way to its page. */
export function IntegrationsPage() {
  const { data } = useSuspenseQuery(integrationQueries.overview());
  // In a fixed order, whatever order the BFF sends; a kind this page does not know is left out.
  const tiles = INTEGRATION_KINDS.flatMap((kind) => {
    const tile = data.tiles.find((t) => t.kind === kind);
    return tile && isKnown(tile.kind) ? [{ ...tile, kind }] : [];
  });
  return (
    <main className="page">
      <div className="page__head">
        <h1>Integrations</h1>
      </div>
      <p className="int-page-intro__summary">
        Where alerts go, and what Datadog collects. Put an @-handle in a monitor&rsquo;s message to notify through it.
      </p>
      <section className="int-group">
        <h2 className="section-title">Datadog integrations</h2>
        <div className="int-tiles">
          {tiles.map((tile) => (
            <DatadogTile key={tile.kind} tile={tile} />
          ))}
        </div>
      </section>
      <section className="int-group">
        <h2 className="section-title">Atlas alert integrations</h2>
        <div className="int-tiles">
          <AtlasTile />
        </div>
      </section>
    </main>
  );
}
