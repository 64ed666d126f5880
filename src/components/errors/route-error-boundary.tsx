import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { isApiError } from '../../lib/api-client';
import { ErrorPanel } from './error-panel';

/** A route's load failure: the ApiError's message, code and request id, and Retry (reruns the loaders). */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();

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

  const notFound = isApiError(error) && error.status === 404;
  return (
    <main className="page">
      <ErrorPanel
        title={notFound ? 'Not found' : "Couldn't load this page"}
        error={error}
        onRetry={notFound ? undefined : () => void revalidator.revalidate()}
        retrying={revalidator.state === 'loading'}
      >
        <Link className="btn" to={paths.monitors.getHref()}>
          All monitors
        </Link>
      </ErrorPanel>
    </main>
  );
}
