import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import type { MonitorSummary } from '../../../contract/monitors';
import type { ListFilters, SortKey } from '../utils/list-filters';
import { MonitorRow } from './monitor-row';

/**
 * Up to this many rows every row is rendered; above it only the rows around the viewport are
 * (10,000 rows in the DOM took seconds to show and over 200 MB of heap). Small lists keep real
 * rows for find-in-page, and for tests, since jsdom has no layout to virtualize against.
 */
export const VIRTUALIZE_ABOVE = 150;
/**
 * Every virtualized row's height: one line per cell (the CSS keeps them from wrapping and pins
 * `.monitor-table--virtual .row` to it). Known heights need no measuring: measuring each row as
 * it mounted forced a layout per keystroke and per scroll step.
 */
export const ESTIMATED_ROW_HEIGHT = 45;
/** The sticky top bar the table header sticks under (`.topnav`, `.table thead th { top: 48px }`). */
const STICKY_TOP = 48;
/** Room kept under a row scrolled into view, so the sticky bulk action bar does not cover it. */
const BOTTOM_CLEARANCE = 72;

/** What the list asks of the table: move the keyboard focus to a row, scrolling it into view. */
export interface MonitorTableHandle {
  focusRow: (index: number) => void;
}

interface MonitorTableProps {
  monitors: MonitorSummary[];
  /** Show the selection checkboxes (only for users who may mute). */
  selectable: boolean;
  selectedIds: ReadonlySet<number>;
  focusedIndex: number;
  onSelectClick: (index: number, shiftKey: boolean) => void;
  onSelectAllVisible: (on: boolean) => void;
  onFocusRow: (index: number) => void;
  sort: Pick<ListFilters, 'sort' | 'dir'>;
  onSort: (sort: SortKey) => void;
  listSearch: string;
  /** Rendered in the body instead of rows (empty state). */
  emptyContent?: ReactNode;
  ref?: Ref<MonitorTableHandle>;
}

type RowProps = Omit<MonitorTableProps, 'sort' | 'onSort' | 'onSelectAllVisible' | 'emptyContent' | 'ref'>;

function rowIn(body: HTMLElement | null, id: number): HTMLTableRowElement | null {
  return body?.querySelector<HTMLTableRowElement>(`tr[data-monitor-id="${id}"]`) ?? null;
}

function renderRow(p: RowProps, m: MonitorSummary, index: number) {
  return (
    <MonitorRow
      key={m.id}
      monitor={m}
      index={index}
      selectable={p.selectable}
      selected={p.selectedIds.has(m.id)}
      focused={index === p.focusedIndex}
      onSelectClick={p.onSelectClick}
      onFocusRow={p.onFocusRow}
      listSearch={p.listSearch}
    />
  );
}

/** Every row in the DOM: small lists. */
function AllRows({ handle, ...p }: RowProps & { handle: Ref<MonitorTableHandle> | undefined }) {
  const body = useRef<HTMLTableSectionElement>(null);
  useImperativeHandle(
    handle,
    () => ({
      focusRow(index) {
        const m = p.monitors[index];
        const row = m ? rowIn(body.current, m.id) : null;
        if (!row) return;
        row.focus({ preventScroll: true });
        row.scrollIntoView({ block: 'nearest' });
      },
    }),
    [p.monitors],
  );
  return <tbody ref={body}>{p.monitors.map((m, i) => renderRow(p, m, i))}</tbody>;
}

/**
 * Only the rows near the viewport, between two spacer rows that stand for the others, so the
 * page scrolls as if every row were there. The page itself scrolls (the header stays sticky
 * under the top bar), hence the window virtualizer, offset by where the body starts.
 */
