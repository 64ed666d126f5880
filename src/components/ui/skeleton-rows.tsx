interface SkeletonRowsProps {
  rows?: number;
  columns: number;
}

/** Placeholder table rows while the first load runs; hidden from assistive tech (the caller labels the busy region). */
export function SkeletonRows({ rows = 8, columns }: SkeletonRowsProps) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="skeleton-row" aria-hidden="true" data-testid="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <span className="skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
