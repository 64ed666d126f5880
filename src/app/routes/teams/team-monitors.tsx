import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { StatusPill } from '../../../components/ui/status-pill';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { plural } from '../../../lib/format-time';
import { monitorQueries } from '../../../features/monitors/api/monitor-queries';

/** `team:<handle>`, the tag that says a monitor belongs to a team. */
export function teamTag(handle: string): string {
  return `team:${handle}`;
}

/**
 * For a team page: the monitors tagged team:<handle>, from the monitor list the
 * monitors page caches too (same query options), with a link to that list filtered by the tag.
 */
export function TeamMonitors({ handle }: { handle: string }) {
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  const { data } = useSuspenseQuery(monitorQueries.list(config.refreshIntervalMs));
  const tag = teamTag(handle).toLowerCase();
  const tagged = data.monitors.filter((m) => m.tags.some((t) => t.toLowerCase() === tag));
  return (
    <>
      <p className="list-count">
        {tagged.length === 0 ? `No monitor is tagged ${teamTag(handle)}.` : `${plural(tagged.length, 'monitor')} tagged ${teamTag(handle)}.`}{' '}
        <Link to={paths.monitors.getHref(new URLSearchParams({ tag: teamTag(handle) }))}>Open in the monitor list</Link>
      </p>
      {tagged.length > 0 && (
        <table className="table" aria-label={`Monitors tagged ${teamTag(handle)}`}>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Monitor</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {tagged.map((m) => (
              <tr key={m.id}>
                <td>
                  <StatusPill status={m.overallState} size="sm" />
                </td>
                <th scope="row">
                  <Link to={paths.monitor.getHref(m.id)} className="row__link">
                    {m.name}
                  </Link>
                </th>
                <td className="muted-text">{m.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
