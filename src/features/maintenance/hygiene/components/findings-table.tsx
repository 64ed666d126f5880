import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../../config/paths';
import { windowTitle } from '../../calendar/utils/entry-labels';
import type { Finding } from '../utils/hygiene-kinds';
import { describeSchedule, statusLabel, targetsText } from '../utils/window-facts';
import { KindBadge } from './kind-badge';

interface FindingsTableProps {
  findings: readonly Finding[];
  longActiveDays: number;
  now: number;
  /** Null when the user cannot clean up: then there are no checkboxes. */
  selection: { selected: ReadonlySet<string>; toggle: (id: string) => void; setAll: (on: boolean) => void } | null;
}

/** One row per window with findings: what is wrong with it, in badges and sentences, and a link to it. */
export function FindingsTable({ findings, longActiveDays, now, selection }: FindingsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table hygiene-table" aria-label="Hygiene findings">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="col-select">
                <SelectAll findings={findings} selection={selection} />
              </th>
            )}
            <th scope="col">Window</th>
            <th scope="col">Findings</th>
            <th scope="col">Status</th>
            <th scope="col">Created by</th>
            <th scope="col">Schedule</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <FindingRow key={f.window.id} finding={f} longActiveDays={longActiveDays} now={now} selection={selection} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SelectAll({ findings, selection }: { findings: readonly Finding[]; selection: NonNullable<FindingsTableProps['selection']> }) {
  const ref = useRef<HTMLInputElement>(null);
  const count = findings.filter((f) => selection.selected.has(f.window.id)).length;
  const all = count > 0 && count === findings.length;
  const some = count > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input ref={ref} type="checkbox" aria-label="Select all windows" checked={all} onChange={() => selection.setAll(!all)} />
  );
}

interface FindingRowProps {
  finding: Finding;
  longActiveDays: number;
  now: number;
  selection: FindingsTableProps['selection'];
}

function FindingRow({ finding, longActiveDays, now, selection }: FindingRowProps) {
  const w = finding.window;
  const title = windowTitle(w);
  const isSelected = selection?.selected.has(w.id) ?? false;
  return (
    <tr className={isSelected ? 'is-selected' : undefined}>
      {selection && (
        <td className="col-select">
          <input type="checkbox" aria-label={`Select ${title}`} checked={isSelected} onChange={() => selection.toggle(w.id)} />
        </td>
      )}
      <td>
        <Link to={paths.maintenanceWindow.getHref(w.id)} className="row__link">
          {title}
        </Link>
        <p className="hygiene-table__sub muted-text">
          {targetsText(w)}
          {w.scope.trim() !== '*' && (
            <>
              {' · scope '}
              <code>{w.scope}</code>
            </>
          )}
        </p>
      </td>
      <td>
        <ul className="hygiene-kinds" aria-label="Kinds">
          {finding.kinds.map((k) => (
            <li key={k}>
              <KindBadge kind={k} longActiveDays={longActiveDays} />
            </li>
          ))}
        </ul>
        {finding.details.length > 0 && (
          <ul className="hygiene-details">
            {finding.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </td>
      <td>{statusLabel(w.status)}</td>
      <td>
        <Creator creator={w.creator} />
      </td>
      <td className="hygiene-table__schedule">{describeSchedule(w, now)}</td>
    </tr>
  );
}

function Creator({ creator }: { creator: Finding['window']['creator'] }) {
  if (!creator) return <span className="muted-text">Unknown</span>;
  const who = creator.name ?? creator.handle ?? creator.email ?? 'Unknown';
  return (
    <>
      {who}
      {creator.disabled && <span className="muted-text"> (disabled)</span>}
    </>
  );
}
