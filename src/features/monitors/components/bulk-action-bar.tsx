interface BulkActionBarProps {
  selectedCount: number;
  matchingCount: number;
  onSelectAllMatching: () => void;
  onMute: () => void;
  onClear: () => void;
}

/** Sticky at the bottom while monitors are selected: "N selected · Mute… · Clear". */
export function BulkActionBar({ selectedCount, matchingCount, onSelectAllMatching, onMute, onClear }: BulkActionBarProps) {
  if (selectedCount === 0) return null;
  return (
    <div className="bulkbar" role="region" aria-label="Bulk actions">
      <span className="bulkbar__count">{selectedCount} selected</span>
      {matchingCount > selectedCount && (
        <button type="button" className="btn btn--link" onClick={onSelectAllMatching}>
          Select all {matchingCount} matching this filter
        </button>
      )}
      <span className="bulkbar__spacer" />
      <button type="button" className="btn btn--primary" onClick={onMute}>
        Mute…
      </button>
      <button type="button" className="btn" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}
