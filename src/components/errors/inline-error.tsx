import { toApiError } from '../../lib/api-client';

interface InlineErrorProps {
  error: unknown;
  /** What failed, e.g. "Mute failed". */
  prefix?: string;
  id?: string;
}

/** A mutation error, shown next to what failed: message, code and request id. */
export function InlineError({ error, prefix, id }: InlineErrorProps) {
  const e = toApiError(error);
  return (
    <div className="inline-error" role="alert" id={id}>
      <p>
        {prefix && <strong>{prefix}: </strong>}
        {e.message}
      </p>
      {e.upstream && e.upstream.length > 0 && <p className="inline-error__upstream">Datadog said: {e.upstream.join('; ')}</p>}
      <p className="inline-error__meta">
        <code>{e.code}</code>
        {e.requestId && (
          <>
            {' · request '}
            <code>{e.requestId}</code>
          </>
        )}
        {e.retryAfter !== undefined && ` · try again in ${e.retryAfter} s`}
      </p>
    </div>
  );
}