function VirtualRows({
  handle,
  headHeight,
  ...p
}: RowProps & { handle: Ref<MonitorTableHandle> | undefined; headHeight: number }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const ids = p.monitors;
  const virtualizer = useWindowVirtualizer({
    count: ids.length,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (i) => ids[i]!.id,
    // Rows kept rendered past each edge of the viewport: enough for j/k and a wheel step, few
    // enough that a keystroke which changes every row re-renders about 30 rows, not 40.
    overscan: 5,
    scrollMargin,
    // A row brought into view by j/k lands below the sticky bars, not under them.
    scrollPaddingStart: STICKY_TOP + headHeight,
    scrollPaddingEnd: BOTTOM_CLEARANCE,
  });

  // Where the body starts in the page. What sits above it (banners, filters, a wrapping toolbar) can
  // change on any render, so this measures after every one; the equality check ends the loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (!body.current) return;
    const top = Math.round(body.current.getBoundingClientRect().top + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });

  // A row asked for by the keyboard may not be rendered yet: focus it once the scroll brings it in.
  const pendingFocus = useRef<number | null>(null);
  const focusPending = () => {
    if (pendingFocus.current === null) return;
    const row = rowIn(body.current, pendingFocus.current);
    if (!row) return;
    pendingFocus.current = null;
    row.focus({ preventScroll: true });
  };
  useLayoutEffect(focusPending);
  useImperativeHandle(
    handle,
    () => ({
      focusRow(index) {
        const m = ids[index];
        if (!m) return;
        pendingFocus.current = m.id;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        focusPending();
      },
    }),
    [ids, virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - scrollMargin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  const columns = p.selectable ? MONITOR_TABLE_COLUMNS : MONITOR_TABLE_COLUMNS - 1;
  return (
    <tbody ref={body}>
      {before > 0 && <Spacer height={before} columns={columns} />}
      {items.map((item) => renderRow(p, ids[item.index]!, item.index))}
      {after > 0 && <Spacer height={after} columns={columns} />}
    </tbody>
  );
}

/** Stands in for rows not rendered; hidden from screen readers, who get aria-rowcount instead. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="row-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

/** With the selection column; one fewer without it. */
export const MONITOR_TABLE_COLUMNS = 8;

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: {
  label: string;
  sortKey: SortKey;
  sort: MonitorTableProps['sort'];
  onSort: (s: SortKey) => void;
  className: string;
}) {
  const active = sort.sort === sortKey;
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="th-sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="th-sort__arrow">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** The monitors, one row each, with a selection column for those who may mute. */
export function MonitorTable({
  monitors,
  selectable,
  selectedIds,
  focusedIndex,
  onSelectClick,
  onSelectAllVisible,
  onFocusRow,
  sort,
  onSort,
  listSearch,
  emptyContent,
  ref,
}: MonitorTableProps) {
  const headerBox = useRef<HTMLInputElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(40);
  // Once long enough to virtualize, the table stays virtualized: a filter narrowing 10,000 monitors
  // to 111 would otherwise switch modes mid-typing and lay out every one of those rows at once.
  const [wasVirtual, setWasVirtual] = useState(false);
  const virtual = wasVirtual || monitors.length > VIRTUALIZE_ABOVE;
  if (virtual && !wasVirtual) setWasVirtual(true);
  // The header's height (it can wrap) sets how far below the sticky bars a row scrolled into view lands;
  // measured after every render like the body's offset, and only stored when it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const h = head.current?.offsetHeight ?? 0;
    if (virtual && h > 0 && h !== headHeight) setHeadHeight(h);
  });
  const rowProps: RowProps = { monitors, selectable, selectedIds, focusedIndex, onSelectClick, onFocusRow, listSearch };
  // Nothing selected is the usual case, and a keystroke must not walk 10,000 rows to learn it.
  const selectedVisible = useMemo(
    () => (selectedIds.size === 0 ? 0 : monitors.reduce((n, m) => (selectedIds.has(m.id) ? n + 1 : n), 0)),
    [monitors, selectedIds],
  );
  const all = monitors.length > 0 && selectedVisible === monitors.length;
  const some = selectedVisible > 0 && !all;
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = some;
  }, [some]);

  return (
    <table
      className={`table monitor-table${virtual ? ' monitor-table--virtual' : ''}`}
      aria-label="Monitors"
      // The header row plus every monitor, rendered or not.
      aria-rowcount={monitors.length > 0 ? monitors.length + 1 : undefined}
    >
      <thead ref={head}>
        <tr aria-rowindex={1}>
          {selectable && (
            <th scope="col" className="col-select">
              <input
                ref={headerBox}
                type="checkbox"
                aria-label={all ? 'Deselect all shown monitors' : 'Select all shown monitors'}
                checked={all}
                disabled={monitors.length === 0}
                onChange={() => onSelectAllVisible(!all)}
              />
            </th>
          )}
          <SortHeader label="Status" sortKey="severity" sort={sort} onSort={onSort} className="col-status" />
          <SortHeader label="Monitor" sortKey="name" sort={sort} onSort={onSort} className="col-name" />
          <th scope="col" className="col-type">
            Type
          </th>
          <th scope="col" className="col-tags">
            Tags
          </th>
          <SortHeader label="Priority" sortKey="priority" sort={sort} onSort={onSort} className="col-priority" />
          <th scope="col" className="col-groups">
            Groups
          </th>
          <th scope="col" className="col-muted">
            Muted
          </th>
        </tr>
      </thead>
      {monitors.length === 0 && emptyContent ? (
        <tbody>
          <tr>
            <td colSpan={selectable ? MONITOR_TABLE_COLUMNS : MONITOR_TABLE_COLUMNS - 1} className="table__empty">
              {emptyContent}
            </td>
          </tr>
        </tbody>
      ) : virtual ? (
        <VirtualRows handle={ref} headHeight={headHeight} {...rowProps} />
      ) : (
        <AllRows handle={ref} {...rowProps} />
      )}
    </table>
  );
}
