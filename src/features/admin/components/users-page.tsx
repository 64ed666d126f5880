import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { plural } from '../../../lib/format-time';
import { useSession } from '../../../lib/session';
import { userQueries } from '../api/user-queries';
import { AddUserForm } from './add-user-form';
import { UsersTable } from './users-table';

/** Admin: the local accounts, adding one, and per user its role, disabling and password reset. */
export function UsersPage() {
  const { data } = useSuspenseQuery(userQueries.list());
  const session = useSession();
  const { data: config } = useQuery(appConfigQueryOptions);
  const active = data.users.filter((u) => !u.disabled).length;
  return (
    <main className="page">
      <div className="page__head">
        <h1>Users</h1>
        <p className="muted-text">
          {plural(data.users.length, 'user')}, {active} active
        </p>
      </div>
      {config?.authMode === 'proxy' && (
        <p className="notice notice--warn">
          watchdeck runs behind an auth proxy: people sign in there, and their roles come from their proxy groups. The local
          accounts below are not used for sign-in.
        </p>
      )}
      <section className="card card--padded">
        <AddUserForm />
      </section>
      <section className="card" aria-labelledby="users-title">
        <div className="card__head">
          <h2 id="users-title">Accounts</h2>
        </div>
        <UsersTable users={data.users} currentUsername={session?.user.username ?? null} />
      </section>
    </main>
  );
}
