import { useRef, useState } from 'react';
import { useSlashFocus } from '../../../lib/use-slash-focus';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  /** Whether "/" focuses this box (only one per page). */
  slashToFocus?: boolean;
}

/** A search field: typing filters at once, Esc clears (then blurs), "/" focuses it. */
export function SearchBox({ value, onChange, label, placeholder, slashToFocus = false }: SearchBoxProps) {
  const ref = useRef<HTMLInputElement>(null);
  // Local text keeps the caret steady while the URL catches up; a URL change from elsewhere (back, Clear) wins.
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== text) setText(value);
  }
  useSlashFocus(ref, slashToFocus);

  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        className="input search__input"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          if (text) {
            setText('');
            onChange('');
          } else {
            e.currentTarget.blur();
          }
        }}
      />
      {slashToFocus && (
        <kbd className="search__kbd" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
