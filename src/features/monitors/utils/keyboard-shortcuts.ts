/** What a key press on the monitor list asks for. */
export type ShortcutAction = 'next' | 'previous' | 'toggle' | 'range' | 'mute' | 'unmute' | 'open' | 'help' | 'escape';

/** The parts of a keyboard event a shortcut depends on. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const PLAIN_KEYS: Record<string, ShortcutAction> = {
  j: 'next',
  k: 'previous',
  x: 'toggle',
  m: 'mute',
  u: 'unmute',
  Enter: 'open',
  Escape: 'escape',
};

/**
 * The action for a key press, or null. A held ctrl, meta or alt means a
 * browser or OS shortcut, never ours. Shift only counts for shift+x (a
 * range) and for "?", which most layouts type with shift.
 * "/" is handled by the search box itself (useSlashFocus).
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === '?') return 'help';
  if (press.shiftKey) return press.key === 'X' || press.key === 'x' ? 'range' : null;
  return PLAIN_KEYS[press.key] ?? null;
}
