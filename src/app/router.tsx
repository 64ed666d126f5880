import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
import { paths } from '../config/paths';
import { RouteErrorBoundary } from '../components/errors/route-error-boundary';
import { IncidentDetailSkeleton } from '../features/incidents/components/incident-detail-skeleton';
import { IncidentListSkeleton } from '../features/incidents/components/incident-list-skeleton';
import { CalendarSkeleton } from '../features/maintenance/calendar/components/calendar-skeleton';
import { PlannerSkeleton, WindowSkeleton, WindowsSkeleton } from '../features/maintenance/components/maintenance-skeleton';
import { HygieneSkeleton } from '../features/maintenance/hygiene/components/hygiene-skeleton';
import { DetailSkeleton } from '../features/monitors/components/detail-skeleton';
import { NotificationsSkeleton, ServiceChecksSkeleton } from '../features/service-checks/components/service-checks-skeleton';
import { TeamPageSkeleton, TeamsSkeleton } from '../features/teams/components/teams-skeleton';
import { AdminPageSkeleton } from './routes/admin/admin-page-skeleton';
import { IntegrationsErrorBoundary } from './routes/integrations/error-boundary';
import * as loginRoute from './routes/login';
import * as listRoute from './routes/monitors/list';
import { NotFound } from './routes/not-found';
import { RootHydrateFallback, rootLoader, RootLayout } from './routes/root';

/** Filters live in the search params and run in the browser: a search-only change needs no loader. */
const skipSearchOnlyChanges: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search ? false : defaultShouldRevalidate;

/** The route tree; loaders get the QueryClient (never a module-level singleton). */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  /** An admin-only integrations page, loaded on first visit; a non-admin sees "Only admins manage integrations". */
  const integrationRoute = (
    path: string,
    load: () => Promise<{ loader: (qc: QueryClient) => RouteObject['loader']; Component: RouteObject['Component'] }>,
  ): RouteObject => ({
    path,
    lazy: async () => {
      const route = await load();
      return { loader: route.loader(queryClient), Component: route.Component };
    },
    ErrorBoundary: IntegrationsErrorBoundary,
    HydrateFallback: AdminPageSkeleton,
  });
  return [
    {
      path: paths.login.path,
      loader: loginRoute.loader(queryClient),
      Component: loginRoute.Component,
      HydrateFallback: loginRoute.HydrateFallback,
      ErrorBoundary: RouteErrorBoundary,
    },
    {
      path: paths.home.path,
      // Every page below needs a session; nobody signed in goes to the sign-in page and comes back.
      loader: rootLoader(queryClient),
      Component: RootLayout,
      HydrateFallback: RootHydrateFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        { index: true, element: <Navigate to={paths.monitors.getHref()} replace /> },
        {
          path: paths.monitors.path,
          loader: listRoute.loader(queryClient),
          Component: listRoute.Component,
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: listRoute.HydrateFallback,
          shouldRevalidate: skipSearchOnlyChanges,
        },
        {
          path: paths.monitor.path,
          // The detail (and its dialogs) load on first visit, keeping the list's first load smaller.
          lazy: async () => {
            const route = await import('./routes/monitors/detail');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: DetailSkeleton,
          shouldRevalidate: skipSearchOnlyChanges,
        },
        // Maintenance (issue 7): every page loads on first visit; rrule and the planner stay out of the first load.
        {
          path: paths.maintenance.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/list');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: WindowsSkeleton,
        },
        {
          path: paths.maintenancePlan.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/plan');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: PlannerSkeleton,
        },
        {
          path: paths.maintenanceWindow.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/window');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: WindowSkeleton,
        },
        {
          path: paths.maintenanceCalendar.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/calendar');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: CalendarSkeleton,
        },
        {
          path: paths.maintenanceHygiene.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/hygiene');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: HygieneSkeleton,
        },
        {
          path: paths.incidents.path,
          // Filters and pages run on the BFF: a search change reruns the loader, which fetches that page.
          lazy: async () => {
            const route = await import('./routes/incidents/list');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: IncidentListSkeleton,
        },
        {
          path: paths.incident.path,
          // The timeline's kind filter runs in the browser: a search-only change needs no loader.
          lazy: async () => {
            const route = await import('./routes/incidents/detail');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: IncidentDetailSkeleton,
          shouldRevalidate: skipSearchOnlyChanges,
        },
        {
          path: paths.teams.path,
          lazy: async () => {
            const route = await import('./routes/teams/list');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: TeamsSkeleton,
        },
        {
          path: paths.team.path,
          lazy: async () => {
            const route = await import('./routes/teams/detail');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: TeamPageSkeleton,
          shouldRevalidate: skipSearchOnlyChanges,
        },
        {
          path: paths.serviceChecks.path,
          lazy: async () => {
            const route = await import('./routes/service-checks/page');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: ServiceChecksSkeleton,
        },
        {
          path: paths.notifications.path,
          // Filters and pages run on the BFF: a search change reruns the loader, which fetches that page.
          lazy: async () => {
            const route = await import('./routes/notifications/page');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: NotificationsSkeleton,
        },
        { path: paths.admin.path, element: <Navigate to={paths.adminUsers.getHref()} replace /> },
        {
          path: paths.adminUsers.path,
          // Admin pages load on first visit; their loaders check the role before anything else.
          lazy: async () => {
            const route = await import('./routes/admin/users');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: AdminPageSkeleton,
        },
        {
          path: paths.adminAudit.path,
          lazy: async () => {
            const route = await import('./routes/admin/audit');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          HydrateFallback: AdminPageSkeleton,
        },
        // The project is in ?project=; a new project loads before the page switches to it.
        integrationRoute(paths.integrationsAtlas.path, () => import('./routes/integrations/atlas')),
        integrationRoute(paths.integrations.path, () => import('./routes/integrations/overview')),
        integrationRoute(paths.integrationsAws.path, () => import('./routes/integrations/aws')),
        integrationRoute(paths.integrationsSlack.path, () => import('./routes/integrations/slack')),
        integrationRoute(paths.integrationsPagerDuty.path, () => import('./routes/integrations/pagerduty')),
        integrationRoute(paths.integrationsWebhooks.path, () => import('./routes/integrations/webhooks')),
        { path: '*', Component: NotFound },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

export function AppRouter() {
  const queryClient = useQueryClient();
  const [router] = useState(() => createAppRouter(queryClient));
  return <RouterProvider router={router} />;
}
