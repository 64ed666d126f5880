import { KNOWN_STATUSES } from '../../../contract/states';
import { plural } from '../../../lib/format-time';
import { statusClass, statusIcon } from '../../../components/ui/status-style';

interface StatusFacetsProps {
  counts: Map<string, number>;
  selected: string[];
  onToggle: (status: string) => void;
}

/** One toggle per status, with the number of monitors in it (over the other active filters). */
export function StatusFacets({ counts, selected, onToggle }: StatusFacetsProps) {
  const extra = [...counts.keys()].filter((s) => !(KNOWN_STATUSES as readonly string[]).includes(s));
  const statuses = [...KNOWN_STATUSES, ...extra, ...selected.filter((s) => !counts.has(s))];
  return (
    <div className="facets" role="group" aria-label="Filter by status">
      {statuses.map((status) => {
        const n = counts.get(status) ?? 0;
        const on = selected.includes(status);
        return (
          <button
            key={status}
            type="button"
            className={`facet ${statusClass(status)}${on ? ' is-on' : ''}${n === 0 ? ' is-empty' : ''}`}
            aria-pressed={on}
            aria-label={`${status}: ${plural(n, 'monitor')}`}
            onClick={() => onToggle(status)}
          >
            <span className="facet__icon" aria-hidden="true">
              {statusIcon(status)}
            </span>
            <span className="facet__label">{status}</span>
            <span className="facet__count">{n}</span>
          </button>
        );
      })}
    </div>
  );
}
