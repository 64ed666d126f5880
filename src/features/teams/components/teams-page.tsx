import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Team } from '../../../contract/teams';
import { paths } from '../../../config/paths';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';
import { plural } from '../../../lib/format-time';
import { useCan } from '../../../lib/session';
import { teamQueries } from '../api/team-queries';
import { useTeamFilters } from '../hooks/use-team-filters';
import { toTeamListParams } from '../utils/list-params';
import { DeleteTeamDialog } from './delete-team-dialog';
import { CreateTeamDialog, EditTeamDialog } from './team-form-dialog';
import { TeamsTable } from './teams-table';

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; team: Team } | { kind: 'delete'; team: Team };

/** Teams: search and pages in the URL; admins create, rename and delete them. */
export function TeamsPage() {
  const canManage = useCan('admin');
  const { filters, setFilters } = useTeamFilters();
  const params = toTeamListParams(filters);
  const { data, isFetching } = useSuspenseQuery(teamQueries.list(params));
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });
  const searching = filters.q.trim() !== '';
  const pastTheEnd = data.teams.length === 0 && filters.page > 0;

  return (
    <main className="page">
      <div className="page__head">
        <h1>Teams</h1>
        <div className="page__actions">
          {isFetching && (
            // Not a live region: it comes and goes with every background refresh.
            <span className="muted-text">Refreshing…</span>
          )}
          {canManage && (
            <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'create' })}>
              New team
            </button>
          )}
        </div>
      </div>

      <div className="toolbar toolbar--compact">
        <SearchField
          label="Search teams"
          placeholder="Search names and handles…"
          value={filters.q}
          onChange={(q) => setFilters({ q }, { replace: filters.q !== '' && q !== '' })}
          slashToFocus
        />
        <p className="list-count" role="status">
          {searching ? `${plural(data.total, 'team')} match` : plural(data.total, 'team')}
        </p>
      </div>

      <TeamsTable
        teams={data.teams}
        onEdit={canManage ? (team) => setDialog({ kind: 'edit', team }) : undefined}
        onDelete={canManage ? (team) => setDialog({ kind: 'delete', team }) : undefined}
        emptyContent={
          <div className="empty">
            <p className="empty__title">{pastTheEnd ? 'No teams on this page' : searching ? `No teams match “${filters.q.trim()}”` : 'No teams yet'}</p>
            {pastTheEnd ? (
              <button type="button" className="btn" onClick={() => setFilters({ page: 0 })}>
                Go to the first page
              </button>
            ) : searching ? (
              <button type="button" className="btn" onClick={() => setFilters({ q: '' })}>
                Clear the search
              </button>
            ) : (
              <p className="muted-text">Teams own monitors (by their team:&lt;handle&gt; tag) and incidents.</p>
            )}
          </div>
        }
      />

      {(data.total > 0 || filters.page > 0) && (
        <Pagination
          label="Team pages"
          offset={data.page * data.size}
          count={data.teams.length}
          total={data.total}
          hasPrevious={filters.page > 0}
          hasNext={data.page < data.lastPage}
          onPrevious={() => setFilters({ page: Math.max(0, filters.page - 1) })}
          onNext={() => setFilters({ page: filters.page + 1 })}
        />
      )}

      {canManage && dialog.kind === 'create' && (
        <CreateTeamDialog onClose={close} onCreated={(team) => void navigate(paths.team.getHref(team.id))} />
      )}
      {canManage && dialog.kind === 'edit' && <EditTeamDialog team={dialog.team} onClose={close} />}
      {canManage && dialog.kind === 'delete' && <DeleteTeamDialog team={dialog.team} onClose={close} onDeleted={close} />}
    </main>
  );
}
