import { useState } from 'react';
import type { Role, User } from '../../../contract/auth';
import { RelativeTime } from '../../../components/ui/relative-time';
import { formatDate, formatFullTime } from '../../../lib/format-time';
import { ChangeRoleDialog } from './change-role-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { RoleSelect } from './role-select';
import { ToggleDisabledDialog } from './toggle-disabled-dialog';

interface UsersTableProps {
  users: User[];
  /** The signed-in admin, marked "(you)". */
  currentUsername: string | null;
}

type Dialog =
  | { kind: 'none' }
  | { kind: 'role'; user: User; role: Role }
  | { kind: 'toggle'; user: User }
  | { kind: 'password'; user: User };

/** Every local account: role (changed through a confirm), status, last sign-in, created, and its actions. */
export function UsersTable({ users, currentUsername }: UsersTableProps) {
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });
  const sorted = [...users].sort((a, b) => a.username.localeCompare(b.username));

  return (
    <>
      <table className="table users-table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={6} className="table__empty">
                No users yet.
              </td>
            </tr>
          ) : (
            sorted.map((user) => {
              const you = user.username === currentUsername;
              return (
                <tr key={user.username} className={user.disabled ? 'is-disabled' : undefined}>
                  <th scope="row" className="users-table__name">
                    {user.username}
                    {you && <span className="muted-text"> (you)</span>}
                  </th>
                  <td>
                    <RoleSelect
                      className="input input--sm"
                      aria-label={`Role of ${user.username}`}
                      value={user.role}
                      onChange={(role) => {
                        if (role !== user.role) setDialog({ kind: 'role', user, role });
                      }}
                    />
                  </td>
                  <td>
                    <span className={`user-status user-status--${user.disabled ? 'disabled' : 'active'}`}>
                      <span aria-hidden="true">{user.disabled ? '⊘' : '●'}</span> {user.disabled ? 'Disabled' : 'Active'}
                    </span>
                  </td>
                  <td>
                    <RelativeTime at={user.lastLoginAt} empty="never" />
                  </td>
                  <td>
                    <time dateTime={new Date(user.createdAt).toISOString()} title={formatFullTime(user.createdAt)}>
                      {formatDate(user.createdAt)}
                    </time>
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="btn btn--sm"
                      aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}
                      onClick={() => setDialog({ kind: 'toggle', user })}
                    >
                      {user.disabled ? 'Enable' : 'Disable'}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn--sm"
                      aria-label={`Reset password for ${user.username}`}
                      onClick={() => setDialog({ kind: 'password', user })}
                    >
                      Reset password
                    </button>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      {dialog.kind === 'role' && <ChangeRoleDialog user={dialog.user} role={dialog.role} onClose={close} />}
      {dialog.kind === 'toggle' && <ToggleDisabledDialog user={dialog.user} onClose={close} />}
      {dialog.kind === 'password' && <ResetPasswordDialog user={dialog.user} onClose={close} />}
    </>
  );
}
