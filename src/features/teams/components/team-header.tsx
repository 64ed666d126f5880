import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TeamDetail } from '../../../contract/teams';
import { paths } from '../../../config/paths';
import { RelativeTime } from '../../../components/ui/relative-time';
import { plural } from '../../../lib/format-time';
import { useCan } from '../../../lib/session';
import { forgetTeam } from '../api/team-queries';
import { DeleteTeamDialog } from './delete-team-dialog';
import { EditTeamDialog } from './team-form-dialog';

/** A team page's head: name, handle, description, member count; admins edit or delete the team here. */
export function TeamHeader({ team }: { team: TeamDetail }) {
  const canManage = useCan('admin');
  const [dialog, setDialog] = useState<'none' | 'edit' | 'delete'>('none');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const close = () => setDialog('none');
  return (
    <header className="detail-head">
      <div className="detail-head__title">
        <h1>{team.name}</h1>
        <code className="chip">{team.handle}</code>
      </div>
      {team.description && <p className="message">{team.description}</p>}
      <dl className="facts">
        <div>
          <dt>Members</dt>
          <dd>{plural(team.members.length, 'member')}</dd>
        </div>
        <div>
          <dt>Monitor tag</dt>
          <dd>
            <code>team:{team.handle}</code>
          </dd>
        </div>
        {team.createdAt !== null && (
          <div>
            <dt>Created</dt>
            <dd>
              <RelativeTime at={team.createdAt} />
            </dd>
          </div>
        )}
      </dl>
      {canManage && (
        <div className="detail-head__actions">
          <button type="button" className="btn" onClick={() => setDialog('edit')}>
            Edit team
          </button>
          <button type="button" className="btn btn--danger-outline" onClick={() => setDialog('delete')}>
            Delete team…
          </button>
        </div>
      )}
      {canManage && dialog === 'edit' && <EditTeamDialog team={team} onClose={close} />}
      {canManage && dialog === 'delete' && (
        <DeleteTeamDialog
          team={team}
          onClose={close}
          onDeleted={() => {
            void Promise.resolve(navigate(paths.teams.getHref(), { replace: true })).then(() => forgetTeam(queryClient, team.id));
          }}
        />
      )}
    </header>
  );
}
