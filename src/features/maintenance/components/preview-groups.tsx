import { Link } from 'react-router';
import type { PreviewGroup, PreviewResponse } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { StatusPill } from '../../../components/ui/status-pill';
import { plural } from '../../../lib/format-time';

/** Worst first: what pages sits at the top of every group list. */
const STATE_ORDER: Record<string, number> = { Alert: 0, Warn: 1, 'No Data': 2, Unknown: 3, OK: 5 };

export function byStateThenName(a: Pick<PreviewGroup, 'state' | 'monitorName' | 'group'>, b: Pick<PreviewGroup, 'state' | 'monitorName' | 'group'>): number {
  return (STATE_ORDER[a.state] ?? 4) - (STATE_ORDER[b.state] ?? 4) || a.monitorName.localeCompare(b.monitorName) || a.group.localeCompare(b.group);
}

/** "2 Alert, 1 Warn, 4 OK", worst first. */
export function stateCounts(groups: readonly Pick<PreviewGroup, 'state'>[]): string {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g.state, (counts.get(g.state) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (STATE_ORDER[a] ?? 4) - (STATE_ORDER[b] ?? 4))
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
}

function MatchedBy({ group }: { group: PreviewGroup }) {
  const chips = [
    ...(group.matchedBy.picked ? [{ key: 'picked', text: 'picked' }] : []),
    ...group.matchedBy.monitorTags.map((t) => ({ key: `tag-${t}`, text: t === '*' ? 'every monitor' : `monitor tag ${t}` })),
    ...group.scopeTags.map((t) => ({ key: `scope-${t}`, text: `scope ${t}` })),
  ];
  if (chips.length === 0) return <span className="muted-text">every monitor, whole scope</span>;
  return (
    <ul className="chips chips--inline" aria-label="Matched by">
      {chips.map((c) => (
        <li key={c.key} className="chip">
          {c.text}
        </li>
      ))}
    </ul>
  );
}

interface PreviewGroupsProps {
  preview: Pick<PreviewResponse, 'groups' | 'monitorCount' | 'futureMonitorCount' | 'truncated'>;
  /** The window targets monitor tags: monitors created later with them are caught too. */
  byTags: boolean;
  /** "mutes" while planning or active; "would mute" for a window that has not started. */
  verb?: string;
  label?: string;
}

/** Every monitor × group a window covers, with its state and what matched, worst first; and what it will catch later. */
export function PreviewGroups({ preview, byTags, verb = 'Mutes', label = 'Groups this window covers' }: PreviewGroupsProps) {
  const groups = [...preview.groups].sort(byStateThenName);
  const future = preview.futureMonitorCount;
  return (
    <div className="mw-preview">
      <p className="mw-preview__summary">
        {groups.length === 0 ? (
          <strong>Nothing matches right now.</strong>
        ) : (
          <>
            <strong>
              {verb} {plural(groups.length, 'group')} on {plural(preview.monitorCount, 'monitor')} right now
            </strong>
            : {stateCounts(groups)}.
          </>
        )}
      </p>
      {byTags && (
        <p className="mw-preview__future">
          {future > 0
            ? `${plural(future, 'more monitor', 'more monitors')} ${future === 1 ? 'carries' : 'carry'} these tags and will be caught when a matching group appears (and any monitor created later with these tags).`
            : 'Any monitor created later with these tags is caught too.'}
        </p>
      )}
      {preview.truncated && <p className="notice">Showing the first {groups.length} groups; the counts above are exact.</p>}
      {groups.length > 0 && (
        <div className="mw-scroll">
          <table className="table mw-table" aria-label={label}>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Monitor</th>
                <th scope="col">Group</th>
                <th scope="col">Matched by</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.monitorId}|${g.group}`}>
                  <td>
                    <StatusPill status={g.state} size="sm" />
                  </td>
                  <td>
                    <Link to={paths.monitor.getHref(g.monitorId)}>{g.monitorName}</Link>
                  </td>
                  <td className="mono">{g.group}</td>
                  <td>
                    <MatchedBy group={g} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
