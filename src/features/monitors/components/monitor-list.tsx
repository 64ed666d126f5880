import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { MonitorSummary } from '../../../contract/monitors';
import { StaleBanner } from '../../../components/ui/stale-banner';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { plural } from '../../../lib/format-time';
import { useCan } from '../../../lib/session';
import { monitorQueries } from '../api/monitor-queries';
import { useListFilters } from '../hooks/use-list-filters';
import { useMuteLimits } from '../hooks/use-mute-limits';
import { useRowCursor } from '../hooks/use-row-cursor';
import { useRowSelection } from '../hooks/use-row-selection';
import { useTriageShortcuts } from '../hooks/use-triage-shortcuts';
import { readLastMuteEnd } from '../utils/last-mute-end';
import {
  clearFilters,
  collectTags,
  collectTypes,
  filterSorted,
  hasActiveFilters,
  indexMonitors,
  sortIndexed,
  type SortKey,
} from '../utils/list-filters';
import type { EndChoice } from '../utils/mute-end';
import { BulkActionBar } from './bulk-action-bar';
import { BulkMuteDialog } from './bulk-mute-dialog';
import { BulkUnmuteDialog } from './bulk-unmute-dialog';
import { ListAnnouncer } from './list-announcer';
import { ListToolbar } from './list-toolbar';
import { MonitorTable, type MonitorTableHandle } from './monitor-table';
import { RefreshStatus } from './refresh-status';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SortControl } from './sort-control';
import { StatusFacets } from './status-facets';

/** At most one dialog over the list: bulk mute (the button or `m`), bulk unmute (`u`), or the keys (`?`). */
type ListDialog =
  | { kind: 'mute'; monitors: MonitorSummary[]; initialEnd?: EndChoice; focusReason?: boolean }
  | { kind: 'unmute'; monitors: MonitorSummary[] }
  | { kind: 'help' };

/**
 * The monitor list: facets and filters in the URL, sorting, refresh state, and for responders and
 * admins selection, bulk mute and keyboard triage (j/k, x, m, u; "?" lists the keys).
 */
export function MonitorList() {
  const canMute = useCan('responder');
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  const listQuery = useSuspenseQuery(monitorQueries.list(config.refreshIntervalMs));
  const { data, error, isFetching, refetch } = listQuery;
  const { filters, setFilters, searchParams } = useListFilters();

  // Work per list load, per sort change and per filter change kept apart, so a keystroke in the
  // search only runs the cheap part: substring tests over the prepared, already sorted monitors.
  const index = useMemo(() => indexMonitors(data.monitors), [data.monitors]);
  const sorted = useMemo(() => sortIndexed(index, filters.sort, filters.dir), [index, filters.sort, filters.dir]);
  // The search box and the URL update at once; the list follows at a lower priority, so typing is
  // never held up by a re-render of the rows (React drops stale renders when keys come fast).
  const shownFilters = useDeferredValue(filters);
  const { visible, facetCounts } = useMemo(() => filterSorted(sorted, shownFilters), [sorted, shownFilters]);
  const visibleIds = useMemo(() => visible.map((m) => m.id), [visible]);
  const types = useMemo(() => collectTypes(data.monitors), [data.monitors]);
  const knownTags = useMemo(() => collectTags(data.monitors), [data.monitors]);

  const { selectedIds, clickRow, setAll, clear } = useRowSelection(visibleIds);
  const table = useRef<MonitorTableHandle>(null);
  const focusRow = useCallback((index: number) => table.current?.focusRow(index), []);
  const cursor = useRowCursor(visibleIds, focusRow);
  const limits = useMuteLimits();
  const [dialog, setDialog] = useState<ListDialog | null>(null);
  const [notice, setNotice] = useState('');
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

  useTriageShortcuts({
    visible,
    cursor,
    selectedIds,
    toggleRow: clickRow,
    canMute,
    listSearch,
    onMute: (targets) => {
      setNotice('');
      setDialog({ kind: 'mute', monitors: targets, initialEnd: readLastMuteEnd(limits), focusReason: true });
    },
    onUnmute: (targets) => {
      setNotice('');
      setDialog({ kind: 'unmute', monitors: targets });
    },
    onHelp: () => setDialog({ kind: 'help' }),
    announce: setNotice,
  });

  const closeBulk = () => {
    setDialog(null);
    clear();
  };

  const showStale = data.stale || error !== null;
  const filtered = hasActiveFilters(filters);

  return (
    <main className="page">
      <div className="page__head">
        <h1>Monitors</h1>
        <div className="page__tools">
          <RefreshStatus
            fetchedAt={data.fetchedAt}
            isFetching={isFetching}
            onRefresh={() => void refetch()}
            refreshIntervalMs={config.refreshIntervalMs}
          />
          <button type="button" className="btn btn--sm" aria-keyshortcuts="?" onClick={() => setDialog({ kind: 'help' })}>
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
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
        ref={table}
        monitors={visible}
        selectable={canMute}
        selectedIds={selectedIds}
        focusedIndex={cursor.index}
        onSelectClick={clickRow}
        onSelectAllVisible={(on) => setAll(visibleIds, on)}
        onFocusRow={cursor.follow}
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
          onMute={() => setDialog({ kind: 'mute', monitors: visible.filter((m) => selectedIds.has(m.id)) })}
          onClear={clear}
        />
      )}

      <ListAnnouncer selectedCount={selectedIds.size} notice={notice} />

      {canMute && dialog?.kind === 'mute' && (
        <BulkMuteDialog
          monitors={dialog.monitors}
          initialEnd={dialog.initialEnd}
          focusReason={dialog.focusReason}
          onClose={closeBulk}
        />
      )}
      {canMute && dialog?.kind === 'unmute' && <BulkUnmuteDialog monitors={dialog.monitors} onClose={closeBulk} />}
      {dialog?.kind === 'help' && <ShortcutsDialog canMute={canMute} onClose={() => setDialog(null)} />}
    </main>
  );
}
