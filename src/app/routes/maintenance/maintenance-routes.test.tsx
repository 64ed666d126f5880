import { screen, within } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import { mockApi, reply, type MockReply } from '../../../testing/mock-api';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { sessionFor, UNAUTHENTICATED } from '../../../testing/session-fixtures';
import { weeklySaturdayWindow, windowList } from '../../../features/maintenance/calendar/testing/window-fixtures';
import * as calendarRoute from './calendar';
import * as hygieneRoute from './hygiene';

const NOW = Date.UTC(2026, 10, 25, 9, 30);

function renderAt(url: string, session: MockReply = reply.json(sessionFor('admin'))) {
  const api = mockApi({
    'GET /api/session': () => session,
    'GET /api/maintenance/windows': windowList([weeklySaturdayWindow()], NOW),
    'GET /api/maintenance/hygiene': (req) =>
      reply.json({ findings: [], longActiveDays: Number(req.url.searchParams.get('longActiveDays')), fetchedAt: NOW, stale: false }),
  });
  const queryClient = createTestQueryClient();
  const routes: RouteObject[] = [
    { path: '/login', element: <h1>Sign in</h1> },
    { path: '/maintenance/calendar', loader: calendarRoute.loader(queryClient), Component: calendarRoute.Component },
    { path: '/maintenance/hygiene', loader: hygieneRoute.loader(queryClient), Component: hygieneRoute.Component },
  ];
  return { api, ...renderRoutes(routes, { initialEntries: [url], queryClient }) };
}

beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('/maintenance/calendar', () => {
  it('loads the windows before the page shows, and shows the view the URL asks for', async () => {
    const { api } = renderAt('/maintenance/calendar?view=month&date=2026-12-10');
    expect(await screen.findByRole('heading', { level: 1, name: 'Maintenance calendar' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'December 2026' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Saturday 12 December 2026' })).getByRole('link')).toHaveAccessibleName(
      'Nightly search reindex, Saturday 02:00–04:00',
    );
    expect(api.callsTo('GET', '/api/maintenance/windows')).toHaveLength(1);
  });

  it('sends someone signed out to the sign-in page', async () => {
    const { router, api } = renderAt('/maintenance/calendar', UNAUTHENTICATED);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.callsTo('GET', '/api/maintenance/windows')).toHaveLength(0);
  });
});

describe('/maintenance/hygiene', () => {
  it('loads the report for the N in the URL', async () => {
    const { api } = renderAt('/maintenance/hygiene?longActiveDays=30');
    expect(await screen.findByText('Nothing to tidy up')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/maintenance/hygiene').map((c) => c.url.search)).toEqual(['?longActiveDays=30']);
    expect(screen.getByText(/none has been active longer than 30 days/)).toBeInTheDocument();
  });

  it('loads the report for 7 days when the URL’s N is unusable', async () => {
    const { api } = renderAt('/maintenance/hygiene?longActiveDays=-1');
    expect(await screen.findByText('Nothing to tidy up')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/maintenance/hygiene').map((c) => c.url.search)).toEqual(['?longActiveDays=7']);
  });
});
