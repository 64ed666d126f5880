import { useId, useState } from 'react';
import type { CheckResult } from '../../../contract/service-checks';
import { formatAgo, formatFullTime } from '../../../lib/format-time';
import { statusLabel } from '../utils/check-form';
import { checkStatusStyle } from '../utils/check-grid';

/**
 * One cell of the status grid: the latest status as colour, shape and text, and
 * how long ago. Its time, message and tags show in a tooltip on hover and on
 * keyboard focus (Escape hides it), and are the button's description for screen readers.
 */
export function CheckCell({ result, now }: { result: CheckResult; now: number }) {
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const style = checkStatusStyle(result.status);
  return (
    <div className={`check-cell${dismissed ? ' is-dismissed' : ''}`} onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        className={`check-cell__button ${style.cls}`}
        aria-describedby={tipId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
      >
        <span className="visually-hidden">
          {result.check} on {result.host}:
        </span>{' '}
        <span className="check-cell__icon" aria-hidden="true">
          {style.icon}
        </span>
        <span className="check-cell__status">{statusLabel(result.status)}</span>{' '}
        <span className="check-cell__ago">{formatAgo(result.at, now)}</span>
      </button>
      <span role="tooltip" id={tipId} className="check-tip">
        <span className="check-tip__time">
          {formatFullTime(result.at)}
          {result.by ? ` · by ${result.by}` : ''}
        </span>{' '}
        <span className="check-tip__message">{result.message ? result.message : 'No message'}</span>
        {result.tags.length > 0 && (
          <>
            {' '}
            <span className="check-tip__tags">{result.tags.join(', ')}</span>
          </>
        )}
      </span>
    </div>
  );
}
