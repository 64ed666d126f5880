import { SkeletonRows } from '../../../components/ui/skeleton-rows';

/** Columns of the incident table (kept here: the skeleton is in the first load, the table is not). */
export const INCIDENT_TABLE_COLUMNS = 8;

/** The list's first load (and a filter change before its answer): the page frame with placeholder rows. */
export function IncidentListSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <div className="page__head">
        <h1>Incidents</h1>
        <p className="muted-text" role="status">
          Loading incidents…
        </p>
      </div>
      <table className="table incident-table" aria-label="Incidents (loading)">
        <tbody>
          <SkeletonRows columns={INCIDENT_TABLE_COLUMNS} rows={10} />
        </tbody>
      </table>
    </main>
  );
}
