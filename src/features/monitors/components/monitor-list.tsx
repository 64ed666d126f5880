import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MonitorSummary } from '../../../contract/monitors';
import { StaleBanner } from '../../../components/ui/stale-banner';
import { useToasts } from '../../../components/ui/toaster';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { plural } from '../../../lib/format-time';
import { LoadBoundary, preloadable } from '../../../lib/preloadable';
import { useCan } from '../../../lib/session';
import { monitorQueries } from '../api/monitor-queries';
import { useListFilters } from '../hooks/use-list-filters';
import { useRowCursor } from '../hooks/use-row-cursor';
import { useRowSelection } from '../hooks/use-row-selection';
import { useTriageShortcuts } from '../hooks/use-triage-shortcuts';
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
import { BulkActionBar } from './bulk-action-bar';
import { ListAnnouncer } from './list-announcer';
import { ListToolbar } from './list-toolbar';
import { MonitorTable, type MonitorTableHandle } from './monitor-table';
import { RefreshStatus } from './refresh-status';
import { SortControl } from './sort-control';
import { StatusFacets } from './status-facets';

// The dialogs (with the mute form, the unmute plan, scope parsing and the bulk runner) are not
// needed to show the list, so their code loads apart from it: when a row is selected or the
// keyboard cursor is on one (or the pointer nears the button), so `m`, `u` and `?` still open
// them at once.
const bulkMuteDialog = preloadable(() => import('./bulk-mute-dialog').then((m) => m.BulkMuteDialog));
const bulkUnmuteDialog = preloadable(() => import('./bulk-unmute-dialog').then((m) => m.BulkUnmuteDialog));
const shortcutsDialog = preloadable(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog));
const BulkMuteDialog = bulkMuteDialog.Component;
const BulkUnmuteDialog = bulkUnmuteDialog.Component;
const ShortcutsDialog = shortcutsDialog.Component;

const DIALOG_CODE: Record<ListDialog['kind'], { preload: () => void }> = {
  mute: bulkMuteDialog,
  unmute: bulkUnmuteDialog,
  help: shortcutsDialog,
};

/** At most one dialog over the list: bulk mute (the button or `m`), bulk unmute (`u`), or the keys (`?`). */
type ListDialog =
  | { kind: 'mute'; monitors: MonitorSummary[]; lastEnd?: boolean; focusReason?: boolean }
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
  // The list follows each keystroke in the same render as the search box, so the typed character
  // and its result are painted in one frame. That render is bounded: filtering narrows the earlier
  // result (a few ms at 10,000 monitors) and only the rows in view are rendered. Deferring it
  // (useDeferredValue) cost a frame per keystroke: the browser paints the input first and only then
  // ran the deferred render (keystroke p95 about 50 ms at 10,000 monitors, 35 ms without; `npm run bench`).
  const { visible, facetCounts } = useMemo(() => filterSorted(sorted, filters), [sorted, filters]);
  const visibleIds = useMemo(() => visible.map((m) => m.id), [visible]);
  const types = useMemo(() => collectTypes(data.monitors), [data.monitors]);
  const knownTags = useMemo(() => collectTags(data.monitors), [data.monitors]);

  const { selectedIds, clickRow, setAll, clear } = useRowSelection(visibleIds);
  const table = useRef<MonitorTableHandle>(null);
  const focusRow = useCallback((index: number) => table.current?.focusRow(index), []);
  const cursor = useRowCursor(visibleIds, focusRow);
  const [dialog, setDialogState] = useState<ListDialog | null>(null);
  const [notice, setNotice] = useState('');
  const toasts = useToasts();
  const listSearch = searchParams.toString();

  // Opening a dialog also retries its code if an earlier download failed.
  const setDialog = useCallback((next: ListDialog | null) => {
    if (next) DIALOG_CODE[next.kind].preload();
    setDialogState(next);
  }, []);

  // A selection or a keyboard cursor means a mute, an unmute or the key list may be next.
  const triaging = selectedIds.size > 0 || cursor.index >= 0;
  useEffect(() => {
    if (!triaging) return;
    shortcutsDialog.preload();
    if (!canMute) return;
    bulkMuteDialog.preload();
    bulkUnmuteDialog.preload();
  }, [triaging, canMute]);

  const dialogFailed = useCallback(() => {
    setDialogState(null);
    toasts.push({ message: "Couldn't open the dialog: its code did not load.", detail: 'Check the connection and try again.' });
  }, [toasts]);

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
      setDialog({ kind: 'mute', monitors: targets, lastEnd: true, focusReason: true });
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
          <button
            type="button"
            className="btn btn--sm"
            aria-keyshortcuts="?"
            onPointerEnter={shortcutsDialog.preload}
            onFocus={shortcutsDialog.preload}
            onClick={() => setDialog({ kind: 'help' })}
          >
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

      {dialog && (
        // Nothing shows while a dialog's code loads (it is usually preloaded); a failed load closes it with a notice.
        <LoadBoundary key={dialog.kind} onError={dialogFailed}>
          {canMute && dialog.kind === 'mute' && (
            <BulkMuteDialog
              monitors={dialog.monitors}
              lastEnd={dialog.lastEnd}
              focusReason={dialog.focusReason}
              onClose={closeBulk}
            />
          )}
          {canMute && dialog.kind === 'unmute' && <BulkUnmuteDialog monitors={dialog.monitors} onClose={closeBulk} />}
          {dialog.kind === 'help' && <ShortcutsDialog canMute={canMute} onClose={() => setDialog(null)} />}
        </LoadBoundary>
      )}
    </main>
  );
}
