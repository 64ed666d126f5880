import { useId, type ReactNode } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRevalidator, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { isApiError } from '../../lib/api-client';
import { signInHref } from '../../lib/return-to';
import { isRoleRequired } from '../../lib/session';
import { ErrorPanel } from './error-panel';

interface RoleRequiredPanelProps {
  title: string;
  /** Why the page needs the role, in a sentence. */
  reason: ReactNode;
  /** Who is signed in, when known. */
  username?: string;
  role?: string;
  /** What to do about it. */
  ask?: string;
}

/** The role is too low for a page (403 from requireRole or the BFF): why, who is signed in, and a way back to the monitors. */
export function RoleRequiredPanel({ title, reason, username, role, ask = 'Ask an admin if you need access.' }: RoleRequiredPanelProps) {
  const titleId = useId();
  return (
    <main className="page">
      <section className="error-panel" role="alert" aria-labelledby={titleId}>
        <h1 id={titleId}>{title}</h1>
        <p className="error-panel__message">
          {reason}
          {username && role && (
            <>
              {' '}
              You are signed in as <strong>{username}</strong> ({role}).
            </>
          )}{' '}
          {ask}
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
    const { needed, role, username } = error.data;
    return (
      <RoleRequiredPanel
        title={`You need the ${needed} role`}
        reason={`Only ${needed === 'admin' ? 'an' : 'a'} ${needed} can open this page.`}
        role={role}
        username={username}
      />
    );
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
