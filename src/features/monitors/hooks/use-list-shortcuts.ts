import { useEffect, useRef } from 'react';
import { isTypingContext } from '../../../lib/use-slash-focus';
import { shortcutFor, type ShortcutAction } from '../utils/keyboard-shortcuts';

/** Handles one action; returning false means "not mine", so the key keeps its default (e.g. Enter on a button). */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;
export type ShortcutHandlers = Partial<Record<ShortcutAction, ShortcutHandler>>;

/**
 * Page shortcuts on the document. They stay quiet while the user types in a
 * field, while a dialog is open (isTypingContext checks both), with ctrl, meta
 * or alt held, and for a key something else already handled.
 */
export function useListShortcuts(handlers: ShortcutHandlers) {
  // The latest handlers, without re-adding the listener on every render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event);
      if (action === null || isTypingContext(event.target)) return;
      const handler = latest.current[action];
      if (handler && handler(event) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
