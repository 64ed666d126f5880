import { SkeletonRows } from '../../../components/ui/skeleton-rows';

/** The service checks page's first load (the router shows it before the page's code and data arrive). */
export function ServiceChecksSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <div className="page__head">
        <h1>Service checks</h1>
        <p className="muted-text" role="status">
          Loading service checks…
        </p>
      </div>
      <table className="table" aria-label="Recent results (loading)">
        <tbody>
          <SkeletonRows columns={4} rows={4} />
        </tbody>
      </table>
    </main>
  );
}

/** The notification log's first load. */
export function NotificationsSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <div className="page__head">
        <h1>Notifications</h1>
        <p className="muted-text" role="status">
          Loading notifications…
        </p>
      </div>
      <table className="table" aria-label="Notification log (loading)">
        <tbody>
          <SkeletonRows columns={8} rows={6} />
        </tbody>
      </table>
    </main>
  );
}
