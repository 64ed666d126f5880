import { Fragment, useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LastChange as LastChangeValue } from '../../../contract/integrations';
import { HandleList } from './handle-list';
import { LastChange } from './last-change';

export type TileStatus = 'configured' | 'not-configured' | 'error';

const STATUS_TEXT: Record<TileStatus, { icon: string; text: string }> = {
  configured: { icon: '✓', text: 'Configured' },
  'not-configured': { icon: '○', text: 'Not configured' },
  error: { icon: '!', text: 'Error' },
};

/** Configured / Not configured / Error, as a shape and a word as well as a colour. */
export function TileStatusBadge({ status }: { status: TileStatus }) {
  const { icon, text } = STATUS_TEXT[status];
  return (
    <span className={`int-status int-status--${status}`}>
      <span className="int-status__icon" aria-hidden="true">
        {icon}
      </span>
      {text}
    </span>
  );
}

export interface TileProps {
  title: string;
  /** What the integration does, in a line. */
  what: string;
  status: TileStatus;
  /** "3 channels"; left out when the integration could not be read. */
  count?: string;
  /** Why it could not be read. */
  error?: string | null;
  lastChange: LastChangeValue;
  handles: readonly string[];
  /** Said instead of the handle list when there are none. */
  noHandles: string;
  href: string;
  children?: ReactNode;
}

/** Prose with "@-handles" in it, the word kept whole (a narrow tile would break it at its hyphen). */
function WithHandlesWord({ text }: { text: string }) {
  const parts = text.split('@-handles');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <span className="nowrap">@-handles</span>}
      {part}
    </Fragment>
  ));
}

/** One integration on the overview: its state at a glance, its @-handles to copy, and the way to its page. */
export function IntegrationTile({ title, what, status, count, error, lastChange, handles, noHandles, href, children }: TileProps) {
  const id = useId();
  return (
    <section className={`card int-tile int-tile--${status}`} aria-labelledby={`${id}-title`}>
      <TileFrameHead id={`${id}-title`} title={title} status={status} />
      <p className="int-tile__what">{what}</p>
      {error ? (
        <p className="notice notice--danger int-tile__error">
          Couldn't read {title}: {error}
        </p>
      ) : (
        count && <p className="int-tile__count">{count}</p>
      )}
      <LastChange change={lastChange} />
      {handles.length > 0 ? (
        <div className="int-tile__handles">
          <h4 className="int-tile__subtitle">@-handles for monitor messages</h4>
          <HandleList handles={handles} label={`${title} @-handles`} />
        </div>
      ) : (
        <p className="int-tile__no-handles muted-text">
          <WithHandlesWord text={noHandles} />
        </p>
      )}
      {children}
      <div className="int-tile__actions">
        <Link className="btn" to={href}>
          Manage {title}
        </Link>
      </div>
    </section>
  );
}

/** The tile's title row (also used while a tile loads or after it failed). */
export function TileFrameHead({ id, title, status }: { id: string; title: string; status?: TileStatus }) {
  return (
    <div className="int-tile__head">
      <h3 id={id}>{title}</h3>
      {status && <TileStatusBadge status={status} />}
    </div>
  );
}
