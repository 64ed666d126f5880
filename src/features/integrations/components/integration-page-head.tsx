import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LastChange as LastChangeValue } from '../../../contract/integrations';
import { paths } from '../../../config/paths';
import { LastChange } from './last-change';

interface IntegrationPageHeadProps {
  title: string;
  /** One line on what the integration does. */
  summary: ReactNode;
  lastChange: LastChangeValue;
  /** The page's main action (Add …). */
  actions?: ReactNode;
  /** True while a refresh runs after a change. */
  refreshing?: boolean;
}

/** Back to the overview, the integration's name, what it does and its last change through watchdeck. */
export function IntegrationPageHead({ title, summary, lastChange, actions, refreshing = false }: IntegrationPageHeadProps) {
  return (
    <>
      <div className="page__head">
        <Link className="back-link" to={paths.integrations.getHref()}>
          ← Integrations
        </Link>
      </div>
      <div className="page__head">
        <h1>{title}</h1>
        <div className="page__actions">
          {refreshing && <span className="muted-text">Refreshing…</span>}
          {actions}
        </div>
      </div>
      <div className="int-page-intro">
        <p className="int-page-intro__summary">{summary}</p>
        <LastChange change={lastChange} />
      </div>
    </>
  );
}
