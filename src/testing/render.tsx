import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { ToastProvider } from '../components/ui/toaster';
import { createQueryClient } from '../lib/query-client';
import { createToastStore } from '../lib/toast-store';

/** A query client for tests: no retries, so a failure shows at once. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

interface RenderRoutesOptions {
  initialEntries?: string[];
  queryClient?: QueryClient;
}

/** Renders route objects in a memory router with the app's providers. */
export function renderRoutes(routes: RouteObject[], options: RenderRoutesOptions = {}) {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: options.initialEntries ?? ['/'] });
  const toasts = createToastStore();
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider store={toasts}>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient, user, toasts };
}

/** Renders one component at `path` (default "/"), inside Suspense, with a router and a query client. */
export function renderWithProviders(
  ui: ReactNode,
  options: RenderRoutesOptions & { path?: string; extraRoutes?: RouteObject[] } = {},
) {
  const path = options.path ?? '/';
  return renderRoutes(
    [
      { path, element: <Suspense fallback={<p>Loading…</p>}>{ui}</Suspense> },
      ...(options.extraRoutes ?? []),
    ],
    { ...options, initialEntries: options.initialEntries ?? [path] },
  );
}
