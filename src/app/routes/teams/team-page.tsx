import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { SectionErrorBoundary } from '../../../components/errors/section-error-boundary';
import { TeamIncidents } from '../../../features/incidents/components/team-incidents';
import { teamQueries } from '../../../features/teams/api/team-queries';
import { TeamHeader } from '../../../features/teams/components/team-header';
import { TeamMembers } from '../../../features/teams/components/team-members';
import { TeamMonitors } from './team-monitors';

/** A part of the team page that loads on its own: a failure or a slow answer there leaves the rest usable. */
function TeamSection({ title, errorTitle, children }: { title: string; errorTitle: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card card--padded team-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <SectionErrorBoundary title={errorTitle}>
        <Suspense
          fallback={
            <p className="muted-text" role="status">
              Loading {title.toLowerCase()}…
            </p>
          }
        >
          {children}
        </Suspense>
      </SectionErrorBoundary>
    </section>
  );
}

/**
 * The team page, composed from three features: the team and its members
 * (teams), its open incidents (incidents), and the monitors tagged team:<handle> (monitors).
 */
export function TeamPage({ id }: { id: string }) {
  const { data: team } = useSuspenseQuery(teamQueries.detail(id));
  return (
    <main className="page">
      <div className="page__head">
        <Link className="back-link" to={paths.teams.getHref()}>
          ← Teams
        </Link>
      </div>
      <TeamHeader team={team} />
      <TeamMembers team={team} />
      <div className="team-sections">
        <TeamSection title="Open incidents" errorTitle="Couldn't load the open incidents">
          <TeamIncidents handle={team.handle} />
        </TeamSection>
        <TeamSection title="Monitors" errorTitle="Couldn't load the monitors">
          <TeamMonitors handle={team.handle} />
        </TeamSection>
      </div>
    </main>
  );
}
