import { memo, type MouseEvent } from 'react';
import { Link } from 'react-router';
import type { MonitorSummary } from '../../../contract/monitors';
import { paths } from '../../../config/paths';
import { StatusPill } from '../../../components/ui/status-pill';
import { TagChips } from '../../../components/ui/tag-chips';
import { pendingChange } from '../utils/optimistic';
import { GroupSummaryBar } from './group-summary-bar';
import { MuteMarker } from './mute-marker';

interface MonitorRowProps {
  monitor: MonitorSummary;
  index: number;
  selectable: boolean;
  selected: boolean;
  focused: boolean;
  onSelectClick: (index: number, shiftKey: boolean) => void;
  onFocusRow: (index: number) => void;
  /** The list's search params, handed to the detail page for its back link. */
  listSearch: string;
}

export function priorityLabel(priority: number | null): string {
  return priority === null ? '—' : `P${priority}`;
}

export const MonitorRow = memo(function MonitorRow({
  monitor: m,
  index,
  selectable,
  selected,
  focused,
  onSelectClick,
  onFocusRow,
  listSearch,
}: MonitorRowProps) {
  const pending = pendingChange(m);
  return (
    <tr
      // Row 1 is the header: with only some rows in the DOM, screen readers still learn each row's place.
      aria-rowindex={index + 2}
      data-index={index}
      className={`row${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}`}
      data-monitor-id={m.id}
      tabIndex={focused ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusRow(index);
      }}
    >
      {selectable && (
        <td className="col-select">
          <input
            type="checkbox"
            checked={selected}
            aria-label={`Select ${m.name}`}
            onChange={() => {}}
            onClick={(e: MouseEvent<HTMLInputElement>) => onSelectClick(index, e.shiftKey)}
          />
        </td>
      )}
      <td className="col-status">
        <StatusPill status={m.overallState} size="sm" />
      </td>
      <th scope="row" className="col-name">
        <Link to={paths.monitor.getHref(m.id)} state={{ listSearch }} className="row__link" title={m.name}>
          {m.name}
        </Link>
      </th>
      <td className="col-type">{m.type}</td>
      <td className="col-tags">
        <TagChips tags={m.tags} max={3} />
      </td>
      <td className="col-priority">{priorityLabel(m.priority)}</td>
      <td className="col-groups">
        <GroupSummaryBar counts={m.groupCounts} />
      </td>
      <td className="col-muted">
        <MuteMarker mute={m.mute} pending={pending} />
      </td>
    </tr>
  );
});
