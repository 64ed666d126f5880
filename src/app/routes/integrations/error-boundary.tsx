import { isRouteErrorResponse, useRouteError } from 'react-router';
import { RoleRequiredPanel, RouteErrorBoundary } from '../../../components/errors/route-error-boundary';
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
    <RoleRequiredPanel
      title="Only admins manage integrations"
      reason="Integrations hold the endpoints and keys that alerts go through, so only an admin can see or change them."
      username={roleRequired?.username}
      role={roleRequired?.role}
      ask="Ask an admin if a channel, service or webhook is missing."
    />
  );
}
