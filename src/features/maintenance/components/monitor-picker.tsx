import { useId, useState, type KeyboardEvent } from 'react';
import { StatusPill } from '../../../components/ui/status-pill';
import { plural } from '../../../lib/format-time';

/** What the picker needs of a monitor (the route maps the monitor list onto this). */
export interface MonitorOption {
  id: number;
  name: string;
  tags: readonly string[];
  overallState: string;
}

const SHOWN = 20;

/** Every word typed must appear in the name, a tag or the id ("pay prod" finds "Payments API" tagged env:prod). */
export function matchMonitors(monitors: readonly MonitorOption[], query: string): MonitorOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return monitors.filter((m) => {
    const haystack = `${m.name} ${m.tags.join(' ')} #${m.id}`.toLowerCase();
    return words.every((w) => haystack.includes(w) || String(m.id) === w);
  });
}

interface MonitorPickerProps {
  monitors: readonly MonitorOption[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
  error?: string | null;
}

/**
 * Pick monitors from the list: search by name, tag or id, tick the ones to mute; the picked ones
 * show as chips with a remove button. Enter in the search picks the first match not picked yet.
 */
export function MonitorPicker({ monitors, selected, onChange, error }: MonitorPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const byId = new Map(monitors.map((m) => [m.id, m]));
  const matches = matchMonitors(monitors, query);
  const toggle = (monitorId: number) =>
    onChange(selected.includes(monitorId) ? selected.filter((x) => x !== monitorId) : [...selected, monitorId]);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault(); // never submits the planner
    const first = matches.find((m) => !selected.includes(m.id));
    if (first) onChange([...selected, first.id]);
  };
  const name = (monitorId: number) => byId.get(monitorId)?.name ?? `Monitor #${monitorId} (not in the list)`;

  return (
    <fieldset className="field mw-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">Monitors</legend>
      {selected.length > 0 ? (
        <div className="mw-picker__picked">
          <ul className="chips" aria-label="Picked monitors">
            {selected.map((monitorId) => (
              <li key={monitorId} className="chip chip--active">
                <span>{name(monitorId)}</span>
                <button type="button" className="chip__remove" aria-label={`Remove ${name(monitorId)}`} onClick={() => toggle(monitorId)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          {selected.length > 1 && (
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => onChange([])}>
              Remove all
            </button>
          )}
        </div>
      ) : (
        <p className="field__hint">No monitor picked.</p>
      )}
      <label className="visually-hidden" htmlFor={`${id}-search`}>
        Find monitors to add
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="input"
        placeholder="Find monitors by name, tag or id…"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-count`}
        aria-invalid={error ? true : undefined}
      />
      <p className="field__hint" id={`${id}-count`} role="status">
        {query.trim() === ''
          ? 'Type to search the monitor list; Enter picks the first match.'
          : matches.length === 0
            ? `No monitor matches “${query.trim()}”.`
            : `${plural(matches.length, 'monitor')} ${matches.length === 1 ? 'matches' : 'match'}${matches.length > SHOWN ? `; showing the first ${SHOWN}` : ''}.`}
      </p>
      {matches.length > 0 && (
        <ul className="mw-picker__results" aria-label="Matching monitors">
          {matches.slice(0, SHOWN).map((m) => (
            <li key={m.id}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(m.id)} onChange={() => toggle(m.id)} />
                <span>{m.name}</span>
              </label>
              <StatusPill status={m.overallState} size="sm" />
              <span className="muted-text mono">#{m.id}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
