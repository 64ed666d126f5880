import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LastChange as LastChangeValue } from '../../../contract/integrations';
import { paths } from '../../../config/paths';
import { LastChange } from './last-change';

interface IntegrationPageProps {
  title: string;
  /** One line on what the integration does. */
  summary: ReactNode;
  lastChange: LastChangeValue;
  /** The page's main action: "Add AWS account", "New webhook". */
  action?: { label: string; onClick: () => void };
  /** True while a refresh runs after a change. */
  refreshing?: boolean;
  /** What Datadog lists ("service", "webhook"), when it listed only some of them. */
  partialListing?: string | null;
  children: ReactNode;
}

/**
 * One integration's page (a Datadog one, or Atlas): back to the overview, its
 * name and main action, what it does and its last change through watchdeck,
 * then its items.
 */
export function IntegrationPage({ title, summary, lastChange, action, refreshing = false, partialListing = null, children }: IntegrationPageProps) {
  return (
    <main className="page">
      <div className="page__head">
        <Link className="back-link" to={paths.integrations.getHref()}>
          ← Integrations
        </Link>
      </div>
      <div className="page__head">
        <h1>{title}</h1>
        <div className="page__actions">
          {refreshing && <span className="muted-text">Refreshing…</span>}
          {action && (
            <button type="button" className="btn btn--primary" onClick={action.onClick}>
              {action.label}
            </button>
          )}
        </div>
      </div>
      <div className="int-page-intro">
        <p className="int-page-intro__summary">{summary}</p>
        <LastChange change={lastChange} />
      </div>
      {partialListing && (
        <p className="notice notice--warn" role="note">
          Datadog did not list every {partialListing}; showing the ones watchdeck knows.
        </p>
      )}
      {children}
    </main>
  );
}

/** Nothing configured yet: what is missing, and what to do first. */
export function EmptyCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty card">
      <p className="empty__title">{title}</p>
      <p className="muted-text">{children}</p>
    </div>
  );
}

/** A table of an integration's items: a row header first, the row's buttons last (their column named for screen readers). */
export function IntegrationTable({ label, columns, children }: { label: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <table className="table int-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

interface ItemActionsProps {
  /** The item's name, in each button's name: "Edit ops-hook", "Delete ops-hook…". */
  name: string;
  onEdit?: () => void;
  /** "Remove" (Datadog forgets the item) or "Delete". */
  removeVerb?: 'Remove' | 'Delete';
  onRemove: () => void;
  /** Other buttons, before Remove. */
  children?: ReactNode;
}

/**
 * Edit and Remove (or Delete) for one item; Remove opens a confirmation, hence
 * its "…". The row already names the item, so the buttons read short; their
 * accessible names say which item ("Edit ops-hook").
 */
export function ItemActions({ name, onEdit, removeVerb = 'Remove', onRemove, children }: ItemActionsProps) {
  return (
    <>
      {onEdit && (
        <button type="button" className="btn btn--sm" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </button>
      )}
      {children}
      <button type="button" className="btn btn--sm btn--danger-outline" aria-label={`${removeVerb} ${name}…`} onClick={onRemove}>
        {removeVerb}…
      </button>
    </>
  );
}
