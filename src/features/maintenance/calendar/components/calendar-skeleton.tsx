import { MaintenanceTabs } from '../../components/maintenance-tabs';

/** The calendar's first load (the router shows it before the page's code and data arrive). */
export function CalendarSkeleton() {
  return (
    <main className="page calendar-page" aria-busy="true">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>Maintenance calendar</h1>
        <p className="muted-text" role="status">
          Loading windows…
        </p>
      </div>
      <div className="cal-skeleton" aria-hidden="true">
        {Array.from({ length: 7 }, (_, i) => (
          <span key={i} className="skeleton" />
        ))}
      </div>
    </main>
  );
}
