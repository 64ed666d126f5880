import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths';
import { StaleBanner } from '../../../components/ui/stale-banner';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { plural } from '../../../lib/format-time';
import { useCan } from '../../../lib/session';
import { isTypingContext } from '../../../lib/use-slash-focus';
import { monitorQueries } from '../api/monitor-queries';
import { useListFilters } from '../hooks/use-list-filters';
import { useRowSelection } from '../hooks/use-row-selection';
import {
  clearFilters,
  collectTags,
  collectTypes,
  filterAndSort,
  hasActiveFilters,
  statusFacetCounts,
  type SortKey,
} from '../utils/list-filters';
import { BulkActionBar } from './bulk-action-bar';
import { BulkMuteDialog } from './bulk-mute-dialog';
import { ListToolbar } from './list-toolbar';
import { MonitorTable } from './monitor-table';
import { RefreshStatus } from './refresh-status';
import { SortControl } from './sort-control';
import { StatusFacets } from './status-facets';

/** The monitor list: facets and filters in the URL, sorting, refresh state, selection and bulk mute (responders and admins). */
export function MonitorList() {
  const canMute = useCan('responder');
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  const listQuery = useSuspenseQuery(monitorQueries.list(config.refreshIntervalMs));
  const { data, error, isFetching, refetch } = listQuery;
  const { filters, setFilters, searchParams } = useListFilters();
  const navigate = useNavigate();

  const visible = useMemo(() => filterAndSort(data.monitors, filters), [data.monitors, filters]);
  const visibleIds = useMemo(() => visible.map((m) => m.id), [visible]);
  const facetCounts = useMemo(() => statusFacetCounts(data.monitors, filters), [data.monitors, filters]);
  const types = useMemo(() => collectTypes(data.monitors), [data.monitors]);
  const knownTags = useMemo(() => collectTags(data.monitors), [data.monitors]);

  const { selectedIds, clickRow, setAll, clear } = useRowSelection(visibleIds);
  const [bulkTargets, setBulkTargets] = useState<typeof visible | null>(null);
  const [focusedIndex, setFocusedIndex] = useState(-1);
  const listSearch = searchParams.toString();

  const onSort = useCallback(
    (sort: SortKey) =>
      setFilters((f) => ({ ...f, sort, dir: f.sort === sort ? (f.dir === 'asc' ? 'desc' : 'asc') : 'asc' })),
    [setFilters],
  );

  const toggleStatus = (status: string) =>
    setFilters((f) => ({
      ...f,
      statuses: f.statuses.includes(status) ? f.statuses.filter((s) => s !== status) : [...f.statuses, status],
    }));

  // Keyboard triage: j/k move the row focus, x toggles its selection, Enter opens it.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingContext(event.target)) return;
      if (visible.length === 0) return;
      const focusRow = (index: number) => {
        setFocusedIndex(index);
        const row = document.querySelector<HTMLElement>(`tr[data-monitor-id="${visible[index]?.id}"]`);
        row?.focus();
        row?.scrollIntoView({ block: 'nearest' });
      };
      if (event.key === 'j') {
        event.preventDefault();
        focusRow(Math.min(visible.length - 1, focusedIndex + 1));
      } else if (event.key === 'k') {
        event.preventDefault();
        focusRow(Math.max(0, focusedIndex - 1));
      } else if (event.key === 'x' && focusedIndex >= 0 && canMute) {
        event.preventDefault();
        clickRow(focusedIndex, event.shiftKey);
      } else if (event.key === 'Enter' && focusedIndex >= 0 && event.target instanceof HTMLTableRowElement) {
        const m = visible[focusedIndex];
        if (m) {
          event.preventDefault();
          void navigate(paths.monitor.getHref(m.id), { state: { listSearch } });
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [visible, focusedIndex, clickRow, navigate, listSearch, canMute]);

  const showStale = data.stale || error !== null;
  const filtered = hasActiveFilters(filters);

  return (
    <main className="page">
      <div className="page__head">
        <h1>Monitors</h1>
        <RefreshStatus
          fetchedAt={data.fetchedAt}
          isFetching={isFetching}
          onRefresh={() => void refetch()}
          refreshIntervalMs={config.refreshIntervalMs}
        />
      </div>

      {showStale && <StaleBanner fetchedAt={data.fetchedAt} error={error} refreshIntervalMs={config.refreshIntervalMs} />}

      <StatusFacets counts={facetCounts} selected={filters.statuses} onToggle={toggleStatus} />
      <ListToolbar filters={filters} setFilters={setFilters} types={types} knownTags={knownTags} />

      <div className="list-meta">
        <p className="list-count" role="status">
          {filtered ? `${plural(visible.length, 'monitor')} of ${data.monitors.length} match` : plural(visible.length, 'monitor')}
        </p>
        {filtered && (
          <button type="button" className="btn btn--link" onClick={() => setFilters(clearFilters(filters))}>
            Clear filters
          </button>
        )}
        <SortControl sort={filters} onChange={(update) => setFilters(update)} />
      </div>

      <MonitorTable
        monitors={visible}
        selectable={canMute}
        selectedIds={selectedIds}
        focusedIndex={focusedIndex}
        onSelectClick={clickRow}
        onSelectAllVisible={(on) => setAll(visibleIds, on)}
        onFocusRow={setFocusedIndex}
        sort={filters}
        onSort={onSort}
        listSearch={listSearch}
        emptyContent={
          <div className="empty">
            <p className="empty__title">
              {data.monitors.length === 0 ? 'No monitors yet' : 'No monitors match these filters'}
            </p>
            {filtered && (
              <button type="button" className="btn" onClick={() => setFilters(clearFilters(filters))}>
                Clear filters
              </button>
            )}
          </div>
        }
      />

      {canMute && (
        <BulkActionBar
          selectedCount={selectedIds.size}
          matchingCount={visible.length}
          onSelectAllMatching={() => setAll(visibleIds, true)}
          onMute={() => setBulkTargets(visible.filter((m) => selectedIds.has(m.id)))}
          onClear={clear}
        />
      )}

      {canMute && bulkTargets && (
        <BulkMuteDialog
          monitors={bulkTargets}
          onClose={() => {
            setBulkTargets(null);
            clear();
          }}
        />
      )}
    </main>
  );
}
