import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../../config/paths';
import { RouteErrorBoundary } from '../../../components/errors/route-error-boundary';
import { isApiError } from '../../../lib/api-client';
import { isRoleRequired } from '../../../lib/session';

/**
 * The integrations pages' error boundary: a user below admin (the loader's role
 * check, or the BFF's 403) sees why there is nothing here; anything else is a
 * load failure like on every other page.
 */
export function IntegrationsErrorBoundary() {
  const error = useRouteError();
  const roleRequired = isRouteErrorResponse(error) && error.status === 403 && isRoleRequired(error.data) ? error.data : null;
  if (!roleRequired && !(isApiError(error) && error.status === 403)) return <RouteErrorBoundary />;
  return (
    <main className="page">
      <section className="error-panel" aria-labelledby="integrations-admins-only">
        <h1 id="integrations-admins-only">Only admins manage integrations</h1>
        <p className="error-panel__message">
          Integrations hold the endpoints and keys that alerts go through, so only an admin can see or change them.
          {roleRequired && (
            <>
              {' '}
              You are signed in as <strong>{roleRequired.username}</strong> ({roleRequired.role}).
            </>
          )}{' '}
          Ask an admin if a channel, service or webhook is missing.
        </p>
        <div className="error-panel__actions">
          <Link className="btn btn--primary" to={paths.monitors.getHref()}>
            Go to monitors
          </Link>
        </div>
      </section>
    </main>
  );
}
