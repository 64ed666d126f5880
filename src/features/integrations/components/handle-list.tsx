import { CopyButton } from './copy-button';

/** @-handles for monitor messages, each with its own Copy button. */
export function HandleList({ handles, label = '@-handles for monitor messages' }: { handles: readonly string[]; label?: string }) {
  if (handles.length === 0) return null;
  return (
    <ul className="int-handles" aria-label={label}>
      {handles.map((h) => (
        <li key={h} className="int-handle">
          <code>{h}</code>
          <CopyButton text={h} label={`Copy ${h}`} />
        </li>
      ))}
    </ul>
  );
}

/** One @-handle in a table cell or card, with its Copy button. */
export function HandleWithCopy({ handle }: { handle: string }) {
  return (
    <span className="int-handle">
      <code>{handle}</code>
      <CopyButton text={handle} label={`Copy ${handle}`} />
    </span>
  );
}
