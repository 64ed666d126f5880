import { SkeletonRows } from '../../../components/ui/skeleton-rows';
import { MONITOR_TABLE_COLUMNS } from './monitor-table';

/** The list's first load: the page frame with placeholder rows. */
export function ListSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <div className="page__head">
        <h1>Monitors</h1>
        <p className="muted-text" role="status">
          Loading monitors…
        </p>
      </div>
      <table className="table monitor-table" aria-label="Monitors (loading)">
        <tbody>
          <SkeletonRows columns={MONITOR_TABLE_COLUMNS} rows={10} />
        </tbody>
      </table>
    </main>
  );
}
