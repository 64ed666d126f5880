import type { ApiError } from '../../lib/api-client';

/** The code and request id of an ApiError, small and selectable, for a support ticket. */
export function ErrorDetails({ error }: { error: ApiError }) {
  return (
    <dl className="error-details">
      <div>
        <dt>Code</dt>
        <dd>
          <code>{error.code}</code>
        </dd>
      </div>
      {error.requestId && (
        <div>
          <dt>Request id</dt>
          <dd>
            <code>{error.requestId}</code>
          </dd>
        </div>
      )}
      {error.retryAfter !== undefined && (
        <div>
          <dt>Retry after</dt>
          <dd>{error.retryAfter} s</dd>
        </div>
      )}
    </dl>
  );
}
