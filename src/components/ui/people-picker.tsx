import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { PersonRef } from '../../contract/incidents';
import { toApiError } from '../../lib/api-client';
import { peopleQueries } from '../../lib/people-query';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/** "Ada Lovelace (ada@example.com)", or the handle alone when Datadog has no name. */
export function personLabel(person: Pick<PersonRef, 'name' | 'handle'>): string {
  return person.name && person.name !== person.handle ? `${person.name} (${person.handle})` : person.handle;
}

interface PeoplePickerProps {
  label: string;
  /** The chosen person's Datadog user id, or null. */
  value: string | null;
  onChange: (id: string | null, person: PersonRef | null) => void;
  /** Offer "nobody" with this text; without it, a placeholder asks for a choice. */
  noneLabel?: string;
  /** The person chosen now, shown even when a search leaves them out. */
  current?: PersonRef | null;
  /** People who may not be chosen (e.g. members already). */
  exclude?: ReadonlySet<string>;
  /** Show a search field before the list (default true). */
  searchable?: boolean;
  error?: string | null;
  hint?: string;
  disabled?: boolean;
  /** Visually hide the label (a header control with a caption of its own). */
  hideLabel?: boolean;
  describedBy?: string;
}

/**
 * Picks a Datadog user: a search field (sent to /api/people when typing pauses)
 * and a native select of the matches, so it works with the keyboard and screen
 * readers as any select does.
 */
export function PeoplePicker({
  label,
  value,
  onChange,
  noneLabel,
  current = null,
  exclude,
  searchable = true,
  error,
  hint,
  disabled = false,
  hideLabel = false,
  describedBy,
}: PeoplePickerProps) {
  const id = useId();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<PersonRef | null>(current);
  const search = useDebouncedValue(q, 300);
  const query = useQuery(peopleQueries.search(search));
  const results = (query.data?.people ?? []).filter((p) => !exclude?.has(p.id));

  // Keep the chosen person in the list even when the search no longer matches them.
  const chosen = value ? (results.find((p) => p.id === value) ?? (picked?.id === value ? picked : current?.id === value ? current : null)) : null;
  const options = chosen && !results.some((p) => p.id === chosen.id) ? [chosen, ...results] : results;
  const status = query.isPending
    ? 'Loading people…'
    : query.isError
      ? null
      : results.length === 0
        ? q.trim()
          ? `No one matches “${q.trim()}”`
          : 'No people to choose from'
        : query.isFetching
          ? 'Searching…'
          : null;
  const describedByIds = [describedBy, hint ? `${id}-hint` : null, error ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ');

  return (
    <div className="field people-picker">
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={`${id}-select`}>
        {label}
      </label>
      <div className="people-picker__row">
        {searchable && (
          <input
            type="search"
            className="input people-picker__search"
            aria-label={`Search people for ${label.toLowerCase()}`}
            placeholder="Search people…"
            value={q}
            disabled={disabled}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              // Enter searches; it must not submit the surrounding form.
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
        )}
        <select
          id={`${id}-select`}
          className="input people-picker__select"
          value={value ?? ''}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds}
          onChange={(e) => {
            const next = options.find((p) => p.id === e.target.value) ?? null;
            setPicked(next);
            onChange(next?.id ?? null, next);
          }}
        >
          {noneLabel !== undefined ? <option value="">{noneLabel}</option> : <option value="" disabled>Choose a person…</option>}
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {personLabel(p)}
            </option>
          ))}
        </select>
      </div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <p className="field__hint people-picker__status" id={`${id}-status`} role="status">
        {status}
      </p>
      {query.isError && (
        <div className="people-picker__error">
          <span>Couldn&rsquo;t load people: {toApiError(query.error).message}</span>
          <button type="button" className="btn btn--sm" onClick={() => void query.refetch()}>
            Retry
          </button>
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
