import { statusSeverity } from '../../../contract/states';
import { statusClass, statusIcon } from '../../../components/ui/status-style';

interface GroupSummaryBarProps {
  counts: Record<string, number>;
}

/** "3 Alert, 1 Warn, 12 OK", worst first. */
export function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => statusSeverity(a) - statusSeverity(b) || a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`);
  return parts.length ? parts.join(', ') : 'No groups';
}

/** The groups of a monitor as a small bar of counts per status, with a readable label. */
export function GroupSummaryBar({ counts }: GroupSummaryBarProps) {
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => statusSeverity(a) - statusSeverity(b) || a.localeCompare(b));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const label = describeCounts(counts);
  const notOk = entries.filter(([s]) => s !== 'OK');
  return (
    <div className="groupbar" role="img" aria-label={`Groups: ${label}`} title={label}>
      <div className="groupbar__track">
        {entries.map(([status, n]) => (
          <span key={status} className={`groupbar__seg ${statusClass(status)}`} style={{ flexGrow: n }} />
        ))}
      </div>
      <span className="groupbar__caption" aria-hidden="true">
        {total === 0
          ? 'no groups'
          : notOk.length === 0
            ? `${total} OK`
            : notOk.map(([s, n]) => (
                <span key={s} className={`groupbar__count ${statusClass(s)}`}>
                  {statusIcon(s)} {n}
                </span>
              ))}
        {notOk.length > 0 && <span className="groupbar__total">/ {total}</span>}
      </span>
    </div>
  );
}
