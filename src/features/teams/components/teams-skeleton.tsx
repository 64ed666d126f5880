import { SkeletonRows } from '../../../components/ui/skeleton-rows';

/** The team list's first load. */
export function TeamsSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <div className="page__head">
        <h1>Teams</h1>
        <p className="muted-text" role="status">
          Loading teams…
        </p>
      </div>
      <table className="table" aria-label="Teams (loading)">
        <tbody>
          <SkeletonRows columns={4} rows={6} />
        </tbody>
      </table>
    </main>
  );
}

/** A team page's first load. */
export function TeamPageSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted-text" role="status">
        Loading team…
      </p>
      <div className="detail-head">
        <span className="skeleton skeleton--title" />
        <span className="skeleton" />
      </div>
      <table className="table" aria-label="Members (loading)">
        <tbody>
          <SkeletonRows columns={4} rows={4} />
        </tbody>
      </table>
    </main>
  );
}
