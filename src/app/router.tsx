import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
import { paths } from '../config/paths';
import { RouteErrorBoundary } from '../components/errors/route-error-boundary';
import * as loginRoute from './routes/login';
import * as listRoute from './routes/monitors/list';
import { RootHydrateFallback, rootLoader, RootLayout } from './routes/root';

/** Filters live in the search params and run in the browser: a search-only change needs no loader. */
const skipSearchOnlyChanges: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search ? false : defaultShouldRevalidate;

/** The route tree; loaders get the QueryClient (never a module-level singleton). */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  /**
   * An admin-only integrations page, loaded on first visit; a non-admin sees "Only admins manage
   * integrations" (that error boundary loads with the page: it is only needed once the loader has run).
   */
  const integrationRoute = (
    path: string,
    load: () => Promise<{ loader: (qc: QueryClient) => RouteObject['loader']; Component: RouteObject['Component'] }>,
  ): RouteObject => ({
    path,
    lazy: async () => {
      const [route, { IntegrationsErrorBoundary }] = await Promise.all([load(), import('./routes/integrations/error-boundary')]);
      return { loader: route.loader(queryClient), Component: route.Component, ErrorBoundary: IntegrationsErrorBoundary };
    },
  });
  return [
    {
      path: paths.login.path,
      loader: loginRoute.loader(queryClient),
      // The form loads only when someone has to sign in: a signed-in first load never needs it.
      lazy: async () => ({ Component: (await import('../features/auth/components/login-page')).LoginPage }),
      HydrateFallback: loginRoute.HydrateFallback,
      ErrorBoundary: RouteErrorBoundary,
    },
    {
      path: paths.home.path,
      // Every page below needs a session; nobody signed in goes to the sign-in page and comes back.
      loader: rootLoader(queryClient),
      Component: RootLayout,
      // The first load of any page shows this one (it picks the page's skeleton): in a browser-only
      // app the root's loader runs on every first load, and React Router then renders the topmost
      // HydrateFallback, so the pages below need none of their own (nor their code in the first load).
      HydrateFallback: RootHydrateFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        { index: true, element: <Navigate to={paths.monitors.getHref()} replace /> },
        {
          path: paths.monitors.path,
          loader: listRoute.loader(queryClient),
          Component: listRoute.Component,
          ErrorBoundary: RouteErrorBoundary,
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
        },
        {
          path: paths.maintenancePlan.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/plan');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.maintenanceWindow.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/window');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.maintenanceCalendar.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/calendar');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.maintenanceHygiene.path,
          lazy: async () => {
            const route = await import('./routes/maintenance/hygiene');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.incidents.path,
          // Filters and pages run on the BFF: a search change reruns the loader, which fetches that page.
          lazy: async () => {
            const route = await import('./routes/incidents/list');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.incident.path,
          // The timeline's kind filter runs in the browser: a search-only change needs no loader.
          lazy: async () => {
            const route = await import('./routes/incidents/detail');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          shouldRevalidate: skipSearchOnlyChanges,
        },
        {
          path: paths.teams.path,
          lazy: async () => {
            const route = await import('./routes/teams/list');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.team.path,
          lazy: async () => {
            const route = await import('./routes/teams/detail');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
          shouldRevalidate: skipSearchOnlyChanges,
        },
        {
          path: paths.serviceChecks.path,
          lazy: async () => {
            const route = await import('./routes/service-checks/page');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        {
          path: paths.notifications.path,
          // Filters and pages run on the BFF: a search change reruns the loader, which fetches that page.
          lazy: async () => {
            const route = await import('./routes/notifications/page');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
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
        },
        {
          path: paths.adminAudit.path,
          lazy: async () => {
            const route = await import('./routes/admin/audit');
            return { loader: route.loader(queryClient), Component: route.Component };
          },
          ErrorBoundary: RouteErrorBoundary,
        },
        // The project is in ?project=; a new project loads before the page switches to it.
        integrationRoute(paths.integrationsAtlas.path, () => import('./routes/integrations/atlas')),
        integrationRoute(paths.integrations.path, () => import('./routes/integrations/overview')),
        integrationRoute(paths.integrationsAws.path, () => import('./routes/integrations/aws')),
        integrationRoute(paths.integrationsSlack.path, () => import('./routes/integrations/slack')),
        integrationRoute(paths.integrationsPagerDuty.path, () => import('./routes/integrations/pagerduty')),
        integrationRoute(paths.integrationsWebhooks.path, () => import('./routes/integrations/webhooks')),
        { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found')).NotFound }) },
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
