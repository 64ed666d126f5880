import { useId, type ReactNode } from 'react';
import { toApiError } from '../../lib/api-client';
import { ErrorDetails } from './error-details';

interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  children?: ReactNode;
}

/** A load failure: what happened, the code and request id, and a Retry button. */
export function ErrorPanel({ title, error, onRetry, retrying = false, children }: ErrorPanelProps) {
  const apiError = toApiError(error);
  const titleId = useId();
  return (
    <section className="error-panel" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p className="error-panel__message">{apiError.message}</p>
      {apiError.upstream && apiError.upstream.length > 0 && (
        <ul className="error-panel__upstream" aria-label="Datadog said">
          {apiError.upstream.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <ErrorDetails error={apiError} />
      <div className="error-panel__actions">
        {onRetry && (
          <button type="button" className="btn btn--primary" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        {children}
      </div>
    </section>
  );
}
