import { SkeletonRows } from '../../../../components/ui/skeleton-rows';
import { MaintenanceTabs } from '../../components/maintenance-tabs';

/** The hygiene report's first load. */
export function HygieneSkeleton() {
  return (
    <main className="page hygiene-page" aria-busy="true">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>Hygiene report</h1>
        <p className="muted-text" role="status">
          Checking windows…
        </p>
      </div>
      <table className="table" aria-label="Hygiene findings (loading)">
        <tbody>
          <SkeletonRows columns={6} rows={4} />
        </tbody>
      </table>
    </main>
  );
}
