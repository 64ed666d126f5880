import { useEffect, useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** The button's accessible name when it differs from its text, e.g. "Copy @slack-ops" for a button reading "Copy". */
  label?: string;
  children?: string;
}

const RESET_MS = 3_000;

/**
 * Copies `text` to the clipboard. The outcome ("Copied", or why not) shows next
 * to the button in a polite live region, so screen readers hear it too.
 */
export function CopyButton({ text, label, children = 'Copy' }: CopyButtonProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), RESET_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="btn btn--sm" aria-label={label} onClick={() => void copy()}>
        {children}
      </button>
      <span className={`copy__status${status === 'failed' ? ' is-failed' : ''}`} role="status">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Could not copy; select the text and copy it' : ''}
      </span>
    </span>
  );
}
