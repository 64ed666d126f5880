import { useNavigate } from 'react-router';
import type { MonitorSummary } from '../../../contract/monitors';
import { paths } from '../../../config/paths';
import { useListShortcuts } from './use-list-shortcuts';

interface TriageOptions {
  visible: readonly MonitorSummary[];
  cursor: { index: number; moveBy: (delta: number) => void; clear: () => void };
  selectedIds: ReadonlySet<number>;
  /** Toggles a row, or with `range` the rows from the last toggled one (like a shift-click). */
  toggleRow: (index: number, range: boolean) => void;
  /** Responders and admins may select, mute and unmute. */
  canMute: boolean;
  listSearch: string;
  onMute: (targets: MonitorSummary[]) => void;
  onUnmute: (targets: MonitorSummary[]) => void;
  onHelp: () => void;
  /** Says something politely to screen readers. */
  announce: (message: string) => void;
}

/** Keyboard triage on the monitor list: j/k, Enter, x, shift+x, m, u, ?, Esc (and "/" in the search box). */
export function useTriageShortcuts(o: TriageOptions) {
  const navigate = useNavigate();
  const { visible, cursor } = o;
  const focused = visible[cursor.index];

  // The selection, or else the row the cursor is on.
  const targets = (): MonitorSummary[] | null => {
    const selected = visible.filter((m) => o.selectedIds.has(m.id));
    if (selected.length > 0) return selected;
    if (focused) return [focused];
    o.announce('Select monitors with x, or move to one with j, first');
    return null;
  };

  useListShortcuts({
    next: () => cursor.moveBy(1),
    previous: () => cursor.moveBy(-1),
    open: (event) => {
      // Only on the row itself: Enter on a button, link or checkbox keeps its own meaning.
      if (!focused || !(event.target instanceof HTMLTableRowElement)) return false;
      void navigate(paths.monitor.getHref(focused.id), { state: { listSearch: o.listSearch } });
    },
    toggle: () => {
      if (!o.canMute || cursor.index < 0) return false;
      o.toggleRow(cursor.index, false);
    },
    range: () => {
      if (!o.canMute || cursor.index < 0) return false;
      o.toggleRow(cursor.index, true);
    },
    mute: () => {
      if (!o.canMute) return false;
      const t = targets();
      if (t) o.onMute(t);
    },
    unmute: () => {
      if (!o.canMute) return false;
      const t = targets();
      if (t) o.onUnmute(t);
    },
    help: () => o.onHelp(),
    escape: () => {
      if (cursor.index < 0) return false;
      cursor.clear();
    },
  });
}
