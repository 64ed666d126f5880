import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useId } from 'react';
import { useSearchParams } from 'react-router';
import type { AtlasProject } from '../../../../contract/atlas';
import { SectionErrorBoundary } from '../../../../components/errors/section-error-boundary';
import { IntegrationPage } from '../../components/integration-page';
import { atlasProjectsQueryOptions } from '../api';
import { pickProject, PROJECT_PARAM } from '../utils/project-param';
import { AtlasProjectIntegrations } from './atlas-project-integrations';
import { AtlasUnavailable } from './atlas-unavailable';

function ProjectPicker({ projects, selected, onSelect }: { projects: AtlasProject[]; selected: AtlasProject; onSelect: (id: string) => void }) {
  const id = useId();
  const names = projects.map((p) => p.name);
  return (
    <div className="atlas-picker">
      <label className="field__label" htmlFor={id}>
        Project
      </label>
      <select id={id} className="input atlas-picker__select" value={selected.id} onChange={(e) => onSelect(e.target.value)} aria-describedby={`${id}-hint`}>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {/* Two projects with one name are told apart by their ids. */}
            {names.indexOf(p.name) !== names.lastIndexOf(p.name) ? `${p.name} (${p.id})` : p.name}
          </option>
        ))}
      </select>
      <p className="field__hint" id={`${id}-hint`}>
        Project id <code>{selected.id}</code>
      </p>
    </div>
  );
}

/** Atlas is reachable in principle (keys set) but the projects could not be read. */
function AtlasReadError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  const titleId = useId();
  return (
    <section className="card card--padded atlas-unavailable" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>Couldn't read Atlas</h2>
      <p>{message}</p>
      <div>
        <button type="button" className="btn btn--primary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </section>
  );
}

/**
 * Admins: the MongoDB Atlas alert integrations of one project at a time (the
 * project is in the URL, ?project=<id>), a card and a form per integration type.
 */
export function AtlasPage() {
  const { data, refetch, isRefetching, isFetching } = useSuspenseQuery(atlasProjectsQueryOptions());
  const [searchParams, setSearchParams] = useSearchParams();
  const { project, missing } = pickProject(data.projects, searchParams);

  const select = (id: string) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(PROJECT_PARAM, id);
        return next;
      },
      { preventScrollReset: true },
    );

  return (
    <IntegrationPage
      title="MongoDB Atlas"
      summary="Where Atlas sends each project’s alerts: one configuration per integration type. Keys, tokens and webhook URLs are write-only; they read back masked."
      lastChange={data.lastChange}
      refreshing={isFetching}
    >
      {!data.available ? (
        <AtlasUnavailable />
      ) : data.error ? (
        <AtlasReadError message={data.error} onRetry={() => void refetch()} retrying={isRefetching} />
      ) : project === null ? (
        <div className="empty">
          <p className="empty__title">No Atlas projects</p>
          <p className="muted-text">watchdeck’s Atlas API key can see no project. Give the key access to a project in Atlas.</p>
        </div>
      ) : (
        <>
          <ProjectPicker projects={data.projects} selected={project} onSelect={select} />
          {missing && (
            <p className="notice notice--warn" role="status">
              No project with id <code>{missing}</code> is visible to watchdeck’s Atlas key; showing {project.name}.
            </p>
          )}
          <SectionErrorBoundary key={project.id} title={`Couldn't load the integrations of ${project.name}`}>
            <Suspense
              fallback={
                <p className="muted-text" role="status">
                  Loading the integrations of {project.name}…
                </p>
              }
            >
              <AtlasProjectIntegrations projectId={project.id} />
            </Suspense>
          </SectionErrorBoundary>
        </>
      )}
    </IntegrationPage>
  );
}
