interface PaginationProps {
  /** 0-based index of the first item on this page. */
  offset: number;
  /** Items on this page. */
  count: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Names the navigation landmark, e.g. "Incident pages". */
  label: string;
}

/** "1–25 of 57" with Previous and Next; the page itself lives in the URL, so the caller writes it there. */
export function Pagination({ offset, count, total, hasPrevious, hasNext, onPrevious, onNext, label }: PaginationProps) {
  const range = count === 0 ? `0 of ${total}` : `${offset + 1}–${offset + count} of ${total}`;
  return (
    <nav className="pagination" aria-label={label}>
      <p className="pagination__range" aria-live="polite">
        {range}
      </p>
      <div className="pagination__buttons">
        <button type="button" className="btn btn--sm" onClick={onPrevious} disabled={!hasPrevious}>
          <span aria-hidden="true">←</span> Previous
        </button>
        <button type="button" className="btn btn--sm" onClick={onNext} disabled={!hasNext}>
          Next <span aria-hidden="true">→</span>
        </button>
      </div>
    </nav>
  );
}
