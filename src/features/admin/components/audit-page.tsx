import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { InlineError } from '../../../components/errors/inline-error';
import { plural } from '../../../lib/format-time';
import { auditQueries } from '../api/audit-queries';
import { useAuditFilters } from '../hooks/use-audit-filters';
import { EMPTY_AUDIT_FILTERS, hasAuditFilters } from '../utils/audit-filters';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';
import { ExportCsvButton } from './export-csv-button';

/** Admin: every change made through watchdeck, allowed or not; filters in the URL, newest first, "Load more", CSV export. */
export function AuditPage() {
  const { filters, setFilters, search } = useAuditFilters();
  const query = useSuspenseInfiniteQuery(auditQueries.list(filters));
  const records = query.data.pages.flatMap((p) => p.records);
  const filtered = hasAuditFilters(filters);

  return (
    <main className="page">
      <div className="page__head">
        <h1>Audit log</h1>
        <div className="page__actions">
          <button type="button" className="btn" onClick={() => void query.refetch()} disabled={query.isFetching}>
            {query.isFetching && !query.isFetchingNextPage ? 'Refreshing…' : 'Refresh'}
          </button>
          <ExportCsvButton filters={filters} />
        </div>
      </div>

      {/* Keyed by the URL: back/forward or a shared link puts the fields in step with the filters. */}
      <AuditFiltersForm key={search} filters={filters} onApply={setFilters} />

      <p className="list-count" role="status">
        {records.length === 0
          ? filtered
            ? 'No records match these filters'
            : 'No records yet'
          : `${plural(records.length, 'record')}${filtered ? ' matching these filters' : ''}${query.hasNextPage ? ' (more available)' : ''}`}
      </p>

      {query.isRefetchError && !query.isFetchNextPageError && (
        <InlineError error={query.error} prefix="Refresh failed; showing the records loaded before" />
      )}

      <AuditTable
        records={records}
        emptyContent={
          <div className="empty">
            <p className="empty__title">{filtered ? 'No audit records match these filters' : 'No audit records yet'}</p>
            {filtered ? (
              <button type="button" className="btn" onClick={() => setFilters(EMPTY_AUDIT_FILTERS)}>
                Show all records
              </button>
            ) : (
              <p className="muted-text">Every change made through watchdeck, allowed or refused, is recorded here.</p>
            )}
          </div>
        }
      />

      {query.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="btn"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
          </button>
        </div>
      )}
      {query.isFetchNextPageError && <InlineError error={query.error} prefix="Couldn't load more records" />}
    </main>
  );
}
