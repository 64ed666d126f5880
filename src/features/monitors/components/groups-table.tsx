import type { GroupState } from '../../../contract/monitors';
import { KNOWN_STATUSES, statusSeverity } from '../../../contract/states';
import { RelativeTime } from '../../../components/ui/relative-time';
import { StatusPill } from '../../../components/ui/status-pill';
import { TagChips } from '../../../components/ui/tag-chips';
import { useGroupFilters } from '../hooks/use-group-filters';
import { pendingChange } from '../utils/optimistic';
import { MutedUntil } from './muted-until';
import { SearchBox } from './search-box';

interface GroupsTableProps {
  groups: GroupState[];
  /** Absent for users who may not mute: no Mute column then. */
  onMuteGroup?: (group: GroupState) => void;
}

function matchesText(g: GroupState, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [g.name, ...g.tags].join(' ').toLowerCase();
  return terms.every((t) => hay.includes(t));
}

export function groupLabel(g: GroupState): string {
  return g.name === '*' || g.name === '' ? 'Whole monitor (ungrouped)' : g.name;
}

/** Every group of the monitor, worst first, with its own filter (gq, gstatus) and, for those who may mute, a Mute action per row. */
export function GroupsTable({ groups, onMuteGroup }: GroupsTableProps) {
  const { filters, setFilter } = useGroupFilters();
  const statuses = [...new Set([...KNOWN_STATUSES, ...groups.map((g) => g.status)])];
  const shown = groups
    .filter((g) => (!filters.status || g.status === filters.status) && matchesText(g, filters.q))
    .sort((a, b) => statusSeverity(a.status) - statusSeverity(b.status) || a.name.localeCompare(b.name));

  return (
    <section className="card" aria-labelledby="groups-title">
      <div className="card__head">
        <h2 id="groups-title">
          Groups <span className="muted-text">({shown.length === groups.length ? groups.length : `${shown.length} of ${groups.length}`})</span>
        </h2>
        <div className="toolbar toolbar--compact">
          <SearchBox label="Filter groups" placeholder="Filter groups…" value={filters.q} onChange={(v) => setFilter('q', v, true)} slashToFocus />
          <label className="toolbar__field">
            <span>Status</span>
            <select className="input" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">All statuses</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <table className="table groups-table" aria-label="Groups">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Group</th>
            <th scope="col">Last triggered</th>
            <th scope="col">Last resolved</th>
            <th scope="col">Muted until</th>
            {onMuteGroup && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={onMuteGroup ? 6 : 5} className="table__empty">
                {groups.length === 0 ? 'This monitor has no groups yet.' : 'No groups match this filter.'}
              </td>
            </tr>
          ) : (
            shown.map((g) => {
              const pending = pendingChange(g);
              return (
                <tr key={g.name} className={g.muted ? 'is-muted' : undefined}>
                  <td>
                    <StatusPill status={g.status} size="sm" />
                  </td>
                  <th scope="row">
                    <div className="group-cell">
                      <span className="group-cell__name">{groupLabel(g)}</span>
                      {g.tags.length > 1 && <TagChips tags={g.tags} label={`Tags of ${g.name}`} />}
                    </div>
                  </th>
                  <td>
                    <RelativeTime at={g.lastTriggeredAt} empty="never" />
                  </td>
                  <td>
                    <RelativeTime at={g.lastResolvedAt} empty="never" />
                  </td>
                  <td>
                    <MutedUntil group={g} />
                    {pending && (
                      <span className="pending-chip" title="Sent; waiting for the next refresh to confirm">
                        {pending === 'mute' ? 'mute pending' : 'unmute pending'}
                      </span>
                    )}
                  </td>
                  {onMuteGroup && (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn--sm"
                        onClick={() => onMuteGroup(g)}
                        aria-label={`Mute group ${groupLabel(g)}`}
                      >
                        Mute group
                      </button>
                    </td>
                  )}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </section>
  );
}
