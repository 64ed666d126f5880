import { useCallback, useState } from 'react';

function rowElement(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`tr[data-monitor-id="${id}"]`);
}

/** Moves focus to a row (roving focus) and scrolls it just into view: when every row is in the DOM. */
function focusRowInDom(index: number, id: number): void {
  const row = rowElement(id);
  if (!row) return;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
}

/**
 * The keyboard cursor over the visible rows. It follows a monitor id, not a
 * position, so a refresh that re-sorts the list keeps it on the same monitor;
 * if a filter hides that monitor the cursor is gone (index -1).
 */
export function useRowCursor(
  visibleIds: readonly number[],
  /** Brings a row into view and focuses it; a virtualized table passes its own, as the row may not be rendered yet. */
  focusRow: (index: number, id: number) => void = focusRowInDom,
) {
  const [cursorId, setCursorId] = useState<number | null>(null);
  const index = cursorId === null ? -1 : visibleIds.indexOf(cursorId);

  const moveTo = useCallback(
    (target: number) => {
      const id = visibleIds[target];
      if (id === undefined) return;
      setCursorId(id);
      focusRow(target, id);
    },
    [visibleIds, focusRow],
  );

  /** One row down (+1) or up (-1), stopping at the first and last rows; from nowhere, the first row. */
  const moveBy = useCallback(
    (delta: number) => {
      if (visibleIds.length === 0) return;
      const next = index === -1 ? 0 : Math.min(visibleIds.length - 1, Math.max(0, index + delta));
      moveTo(next);
    },
    [index, moveTo, visibleIds.length],
  );

  /** A row took focus by itself (a click or Tab): the cursor follows it. */
  const follow = useCallback((target: number) => setCursorId(visibleIds[target] ?? null), [visibleIds]);

  const clear = useCallback(() => {
    if (cursorId !== null && document.activeElement === rowElement(cursorId)) (document.activeElement as HTMLElement).blur();
    setCursorId(null);
  }, [cursorId]);

  return { index, moveBy, follow, clear };
}
