import { isRouteErrorResponse, Link, useLocation, useRevalidator, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { isApiError } from '../../lib/api-client';
import { signInHref } from '../../lib/return-to';
import { isRoleRequired } from '../../lib/session';
import { ErrorPanel } from './error-panel';

/** A route's loader found the role too low (403 from requireRole): say which role the page needs. */
function RoleRequiredPanel({ needed, role, username }: { needed: string; role?: string; username?: string }) {
  return (
    <main className="page">
      <section className="error-panel" role="alert" aria-labelledby="role-required-title">
        <h1 id="role-required-title">You need the {needed} role</h1>
        <p className="error-panel__message">
          Only {needed === 'admin' ? 'an' : 'a'} {needed} can open this page.
          {username && role && (
            <>
              {' '}
              You are signed in as <strong>{username}</strong> ({role}).
            </>
          )}{' '}
          Ask an admin if you need access.
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

/** A route's load failure: the ApiError's message, code and request id, and Retry (reruns the loaders). */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const location = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main className="page">
        <ErrorPanel title="Page not found" error={new Error('There is no page at this address.')}>
          <Link className="btn" to={paths.monitors.getHref()}>
            Go to monitors
          </Link>
        </ErrorPanel>
      </main>
    );
  }

  if (isRouteErrorResponse(error) && error.status === 403 && isRoleRequired(error.data)) {
    return <RoleRequiredPanel needed={error.data.needed} role={error.data.role} username={error.data.username} />;
  }

  // Normally a 401 goes straight to the sign-in page; this is the fallback if it lands here.
  if (isApiError(error) && error.status === 401) {
    return (
      <main className="page">
        <ErrorPanel title="You are signed out" error={error}>
          <Link className="btn btn--primary" to={signInHref(location)}>
            Sign in
          </Link>
        </ErrorPanel>
      </main>
    );
  }

  const notFound = isApiError(error) && error.status === 404;
  const forbidden = isApiError(error) && error.status === 403;
  return (
    <main className="page">
      <ErrorPanel
        title={notFound ? 'Not found' : forbidden ? 'Your role does not allow this' : "Couldn't load this page"}
        error={error}
        onRetry={notFound || forbidden ? undefined : () => void revalidator.revalidate()}
        retrying={revalidator.state === 'loading'}
      >
        <Link className="btn" to={paths.monitors.getHref()}>
          All monitors
        </Link>
      </ErrorPanel>
    </main>
  );
}
