import { useSuspenseQuery } from '@tanstack/react-query';
import { InlineError } from '../../../components/errors/inline-error';
import { Pagination } from '../../../components/ui/pagination';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { plural } from '../../../lib/format-time';
import { SERVICE_CHECKS_REFRESH_MS, serviceCheckQueries } from '../api/service-check-queries';
import { useNotificationFilters } from '../hooks/use-notification-filters';
import { EMPTY_NOTIFICATION_FILTERS, hasNotificationFilters, toNotificationQuery } from '../utils/notification-filters';
import { NotificationFiltersForm } from './notification-filters-form';
import { NotificationTable } from './notification-table';

/** Outside embedded mode Datadog sends notifications itself, and watchdeck cannot read them. */
function NotKeptHere() {
  return (
    <section className="card card--padded notifications-elsewhere" aria-labelledby="notifications-elsewhere-title">
      <h2 id="notifications-elsewhere-title">The notification log is kept by the local Datadog (embedded mode)</h2>
      <p className="muted-text">
        Here watchdeck talks to a Datadog that sends notifications itself. See them in Datadog, in the monitor&apos;s events.
      </p>
    </section>
  );
}

function NotificationLog() {
  const { filters, setFilters } = useNotificationFilters();
  const query = useSuspenseQuery(serviceCheckQueries.notificationList(toNotificationQuery(filters)));
  const { data } = query;
  const filtered = hasNotificationFilters(filters);
  const pastTheEnd = data.notifications.length === 0 && filters.page > 0;
  const hasNext = (data.page + 1) * data.size < data.total;

  return (
    <>
      {/* Keyed by the text filters it edits: back/forward, a shared link or Clear puts the fields in
          step with the URL. A page or outcome change leaves the form (and text typed, not yet
          applied) alone; keyed by the whole URL, Next remounted it, dropping that text and any
          click that landed on the old form while the next page was being committed. */}
      <NotificationFiltersForm key={`${filters.monitor ?? ''} ${filters.handle}`} filters={filters} onApply={setFilters} />
      <p className="list-count" role="status">
        {filtered ? `${plural(data.total, 'notification')} match these filters` : plural(data.total, 'notification')}
        <span className="muted-text"> · refreshes every {Math.round(SERVICE_CHECKS_REFRESH_MS / 1000)} s</span>
      </p>
      {query.isRefetchError && <InlineError error={query.error} prefix="Refresh failed; showing the log loaded before" />}
      <NotificationTable
        notifications={data.notifications}
        emptyContent={
          <div className="empty">
            <p className="empty__title">
              {pastTheEnd ? 'No notifications on this page' : filtered ? 'No notifications match these filters' : 'No notifications yet'}
            </p>
            {pastTheEnd ? (
              <button type="button" className="btn" onClick={() => setFilters({ page: 0 })}>
                Go to the first page
              </button>
            ) : filtered ? (
              <button type="button" className="btn" onClick={() => setFilters(EMPTY_NOTIFICATION_FILTERS)}>
                Clear filters
              </button>
            ) : (
              <p className="muted-text">When a monitor group changes state, each @-handle in the monitor&apos;s message is notified and listed here.</p>
            )}
          </div>
        }
      />
      {(data.total > 0 || filters.page > 0) && (
        <Pagination
          label="Notification pages"
          offset={data.page * data.size}
          count={data.notifications.length}
          total={data.total}
          hasPrevious={filters.page > 0}
          hasNext={hasNext}
          onPrevious={() => setFilters({ page: Math.max(0, filters.page - 1) })}
          onNext={() => setFilters({ page: filters.page + 1 })}
        />
      )}
    </>
  );
}

/**
 * /notifications: every delivery the local Datadog made (or suppressed) for a
 * monitor's state change; filters and page in the URL, refreshed every 10 s.
 * Only embedded mode keeps this log.
 */
export function NotificationsPage() {
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  return (
    <main className="page">
      <div className="page__head">
        <h1>Notifications</h1>
      </div>
      {config.mode === 'embedded' ? <NotificationLog /> : <NotKeptHere />}
    </main>
  );
}
