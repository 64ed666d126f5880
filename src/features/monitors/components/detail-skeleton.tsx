import { SkeletonRows } from '../../../components/ui/skeleton-rows';

/** The detail's first load: header placeholders and group rows. */
export function DetailSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted-text" role="status">
        Loading monitor…
      </p>
      <div className="detail-head">
        <span className="skeleton skeleton--title" />
        <span className="skeleton" />
      </div>
      <table className="table" aria-label="Groups (loading)">
        <tbody>
          <SkeletonRows columns={6} rows={5} />
        </tbody>
      </table>
    </main>
  );
}
