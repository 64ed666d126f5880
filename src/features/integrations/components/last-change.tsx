import type { LastChange as LastChangeValue } from '../../../contract/integrations';
import { RelativeTime } from '../../../components/ui/relative-time';

/** "Last changed 3 min ago by alice", from watchdeck's audit log; changes made in Datadog itself are not seen. */
export function LastChange({ change }: { change: LastChangeValue }) {
  if (!change) return <p className="int-last-change muted-text">No changes through watchdeck yet</p>;
  return (
    <p className="int-last-change muted-text">
      Last changed <RelativeTime at={change.at} /> by <strong>{change.by}</strong>
    </p>
  );
}
