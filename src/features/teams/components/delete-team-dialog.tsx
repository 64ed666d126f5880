import type { Team } from '../../../contract/teams';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { plural } from '../../../lib/format-time';
import { useDeleteTeam } from '../api/use-delete-team';

/** Admins: delete a team after a confirmation that names it; `onDeleted` runs once the BFF answered 204. */
export function DeleteTeamDialog({ team, onClose, onDeleted }: { team: Team; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteTeam();
  return (
    <ConfirmDialog
      title={`Delete team ${team.name}?`}
      confirmLabel={`Delete ${team.name}`}
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error}
      errorPrefix={`${team.name} was not deleted`}
      onClose={onClose}
      onConfirm={() => remove.mutate(team.id, { onSuccess: () => onDeleted() })}
    >
      <p>
        <strong>{team.name}</strong> (<code>{team.handle}</code>) and its {plural(team.userCount, 'membership')} are deleted in Datadog.
        The people stay; this cannot be undone.
      </p>
      <p className="muted-text">
        Incidents and monitors that name <code>{team.handle}</code> keep the handle.
      </p>
    </ConfirmDialog>
  );
}
