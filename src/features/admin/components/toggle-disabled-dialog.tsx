import type { User } from '../../../contract/auth';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { useUpdateUser } from '../api/use-update-user';
import { withFieldMessages } from '../../../lib/field-errors';

interface ToggleDisabledDialogProps {
  user: User;
  onClose: () => void;
}

/** Disable (signed out at once, refused on the very next request) or enable again. */
export function ToggleDisabledDialog({ user, onClose }: ToggleDisabledDialogProps) {
  const update = useUpdateUser();
  const disabling = !user.disabled;
  const verb = disabling ? 'Disable' : 'Enable';
  return (
    <Modal
      title={`${verb} ${user.username}?`}
      onClose={onClose}
      footer={
        <>
          {/* Disabling signs someone out: the safe choice has the focus. */}
          <button type="button" className="btn" onClick={onClose} data-autofocus={disabling || undefined}>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${disabling ? 'btn--danger' : 'btn--primary'}`}
            data-autofocus={disabling ? undefined : true}
            disabled={update.isPending}
            onClick={() =>
              update.mutate({ username: user.username, change: { disabled: disabling } }, { onSuccess: () => onClose() })
            }
          >
            {update.isPending ? (disabling ? 'Disabling…' : 'Enabling…') : `${verb} ${user.username}`}
          </button>
        </>
      }
    >
      {disabling ? (
        <>
          <p>
            <strong>{user.username}</strong> is signed out at once: their very next request is refused, and they cannot sign
            in again until an admin enables them.
          </p>
          <p className="muted-text">Their account, role and audit history are kept.</p>
        </>
      ) : (
        <p>
          <strong>{user.username}</strong> can sign in again, as {user.role === 'admin' ? 'an' : 'a'} {user.role}, with their
          current password.
        </p>
      )}
      {update.error && <InlineError error={withFieldMessages(update.error)} prefix={`${user.username} was not ${disabling ? 'disabled' : 'enabled'}`} />}
    </Modal>
  );
}
