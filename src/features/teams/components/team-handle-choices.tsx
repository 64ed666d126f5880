import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { toApiError } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { teamQueries } from '../api/team-queries';

interface TeamHandleChoicesProps {
  selected: string[];
  onChange: (handles: string[]) => void;
  legend: string;
}

/**
 * Checkboxes of team handles from /api/teams (with a search when there are many),
 * for incidents' teams. A chosen handle that no team has any more stays listed,
 * so it can be unticked. The route hands it to the incidents feature.
 */
export function TeamHandleChoices({ selected, onChange, legend }: TeamHandleChoicesProps) {
  const id = useId();
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q, 300);
  const query = useQuery(teamQueries.choices(search));
  const teams = query.data?.teams ?? [];
  const known = new Set(teams.map((t) => t.handle));
  const orphans = q.trim() ? [] : selected.filter((h) => !known.has(h));
  const showSearch = q !== '' || (query.data?.total ?? 0) > teams.length || teams.length > 12;
  const toggle = (handle: string) => onChange(selected.includes(handle) ? selected.filter((h) => h !== handle) : [...selected, handle]);

  return (
    <fieldset className="field team-choices">
      <legend className="field__label">{legend}</legend>
      {showSearch && (
        <input
          type="search"
          className="input"
          aria-label="Search teams"
          placeholder="Search teams…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      )}
      {query.isPending && (
        <p className="field__hint" role="status">
          Loading teams…
        </p>
      )}
      {query.isError && (
        <div className="people-picker__error">
          <span>Couldn&rsquo;t load teams: {toApiError(query.error).message}</span>
          <button type="button" className="btn btn--sm" onClick={() => void query.refetch()}>
            Retry
          </button>
        </div>
      )}
      {query.isSuccess && teams.length === 0 && orphans.length === 0 && (
        <p className="field__hint">{q.trim() ? `No team matches “${q.trim()}”` : 'There are no teams yet.'}</p>
      )}
      <ul className="team-choices__list">
        {[...orphans.map((handle) => ({ id: `orphan-${handle}`, handle, name: 'no such team any more' })), ...teams].map((t) => (
          <li key={t.id}>
            <label className="checkbox">
              <input type="checkbox" checked={selected.includes(t.handle)} onChange={() => toggle(t.handle)} aria-describedby={`${id}-${t.id}`} />
              <span className="mono">{t.handle}</span>
            </label>
            <span className="muted-text team-choices__name" id={`${id}-${t.id}`}>
              {t.name}
            </span>
          </li>
        ))}
      </ul>
      {selected.length > 0 && <p className="field__hint">Chosen: {selected.join(', ')}</p>}
    </fieldset>
  );
}
