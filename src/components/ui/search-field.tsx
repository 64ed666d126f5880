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
 *
 * The value often changes a while after the text was sent (the URL moves once the
 * page's loader has the answer). When that value is one this field sent, the text
 * typed since stays in the field and is sent in turn; any other value replaces it.
 */
export function SearchField({ value, onChange, label, placeholder, debounceMs = 300, slashToFocus = false }: SearchFieldProps) {
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  /** Texts this field sent whose value has not come back yet, oldest first. */
  const [pending, setPending] = useState<readonly string[]>([]);
  if (value !== lastValue) {
    setLastValue(value);
    const own = pending.indexOf(value);
    if (own >= 0) {
      setPending(pending.slice(own + 1));
    } else {
      setPending([]);
      if (value !== text) setText(value);
    }
  }
  useSlashFocus(ref, slashToFocus);

  const send = (next: string) => {
    // A text equal to the value changes nothing, so no value will come back for it.
    if (next !== value) setPending((sent) => [...sent, next]);
    onChange(next);
  };
  // The debounce timer sends with the latest props, not those of the render that started it.
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  const awaited = pending.at(-1);
  useEffect(() => {
    // Nothing new to send: the value says it already, or it was sent and is on its way.
    if (text === value || text === awaited) return;
    const timer = setTimeout(() => sendRef.current(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, value, awaited, debounceMs]);

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
            if (text !== value && text !== awaited) send(text);
            return;
          }
          if (e.key !== 'Escape') return;
          e.preventDefault();
          if (text) {
            setText('');
            send('');
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
