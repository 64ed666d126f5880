import { useCallback, useMemo, useRef, useState } from 'react';

/**
 * Checkbox selection over the visible rows: click toggles one, shift-click
 * sets the whole range from the last clicked row to the same state. Only
 * visible ids count as selected, so a filter change never hides a selection
 * that an action would still act on.
 */
export function useRowSelection(visibleIds: readonly number[]) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const anchorId = useRef<number | null>(null);

  const selectedVisible = useMemo(() => {
    const set = new Set<number>();
    for (const id of visibleIds) if (selected.has(id)) set.add(id);
    return set;
  }, [selected, visibleIds]);

  const clickRow = useCallback(
    (index: number, shiftKey: boolean) => {
      const id = visibleIds[index];
      if (id === undefined) return;
      const turnOn = !selectedVisible.has(id);
      const anchorIndex = anchorId.current === null ? -1 : visibleIds.indexOf(anchorId.current);
      const range =
        shiftKey && anchorIndex !== -1
          ? visibleIds.slice(Math.min(anchorIndex, index), Math.max(anchorIndex, index) + 1)
          : [id];
      setSelected((prev) => {
        const next = new Set(prev);
        for (const r of range) {
          if (turnOn) next.add(r);
          else next.delete(r);
        }
        return next;
      });
      anchorId.current = id;
    },
    [visibleIds, selectedVisible],
  );

  const setAll = useCallback(
    (ids: readonly number[], on: boolean) => {
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      });
    },
    [],
  );

  const clear = useCallback(() => {
    setSelected(new Set());
    anchorId.current = null;
  }, []);

  return { selectedIds: selectedVisible, clickRow, setAll, clear };
}
