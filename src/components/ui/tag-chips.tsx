interface TagChipsProps {
  tags: readonly string[];
  /** Show at most this many, then "+N". */
  max?: number;
  label?: string;
}

/** Tags as small chips, in a list so screen readers count them. */
export function TagChips({ tags, max, label = 'Tags' }: TagChipsProps) {
  if (tags.length === 0) return null;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <ul className="chips" aria-label={label} title={tags.join(', ')}>
      {shown.map((tag) => (
        <li key={tag} className="chip">
          {tag}
        </li>
      ))}
      {hidden > 0 && (
        <li className="chip chip--more" title={tags.slice(shown.length).join(', ')}>
          +{hidden}
        </li>
      )}
    </ul>
  );
}
