import { useQuery, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { matchPath, NavLink, Outlet, useLocation, useNavigation, type LoaderFunctionArgs } from 'react-router';
import { roleAtLeast } from '../../contract/auth';
import { paths } from '../../config/paths';
import { PageLoading } from '../../components/ui/page-loading';
import { Toaster } from '../../components/ui/toaster';
import { UserMenu } from '../../features/auth/components/user-menu';
import { ActiveWindowsBannerSlot } from '../../features/maintenance/components/active-windows-banner-slot';
import { ListSkeleton } from '../../features/monitors/components/list-skeleton';
import { appConfigQueryOptions, describeMode } from '../../lib/app-config-query';
import { requireSession, sessionQueryOptions, useRedirectWhenSignedOut } from '../../lib/session';

/** Every page but sign-in needs a session: nobody signed in goes to /login?returnTo=<this page>. */
export const rootLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    return null;
  };

function navLinkClass({ isActive }: { isActive: boolean }) {
  return `topnav__link${isActive ? ' is-active' : ''}`;
}

/** The shell: top nav (Monitors, Maintenance, Incidents, Teams, Service checks, Notifications in embedded mode, and Users, Audit and Integrations for admins), who is signed in, the active maintenance windows, the page, and background-error notices. */
export function RootLayout() {
  const { data: config } = useQuery(appConfigQueryOptions);
  // Not a suspense query: after a 401 the cache is cleared while this is still on screen.
  const { data: session } = useQuery(sessionQueryOptions);
  const navigation = useNavigation();
  useRedirectWhenSignedOut(session);
  const user = session?.user;
  const isAdmin = user ? roleAtLeast(user.role, 'admin') : false;
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topnav">
        <NavLink to={paths.monitors.getHref()} className="brand">
          <img src="/favicon.svg" alt="" width={20} height={20} />
          watchdeck
        </NavLink>
        <nav aria-label="Main">
          <ul className="topnav__links">
            <li>
              <NavLink to={paths.monitors.getHref()} className={navLinkClass}>
                Monitors
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.maintenance.getHref()} className={navLinkClass}>
                Maintenance
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.incidents.getHref()} className={navLinkClass}>
                Incidents
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.teams.getHref()} className={navLinkClass}>
                Teams
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.serviceChecks.getHref()} className={navLinkClass}>
                Service checks
              </NavLink>
            </li>
            {config?.mode === 'embedded' && (
              // Only the local Datadog keeps a notification log.
              <li>
                <NavLink to={paths.notifications.getHref()} className={navLinkClass}>
                  Notifications
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <>
                <li>
                  <NavLink to={paths.adminUsers.getHref()} className={navLinkClass}>
                    Users
                  </NavLink>
                </li>
                <li>
                  <NavLink to={paths.adminAudit.getHref()} className={navLinkClass}>
                    Audit
                  </NavLink>
                </li>
                <li>
                  <NavLink to={paths.integrations.getHref()} className={navLinkClass}>
                    Integrations
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <span className="topnav__spacer" />
        {config && (
          <span className={`mode-badge mode-badge--${config.mode}`} title={`Data source: ${config.mode} mode`}>
            {describeMode(config)}
          </span>
        )}
        {user && <UserMenu user={user} />}
      </header>
      {navigation.state === 'loading' && <div className="nav-progress" role="progressbar" aria-label="Loading page" />}
      {user && <ActiveWindowsBannerSlot />}
      <div id="content" className="shell__content">
        <Outlet />
      </div>
      <Toaster />
    </div>
  );
}

// Only the monitor list's skeleton comes with the app (it is the first page); the others load
// beside their page's code on a first load there, with "Loading…" until they arrive.
const DetailSkeleton = lazy(() =>
  import('../../features/monitors/components/detail-skeleton').then((m) => ({ default: m.DetailSkeleton })),
);
const IncidentListSkeleton = lazy(() =>
  import('../../features/incidents/components/incident-list-skeleton').then((m) => ({ default: m.IncidentListSkeleton })),
);
const IncidentDetailSkeleton = lazy(() =>
  import('../../features/incidents/components/incident-detail-skeleton').then((m) => ({ default: m.IncidentDetailSkeleton })),
);

/** The first load of the app (session, config and the page's data): the frame, and the page's own skeleton. */
export function RootHydrateFallback() {
  const { pathname } = useLocation();
  const page = matchPath(paths.monitor.path, pathname) ? (
    <DetailSkeleton />
  ) : matchPath(paths.monitors.path, pathname) || pathname === paths.home.path ? (
    <ListSkeleton />
  ) : matchPath(paths.incident.path, pathname) ? (
    <IncidentDetailSkeleton />
  ) : matchPath(paths.incidents.path, pathname) ? (
    <IncidentListSkeleton />
  ) : (
    <PageLoading />
  );
  return (
    <div className="shell">
      <header className="topnav">
        <span className="brand">
          <img src="/favicon.svg" alt="" width={20} height={20} />
          watchdeck
        </span>
      </header>
      <div id="content" className="shell__content">
        <Suspense fallback={<PageLoading />}>{page}</Suspense>
      </div>
    </div>
  );
}
