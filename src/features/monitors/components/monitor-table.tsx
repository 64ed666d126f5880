import { useEffect, useRef, type ReactNode } from 'react';
import type { MonitorSummary } from '../../../contract/monitors';
import type { ListFilters, SortKey } from '../utils/list-filters';
import { MonitorRow } from './monitor-row';

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
}: MonitorTableProps) {
  const headerBox = useRef<HTMLInputElement>(null);
  const selectedVisible = monitors.filter((m) => selectedIds.has(m.id)).length;
  const all = monitors.length > 0 && selectedVisible === monitors.length;
  const some = selectedVisible > 0 && !all;
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = some;
  }, [some]);

  return (
    <table className="table monitor-table" aria-label="Monitors">
      <thead>
        <tr>
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
      <tbody>
        {monitors.length === 0 && emptyContent ? (
          <tr>
            <td colSpan={selectable ? MONITOR_TABLE_COLUMNS : MONITOR_TABLE_COLUMNS - 1} className="table__empty">
              {emptyContent}
            </td>
          </tr>
        ) : (
          monitors.map((m, i) => (
            <MonitorRow
              key={m.id}
              monitor={m}
              index={i}
              selectable={selectable}
              selected={selectedIds.has(m.id)}
              focused={i === focusedIndex}
              onSelectClick={onSelectClick}
              onFocusRow={onFocusRow}
              listSearch={listSearch}
            />
          ))
        )}
      </tbody>
    </table>
  );
}
