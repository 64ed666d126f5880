import { useEffect, useRef } from 'react';
import type { TimelineEntry } from '../../../contract/incidents';
import { ALL_GROUPS, groupCheck, groupOf, OTHER_GROUP, toggleGroup, type KindGroup } from '../utils/timeline-kinds';

interface TimelineFilterProps {
  entries: readonly TimelineEntry[];
  tokens: string[];
  onChange: (tokens: string[]) => void;
}

function GroupBox({ group, count, tokens, onChange }: { group: KindGroup; count: number } & Omit<TimelineFilterProps, 'entries'>) {
  const ref = useRef<HTMLInputElement>(null);
  const state = groupCheck(group, tokens);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'mixed';
  }, [state]);
  return (
    <label className={`checkbox timeline-filter__option${count === 0 ? ' is-empty' : ''}`}>
      <input ref={ref} type="checkbox" checked={state === 'on'} onChange={() => onChange(toggleGroup(group, tokens))} />
      {group.label}
      <span className="timeline-filter__count">{count}</span>
    </label>
  );
}

/** Which kinds of entries to show, as checkboxes kept in the URL (`kinds`); "Other" appears only when there are such entries. */
export function TimelineFilter({ entries, tokens, onChange }: TimelineFilterProps) {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(groupOf(e.kind).id, (counts.get(groupOf(e.kind).id) ?? 0) + 1);
  const groups = ALL_GROUPS.filter((g) => g !== OTHER_GROUP || (counts.get(g.id) ?? 0) > 0);
  return (
    <fieldset className="timeline-filter">
      <legend className="timeline-filter__legend">Show</legend>
      {groups.map((g) => (
        <GroupBox key={g.id} group={g} count={counts.get(g.id) ?? 0} tokens={tokens} onChange={onChange} />
      ))}
      {tokens.length > 0 && (
        <button type="button" className="btn btn--link" onClick={() => onChange([])}>
          Show all
        </button>
      )}
    </fieldset>
  );
}
