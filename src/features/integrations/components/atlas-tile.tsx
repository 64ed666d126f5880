import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { SectionErrorBoundary } from '../../../components/errors/section-error-boundary';
import { plural } from '../../../lib/format-time';
import { atlasProjectsQueryOptions } from '../atlas/api';
import { IntegrationTile, TileFrameHead } from './integration-tile';

const TITLE = 'MongoDB Atlas';
const WHAT = 'Atlas project alerts sent to PagerDuty, Slack, Datadog and others';
const NO_HANDLES = 'Atlas sends its own alerts; it adds no @-handles to Datadog monitors.';

function AtlasTileContent() {
  const { data } = useSuspenseQuery(atlasProjectsQueryOptions());
  const configurations = data.projects.reduce((n, p) => n + (p.configuredTypes?.length ?? 0), 0);
  const withAny = data.projects.filter((p) => (p.configuredTypes?.length ?? 0) > 0).length;
  const error = data.error ?? null;
  return (
    <IntegrationTile
      title={TITLE}
      what={WHAT}
      status={error ? 'error' : configurations > 0 ? 'configured' : 'not-configured'}
      count={data.available ? `${plural(configurations, 'configuration')} in ${plural(withAny, 'project')} of ${data.projects.length}` : undefined}
      error={error}
      lastChange={data.lastChange}
      handles={[]}
      noHandles={NO_HANDLES}
      href={paths.integrationsAtlas.getHref()}
    >
      {!data.available && (
        <p className="notice int-tile__note">watchdeck has no Atlas API keys, so it cannot read or change Atlas integrations.</p>
      )}
    </IntegrationTile>
  );
}

/** The Atlas tile's frame while it loads, or after its load failed: the other tiles stay usable. */
function AtlasTileFrame({ children, failed = false }: { children: ReactNode; failed?: boolean }) {
  const id = useId();
  return (
    <section className={`card int-tile${failed ? ' int-tile--error' : ''}`} aria-labelledby={id}>
      <TileFrameHead id={id} title={TITLE} status={failed ? 'error' : undefined} />
      <p className="int-tile__what">{WHAT}</p>
      {children}
      <div className="int-tile__actions">
        <Link className="btn" to={paths.integrationsAtlas.getHref()}>
          Manage {TITLE}
        </Link>
      </div>
    </section>
  );
}

/** The Atlas tile, from GET atlas/projects (the Atlas feature's query); it loads and fails on its own. */
export function AtlasTile() {
  return (
    <SectionErrorBoundary title={`Couldn't read ${TITLE}`} frame={(failure) => <AtlasTileFrame failed>{failure}</AtlasTileFrame>}>
      <Suspense
        fallback={
          <AtlasTileFrame>
            <p className="muted-text" role="status">
              Loading {TITLE}…
            </p>
          </AtlasTileFrame>
        }
      >
        <AtlasTileContent />
      </Suspense>
    </SectionErrorBoundary>
  );
}
