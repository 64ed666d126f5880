import { useRef, useState } from 'react';
import { UpdateUserRequestSchema, type User } from '../../../contract/auth';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { useUpdateUser } from '../api/use-update-user';
import { serverFieldErrors, withFieldMessages, zodFieldErrors } from '../../../lib/field-errors';
import { PasswordField } from './password-field';

interface ResetPasswordDialogProps {
  user: User;
  onClose: () => void;
}

/** Sets a new password for a user (give it to them out of band). */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const formId = `reset-password-${user.username}`;
  const error = clientError ?? serverFieldErrors(update.error).password ?? null;

  const submit = () => {
    const parsed = UpdateUserRequestSchema.safeParse({ password });
    if (!parsed.success) {
      setClientError(zodFieldErrors(parsed.error).password ?? 'Enter a new password');
      inputRef.current?.focus();
      return;
    }
    setClientError(null);
    update.mutate({ username: user.username, change: { password } }, { onSuccess: () => setDone(true) });
  };

  if (done) {
    return (
      <Modal
        title={`Password reset for ${user.username}`}
        onClose={onClose}
        footer={
          <button type="button" className="btn btn--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p role="status">The new password is set. Give it to {user.username} through a channel you trust.</p>
      </Modal>
    );
  }

  return (
    <Modal
      title={`Reset password for ${user.username}`}
      onClose={onClose}
      initialFocusRef={inputRef}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={update.isPending}>
            {update.isPending ? 'Setting…' : 'Set password'}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {/* Lets password managers tie the new password to the right account. */}
        <input type="text" className="visually-hidden" autoComplete="username" value={user.username} readOnly tabIndex={-1} aria-hidden="true" />
        <PasswordField
          label="New password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            setClientError(null);
          }}
          error={error}
          inputRef={inputRef}
        />
      </form>
      {update.error && !serverFieldErrors(update.error).password && (
        <InlineError error={withFieldMessages(update.error)} prefix="The password was not changed" />
      )}
    </Modal>
  );
}
