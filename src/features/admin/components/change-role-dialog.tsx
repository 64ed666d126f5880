import { roleAtLeast, type Role, type User } from '../../../contract/auth';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { useUpdateUser } from '../api/use-update-user';
import { withFieldMessages } from '../../../lib/field-errors';
import { ROLE_HINTS } from './role-select';

interface ChangeRoleDialogProps {
  user: User;
  role: Role;
  onClose: () => void;
}

/** Confirms a role change picked in a row; the BFF refuses demoting yourself (400) or the last admin (409). */
export function ChangeRoleDialog({ user, role, onClose }: ChangeRoleDialogProps) {
  const update = useUpdateUser();
  const demotion = roleAtLeast(user.role, role);
  return (
    <Modal
      title={`Change ${user.username}'s role?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--primary"
            data-autofocus
            disabled={update.isPending}
            onClick={() => update.mutate({ username: user.username, change: { role } }, { onSuccess: () => onClose() })}
          >
            {update.isPending ? 'Changing…' : `Make ${user.username} ${role === 'admin' ? 'an' : 'a'} ${role}`}
          </button>
        </>
      }
    >
      <p>
        <strong>{user.username}</strong> goes from <strong>{user.role}</strong> to <strong>{role}</strong>: a {role}{' '}
        {ROLE_HINTS[role]}.
      </p>
      <p className="muted-text">
        {demotion
          ? 'It takes effect on their very next request; controls they can no longer use disappear when their page reloads.'
          : 'It takes effect on their very next request.'}
      </p>
      {update.error && <InlineError error={withFieldMessages(update.error)} prefix="The role was not changed" />}
    </Modal>
  );
}
