import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { plural } from '../../../lib/format-time';
import { incidentQueries } from '../api/incident-queries';
import { openIncidentsForTeam, writeIncidentFilters } from '../utils/list-filters';
import { IncidentTable } from './incident-table';

/** For a team page: the team's open incidents (active and stable), with a link to all of them in the list. */
export function TeamIncidents({ handle }: { handle: string }) {
  const { data } = useSuspenseQuery(incidentQueries.list(openIncidentsForTeam(handle)));
  const href = paths.incidents.getHref(writeIncidentFilters({ states: ['active', 'stable'], severities: [], team: handle, q: '', offset: 0 }));
  return (
    <>
      <p className="list-count">
        {data.total === 0 ? 'No open incidents.' : `${plural(data.total, 'open incident')}${data.total > data.incidents.length ? `, ${data.incidents.length} shown` : ''}.`}{' '}
        <Link to={href}>See them in the incident list</Link>
      </p>
      {data.incidents.length > 0 && <IncidentTable incidents={data.incidents} label="Open incidents" compact />}
    </>
  );
}
