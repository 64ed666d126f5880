import type { ListFilters, MutedFilter } from '../utils/list-filters';
import { SearchBox } from './search-box';
import { TagFilter } from './tag-filter';

interface ListToolbarProps {
  filters: ListFilters;
  setFilters: (update: Partial<ListFilters>, options?: { replace?: boolean }) => void;
  types: string[];
  knownTags: string[];
}

/** Search, muted, type and tag filters; every value lives in the URL. */
export function ListToolbar({ filters, setFilters, types, knownTags }: ListToolbarProps) {
  return (
    <div className="toolbar">
      <SearchBox
        label="Search monitors"
        placeholder="Search name, query, tags…"
        value={filters.q}
        onChange={(q) => setFilters({ q }, { replace: filters.q !== '' && q !== '' })}
        slashToFocus
      />
      <label className="toolbar__field">
        <span>Muted</span>
        <select
          className="input"
          value={filters.muted ?? ''}
          onChange={(e) => setFilters({ muted: (e.target.value || null) as MutedFilter })}
        >
          <option value="">Any</option>
          <option value="yes">Muted</option>
          <option value="no">Not muted</option>
        </select>
      </label>
      <label className="toolbar__field">
        <span>Type</span>
        <select className="input" value={filters.type ?? ''} onChange={(e) => setFilters({ type: e.target.value || null })}>
          <option value="">All types</option>
          {[...new Set([...types, ...(filters.type ? [filters.type] : [])])].map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <TagFilter
        tags={filters.tags}
        knownTags={knownTags}
        onAdd={(tag) => setFilters({ tags: [...filters.tags, tag] })}
        onRemove={(tag) => setFilters({ tags: filters.tags.filter((t) => t !== tag) })}
      />
    </div>
  );
}
