import { useId, useState } from 'react';
import { isValidTagFilter } from '../utils/list-filters';

interface TagFilterProps {
  tags: string[];
  knownTags: string[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}

/** Tag filters: pick or type key:value (e.g. team:payments); several are ANDed. */
export function TagFilter({ tags, knownTags, onAdd, onRemove }: TagFilterProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();

  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    if (!isValidTagFilter(tag)) {
      setError('Use key:value, e.g. team:payments');
      return;
    }
    setError(null);
    setDraft('');
    if (!tags.includes(tag)) onAdd(tag);
  };

  return (
    <div className="tag-filter">
      <form
        className="tag-filter__form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          className="input"
          list={listId}
          aria-label="Add tag filter (key:value)"
          placeholder="tag: team:payments"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(null);
          }}
        />
        <datalist id={listId}>
          {knownTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" className="btn btn--sm">
          Add tag
        </button>
      </form>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {tags.length > 0 && (
        <ul className="chips" aria-label="Active tag filters">
          {tags.map((tag) => (
            <li key={tag} className="chip chip--active">
              {tag}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove tag filter ${tag}`}
                onClick={() => onRemove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
