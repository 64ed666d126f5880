import { useId, useState } from 'react';
import { AddMemberRequestSchema, type Member, type TeamDetail } from '../../../contract/teams';
import { InlineError } from '../../../components/errors/inline-error';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Modal } from '../../../components/ui/modal';
import { PeoplePicker, personLabel } from '../../../components/ui/people-picker';
import { serverFieldErrors } from '../../../lib/field-errors';
import { useCan } from '../../../lib/session';
import { useAddMember } from '../api/use-add-member';
import { useRemoveMember } from '../api/use-remove-member';

function AddMemberDialog({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const add = useAddMember(team.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const members = new Set(team.members.map((m) => m.id));
  const fieldError = error ?? serverFieldErrors(add.error).userId ?? null;

  const submit = () => {
    const parsed = AddMemberRequestSchema.safeParse({ userId: userId ?? '' });
    if (!parsed.success) {
      setError('Choose a person to add');
      return;
    }
    setError(null);
    add.mutate(parsed.data, { onSuccess: () => onClose() });
  };

  return (
    <Modal
      title={`Add a member to ${team.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" disabled={add.isPending} onClick={submit}>
            {add.isPending ? 'Adding…' : 'Add member'}
          </button>
        </>
      }
    >
      <PeoplePicker
        label="Person"
        value={userId}
        exclude={members}
        hint="People are Datadog users; members already on the team are left out."
        error={fieldError}
        onChange={(id) => {
          setUserId(id);
          setError(null);
        }}
      />
      {add.error != null && !serverFieldErrors(add.error).userId && <InlineError error={add.error} prefix="The member was not added" />}
    </Modal>
  );
}

function RemoveMemberDialog({ team, member, onClose }: { team: TeamDetail; member: Member; onClose: () => void }) {
  const remove = useRemoveMember(team.id);
  const who = member.name || member.handle;
  return (
    <ConfirmDialog
      title={`Remove ${who} from ${team.name}?`}
      confirmLabel={`Remove ${who}`}
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      errorPrefix={`${who} was not removed`}
      onClose={onClose}
      onConfirm={() => remove.mutate(member.id, { onSuccess: () => onClose() })}
    >
      <p>
        <strong>{personLabel(member)}</strong> leaves the team. Their Datadog account stays, and they can be added again.
      </p>
    </ConfirmDialog>
  );
}

/** A team's members; admins add them (people picker) and remove them (after a confirmation). */
export function TeamMembers({ team }: { team: TeamDetail }) {
  const canManage = useCan('admin');
  const titleId = useId();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__head">
        <h2 id={titleId}>Members</h2>
        {canManage && (
          <button type="button" className="btn btn--sm" onClick={() => setAdding(true)}>
            Add member
          </button>
        )}
      </div>
      {team.members.length === 0 ? (
        <p className="card__empty">No members yet.{canManage ? ' Add the people who are on call for this team.' : ''}</p>
      ) : (
        <table className="table" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Handle</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {canManage && (
                <th scope="col" className="cell-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.membershipId}>
                <th scope="row">{m.name || <span className="muted-text">—</span>}</th>
                <td>
                  <code>{m.handle}</code>
                </td>
                <td>{m.email || <span className="muted-text">—</span>}</td>
                <td>{m.role ?? <span className="muted-text">member</span>}</td>
                {canManage && (
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="btn btn--sm btn--danger-outline"
                      aria-label={`Remove ${m.name || m.handle}…`}
                      onClick={() => setRemoving(m)}
                    >
                      Remove…
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && adding && <AddMemberDialog team={team} onClose={() => setAdding(false)} />}
      {canManage && removing && <RemoveMemberDialog team={team} member={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}
