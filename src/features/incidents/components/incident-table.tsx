import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { IncidentSummary } from '../../../contract/incidents';
import { paths } from '../../../config/paths';
import { RelativeTime } from '../../../components/ui/relative-time';
import { publicIdLabel } from '../utils/incident-style';
import { INCIDENT_TABLE_COLUMNS } from './incident-list-skeleton';
import { SeverityPill, StatePill } from './severity-pill';

interface IncidentTableProps {
  incidents: IncidentSummary[];
  /** Names the table: "Incidents" on the list, "Open incidents" on a team page. */
  label: string;
  /** Links to the list filtered by a team, from a row's team chips (the list only). */
  teamHref?: (handle: string) => string;
  /** The list's search params, handed to the detail page for its back link. */
  listSearch?: string;
  emptyContent?: ReactNode;
  /** Fewer columns (IR-n, title, severity, state, age), for a narrow panel such as a team page's. */
  compact?: boolean;
}

function CustomerImpact({ incident: i }: { incident: IncidentSummary }) {
  if (!i.customerImpacted) return <span className="muted-text">No</span>;
  return (
    <span className="impact-yes" title={i.customerImpactScope ?? undefined}>
      Yes
      {i.customerImpactScope && <span className="visually-hidden">: {i.customerImpactScope}</span>}
    </span>
  );
}

/** Incidents, one row each: IR-n (link), title, severity, state, commander, teams, age and customer impact. */
export function IncidentTable({ incidents, label, teamHref, listSearch, emptyContent, compact = false }: IncidentTableProps) {
  const wide = !compact;
  return (
    <div className="table-scroll">
      <table className="table incident-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="col-ir">
              Id
            </th>
            <th scope="col" className="col-title">
              Title
            </th>
            <th scope="col">Severity</th>
            <th scope="col">State</th>
            {wide && <th scope="col">Commander</th>}
            {wide && <th scope="col">Teams</th>}
            <th scope="col">Age</th>
            {wide && <th scope="col">Customer impact</th>}
          </tr>
        </thead>
        <tbody>
          {incidents.length === 0 && emptyContent ? (
            <tr>
              <td colSpan={wide ? INCIDENT_TABLE_COLUMNS : 5} className="table__empty">
                {emptyContent}
              </td>
            </tr>
          ) : (
            incidents.map((i) => (
              <tr key={i.id} className="row">
                <td className="col-ir">
                  <Link to={paths.incident.getHref(i.id)} state={listSearch !== undefined ? { listSearch } : undefined} className="row__link mono">
                    {publicIdLabel(i.publicId)}
                  </Link>
                </td>
                <th scope="row" className="col-title">
                  {i.title}
                </th>
                <td>
                  <SeverityPill severity={i.severity} />
                </td>
                <td>
                  <StatePill state={i.state} />
                </td>
                {wide && (
                  <td>
                    {i.commander ? (
                      <span title={i.commander.handle}>{i.commander.name || i.commander.handle}</span>
                    ) : (
                      <span className="muted-text">None</span>
                    )}
                  </td>
                )}
                {wide && (
                  <td>
                    {i.teams.length === 0 ? (
                      <span className="muted-text">—</span>
                    ) : (
                      <ul className="chips" aria-label="Teams">
                        {i.teams.map((t) => (
                          <li key={t} className="chip">
                            {teamHref ? (
                              <Link to={teamHref(t)} className="chip__link" title={`Only incidents of ${t}`}>
                                {t}
                              </Link>
                            ) : (
                              t
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                )}
                <td className="nowrap">
                  <RelativeTime at={i.createdAt} />
                </td>
                {wide && (
                  <td>
                    <CustomerImpact incident={i} />
                  </td>
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
