import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SEVERITIES, STATES } from '../../../contract/incidents';
import { paths } from '../../../config/paths';
import { FacetGroup, type FacetItem } from '../../../components/ui/facet-group';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';
import { plural } from '../../../lib/format-time';
import { useCan } from '../../../lib/session';
import { incidentQueries } from '../api/incident-queries';
import { useIncidentFilters } from '../hooks/use-incident-filters';
import { severityStyle, stateStyle } from '../utils/incident-style';
import {
  EMPTY_INCIDENT_FILTERS,
  hasIncidentFilters,
  toggleValue,
  toListParams,
  writeIncidentFilters,
} from '../utils/list-filters';
import { DeclareIncidentDialog } from './declare-dialog';
import { IncidentTable } from './incident-table';
import type { TeamChoicesComponent } from './team-choices';

function facetItems(
  known: readonly string[],
  counts: Record<string, number>,
  selected: readonly string[],
  style: (v: string) => { cls: string; icon: string },
): FacetItem[] {
  const values = [...new Set([...known, ...Object.keys(counts), ...selected])];
  return values.map((value) => ({ value, count: counts[value] ?? 0, className: style(value).cls, icon: style(value).icon }));
}

interface IncidentListProps {
  /** The team picker for the declare form (from the teams feature, passed in by the route). */
  teamChoices?: TeamChoicesComponent;
}

/** Incidents: state and severity facets with counts, search, team, pages of 25; every filter lives in the URL. */
export function IncidentList({ teamChoices }: IncidentListProps) {
  const canDeclare = useCan('responder');
  const { filters, setFilters, search } = useIncidentFilters();
  const params = toListParams(filters);
  const { data, isFetching } = useSuspenseQuery(incidentQueries.list(params));
  const [declaring, setDeclaring] = useState(false);
  const filtered = hasIncidentFilters(filters);
  const clear = () => setFilters(EMPTY_INCIDENT_FILTERS);
  const pastTheEnd = data.incidents.length === 0 && filters.offset > 0;

  return (
    <main className="page">
      <div className="page__head">
        <h1>Incidents</h1>
        <div className="page__actions">
          {isFetching && (
            // Not a live region: it comes and goes with every background refresh.
            <span className="muted-text">Refreshing…</span>
          )}
          {canDeclare && (
            <button type="button" className="btn btn--primary" onClick={() => setDeclaring(true)}>
              Declare incident
            </button>
          )}
        </div>
      </div>

      <div className="facet-rows">
        <FacetGroup
          label="Filter by state"
          noun="incident"
          items={facetItems(STATES, data.facets.state, filters.states, stateStyle)}
          selected={filters.states}
          onToggle={(s) => setFilters((f) => ({ ...f, states: toggleValue(f.states, s) }))}
        />
        <FacetGroup
          label="Filter by severity"
          noun="incident"
          items={facetItems(SEVERITIES, data.facets.severity, filters.severities, severityStyle)}
          selected={filters.severities}
          onToggle={(s) => setFilters((f) => ({ ...f, severities: toggleValue(f.severities, s) }))}
        />
      </div>

      <div className="toolbar toolbar--compact">
        <SearchField
          label="Search incidents"
          placeholder="Search titles…"
          value={filters.q}
          onChange={(q) => setFilters({ q }, { replace: filters.q !== '' && q !== '' })}
          slashToFocus
        />
        {filters.team && (
          <ul className="chips" aria-label="Team filter">
            <li className="chip chip--active">
              team: {filters.team}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove team filter ${filters.team}`}
                onClick={() => setFilters({ team: '' })}
              >
                ×
              </button>
            </li>
          </ul>
        )}
      </div>

      <div className="list-meta">
        <p className="list-count" role="status">
          {filtered ? `${plural(data.total, 'incident')} match` : plural(data.total, 'incident')}
        </p>
        {filtered && (
          <button type="button" className="btn btn--link" onClick={clear}>
            Clear filters
          </button>
        )}
      </div>

      <IncidentTable
        incidents={data.incidents}
        label="Incidents"
        listSearch={search}
        teamHref={(handle) => paths.incidents.getHref(writeIncidentFilters({ ...filters, team: handle, offset: 0 }))}
        emptyContent={
          <div className="empty">
            <p className="empty__title">
              {pastTheEnd ? 'No incidents on this page' : filtered ? 'No incidents match these filters' : 'No incidents yet'}
            </p>
            {pastTheEnd ? (
              <button type="button" className="btn" onClick={() => setFilters({ offset: 0 })}>
                Go to the first page
              </button>
            ) : filtered ? (
              <button type="button" className="btn" onClick={clear}>
                Clear filters
              </button>
            ) : (
              <p className="muted-text">Incidents declared here or in Datadog show up in this list.</p>
            )}
          </div>
        }
      />

      {(data.total > 0 || filters.offset > 0) && (
        <Pagination
          label="Incident pages"
          offset={data.offset}
          count={data.incidents.length}
          total={data.total}
          hasPrevious={filters.offset > 0}
          hasNext={data.nextOffset !== null}
          onPrevious={() => setFilters({ offset: Math.max(0, filters.offset - params.size) })}
          onNext={() => data.nextOffset !== null && setFilters({ offset: data.nextOffset })}
        />
      )}

      {canDeclare && declaring && <DeclareIncidentDialog onClose={() => setDeclaring(false)} teamChoices={teamChoices} />}
    </main>
  );
}
