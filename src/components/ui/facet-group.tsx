import { plural } from '../../lib/format-time';

export interface FacetItem {
  value: string;
  count: number;
  /** Colour class (st-*). */
  className: string;
  icon: string;
}

interface FacetGroupProps {
  /** Names the group, e.g. "Filter by state". */
  label: string;
  items: FacetItem[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  /** What is counted, e.g. "incident". */
  noun: string;
}

/** Toggle buttons (aria-pressed), one per value, each with how many items have it. */
export function FacetGroup({ label, items, selected, onToggle, noun }: FacetGroupProps) {
  return (
    <div className="facets" role="group" aria-label={label}>
      {items.map((item) => {
        const on = selected.includes(item.value);
        return (
          <button
            key={item.value}
            type="button"
            className={`facet ${item.className}${on ? ' is-on' : ''}${item.count === 0 ? ' is-empty' : ''}`}
            aria-pressed={on}
            aria-label={`${item.value}: ${plural(item.count, noun)}`}
            onClick={() => onToggle(item.value)}
          >
            <span className="facet__icon" aria-hidden="true">
              {item.icon}
            </span>
            <span className="facet__label">{item.value}</span>
            <span className="facet__count">{item.count}</span>
          </button>
        );
      })}
    </div>
  );
}
