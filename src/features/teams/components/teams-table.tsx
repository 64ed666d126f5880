import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Team } from '../../../contract/teams';
import { paths } from '../../../config/paths';

interface TeamsTableProps {
  teams: Team[];
  /** Admins: per-row Edit and Delete. */
  onEdit?: (team: Team) => void;
  onDelete?: (team: Team) => void;
  emptyContent: ReactNode;
}

/** Teams, one row each: name (link to its page), handle, description and member count. */
export function TeamsTable({ teams, onEdit, onDelete, emptyContent }: TeamsTableProps) {
  const actions = Boolean(onEdit || onDelete);
  return (
    <div className="table-scroll">
      <table className="table teams-table" aria-label="Teams">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Handle</th>
            <th scope="col" className="col-description">
              Description
            </th>
            <th scope="col" className="num">
              Members
            </th>
            {actions && (
              <th scope="col" className="cell-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {teams.length === 0 ? (
            <tr>
              <td colSpan={actions ? 5 : 4} className="table__empty">
                {emptyContent}
              </td>
            </tr>
          ) : (
            teams.map((t) => (
              <tr key={t.id} className="row">
                <th scope="row">
                  <Link to={paths.team.getHref(t.id)} className="row__link">
                    {t.name}
                  </Link>
                </th>
                <td>
                  <code>{t.handle}</code>
                </td>
                <td className="teams-table__description col-description">{t.description || <span className="muted-text">—</span>}</td>
                <td className="num">{t.userCount}</td>
                {actions && (
                  <td className="cell-actions">
                    {onEdit && (
                      <button type="button" className="btn btn--sm" aria-label={`Edit ${t.name}`} onClick={() => onEdit(t)}>
                        Edit
                      </button>
                    )}{' '}
                    {onDelete && (
                      <button type="button" className="btn btn--sm btn--danger-outline" aria-label={`Delete ${t.name}…`} onClick={() => onDelete(t)}>
                        Delete…
                      </button>
                    )}
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
