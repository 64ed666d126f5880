import { SkeletonRows } from '../../../components/ui/skeleton-rows';
import { MaintenanceTabs } from './maintenance-tabs';

/**
 * The first load of a maintenance page (the router shows it before the page's code and data arrive).
 * Kept free of the contract and rrule: the router imports it up front.
 */
function PageSkeleton({ title, what, columns, rows }: { title: string; what: string; columns: number; rows: number }) {
  return (
    <main className="page mw-page" aria-busy="true">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>{title}</h1>
        <p className="muted-text" role="status">
          Loading {what}…
        </p>
      </div>
      <table className="table" aria-label={`${title} (loading)`}>
        <tbody>
          <SkeletonRows columns={columns} rows={rows} />
        </tbody>
      </table>
    </main>
  );
}

export function WindowsSkeleton() {
  return <PageSkeleton title="Maintenance windows" what="maintenance windows" columns={5} rows={5} />;
}

export function PlannerSkeleton() {
  return <PageSkeleton title="Plan a maintenance window" what="the planner" columns={3} rows={4} />;
}

export function WindowSkeleton() {
  return <PageSkeleton title="Maintenance window" what="the window" columns={4} rows={4} />;
}
