import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isOpenState } from '../../../contract/incidents';
import { paths } from '../../../config/paths';
import { SectionErrorBoundary } from '../../../components/errors/section-error-boundary';
import { useCan } from '../../../lib/session';
import { incidentQueries } from '../api/incident-queries';
import { DeleteIncidentDialog } from './delete-incident-dialog';
import { DurationsBar } from './durations-bar';
import { ImpactCard } from './impact-card';
import { ImpactDialog } from './impact-dialog';
import { IncidentHeader } from './incident-header';
import { NoteComposer } from './note-composer';
import { ResolveDialog } from './resolve-dialog';
import type { TeamChoicesComponent } from './team-choices';
import { Timeline } from './timeline';
import { TodoList } from './todo-list';

type Dialog = 'none' | 'resolve' | 'delete' | 'impact';

function listSearchFrom(state: unknown): string {
  if (state && typeof state === 'object' && 'listSearch' in state && typeof state.listSearch === 'string') return state.listSearch;
  return '';
}

interface IncidentDetailViewProps {
  id: string;
  /** The team picker (from the teams feature, passed in by the route). */
  teamChoices?: TeamChoicesComponent;
}

/**
 * One incident: the header with one-click changes, Resolve and Delete, the
 * timeline with its kind filter and a note composer, durations, customer impact and todos.
 */
export function IncidentDetailView({ id, teamChoices }: IncidentDetailViewProps) {
  const { data: incident } = useSuspenseQuery(incidentQueries.detail(id));
  const canRespond = useCan('responder');
  const canDelete = useCan('admin');
  const location = useLocation();
  const [dialog, setDialog] = useState<Dialog>('none');
  const close = () => setDialog('none');
  const timelineTitle = useId();
  const open = isOpenState(incident.state);

  return (
    <main className="page">
      <div className="page__head">
        <Link className="back-link" to={paths.incidents.getHref(listSearchFrom(location.state))}>
          ← Incidents
        </Link>
      </div>

      <IncidentHeader
        incident={incident}
        canChange={canRespond}
        teamChoices={teamChoices}
        actions={
          canRespond || canDelete ? (
            <>
              {canRespond && open && (
                <button type="button" className="btn btn--primary" onClick={() => setDialog('resolve')}>
                  Resolve…
                </button>
              )}
              {canDelete && (
                <button type="button" className="btn btn--danger-outline" onClick={() => setDialog('delete')}>
                  Delete incident…
                </button>
              )}
            </>
          ) : null
        }
      />

      <div className="incident-layout">
        <section className="card card--padded incident-layout__main" aria-labelledby={timelineTitle}>
          <h2 id={timelineTitle}>Timeline</h2>
          <SectionErrorBoundary title="Couldn't load the timeline">
            <Suspense
              fallback={
                <p className="muted-text" role="status">
                  Loading timeline…
                </p>
              }
            >
              <Timeline incidentId={id} />
            </Suspense>
          </SectionErrorBoundary>
          {canRespond && <NoteComposer incidentId={id} />}
        </section>
        <div className="incident-layout__side">
          <DurationsBar incident={incident} />
          <ImpactCard incident={incident} onEdit={canRespond ? () => setDialog('impact') : undefined} />
          <TodoList incident={incident} canChange={canRespond} />
        </div>
      </div>

      {canRespond && dialog === 'resolve' && <ResolveDialog incident={incident} onClose={close} />}
      {canRespond && dialog === 'impact' && <ImpactDialog incident={incident} onClose={close} />}
      {canDelete && dialog === 'delete' && <DeleteIncidentDialog incident={incident} onClose={close} />}
    </main>
  );
}
