import type { SessionUser } from '../../../contract/auth';
import { toApiError } from '../../../lib/api-client';
import { useSignOut } from '../api/use-sign-out';

/** "alice · responder" and Sign out (not behind an auth proxy: there the proxy owns the session). */
export function UserMenu({ user }: { user: SessionUser }) {
  const { signOut, isPending, error } = useSignOut();
  return (
    <div className="user-menu">
      <span className="user-menu__who" title={`Signed in as ${user.username} (${user.role})`}>
        {user.username} · {user.role}
      </span>
      {user.authMode !== 'proxy' && (
        <button type="button" className="btn btn--sm" onClick={() => void signOut()} disabled={isPending}>
          {isPending ? 'Signing out…' : 'Sign out'}
        </button>
      )}
      {error !== null && (
        <span className="user-menu__error" role="alert">
          Sign out failed: {toApiError(error).message}
        </span>
      )}
    </div>
  );
}
