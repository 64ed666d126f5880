import { useEffect, useRef, useState } from 'react';
import { useSlashFocus } from '../../lib/use-slash-focus';

interface SearchFieldProps {
  value: string;
  /** Called once typing pauses for `debounceMs`, at once on Enter, and on Esc (cleared). */
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  debounceMs?: number;
  /** Whether "/" focuses this field (only one per page). */
  slashToFocus?: boolean;
}

/**
 * A search that runs on the server: the text is sent when typing pauses (or on
 * Enter), not on every key. Esc clears, then blurs. A URL change from elsewhere
 * (back, Clear filters) puts its value in the field.
 */
export function SearchField({ value, onChange, label, placeholder, debounceMs = 300, slashToFocus = false }: SearchFieldProps) {
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== text) setText(value);
  }
  useSlashFocus(ref, slashToFocus);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChangeRef.current(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, value, debounceMs]);

  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        className="input search__input"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (text !== value) onChange(text);
            return;
          }
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
