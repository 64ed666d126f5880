import type { ListFilters, SortKey } from '../utils/list-filters';

const SORT_LABELS: Record<SortKey, string> = { severity: 'Status (worst first)', name: 'Name', priority: 'Priority' };

interface SortControlProps {
  sort: Pick<ListFilters, 'sort' | 'dir'>;
  onChange: (update: Pick<ListFilters, 'sort' | 'dir'>) => void;
}

/** Sort key and direction, kept in the URL (sort, dir). */
export function SortControl({ sort, onChange }: SortControlProps) {
  return (
    <div className="toolbar__sort">
      <label className="toolbar__field">
        <span>Sort</span>
        <select className="input" value={sort.sort} onChange={(e) => onChange({ sort: e.target.value as SortKey, dir: 'asc' })}>
          {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn--sm"
        onClick={() => onChange({ sort: sort.sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' })}
        aria-label={sort.dir === 'asc' ? 'Sort direction: ascending; reverse it' : 'Sort direction: descending; reverse it'}
      >
        {sort.dir === 'asc' ? '↑' : '↓'}
      </button>
    </div>
  );
}
