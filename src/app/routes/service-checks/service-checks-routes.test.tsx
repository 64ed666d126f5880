import { screen, waitFor, within } from '@testing-library/react';
import type { CheckResult } from '../../../contract/service-checks';
import type { Role } from '../../../contract/auth';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, cpuDetail, FIXTURE_NOW, listResponse } from '../../../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { buildCheckResult, monitorHistory, notificationList, recentChecks } from '../../../testing/service-check-fixtures';
import { sessionFor } from '../../../testing/session-fixtures';
import { createRoutes } from '../../router';

const realConfig = { mode: 'real', site: 'datadoghq.eu', refreshIntervalMs: 30_000 };

function renderApp(url: string, { role = 'responder', config = appConfig, routes = {} }: { role?: Role; config?: object; routes?: MockRoutes } = {}) {
  const results: CheckResult[] = [buildCheckResult({ check: 'app.ok', host: 'app-2', status: 0 })];
  const api = mockApi({
    'GET /api/session': sessionFor(role),
    'GET /api/config': config,
    'GET /api/monitors': listResponse(),
    'GET /api/service-checks/recent': () => reply.json(recentChecks(results)),
    'POST /api/service-checks': (req: MockRequest) => {
      const body = req.body as { check: string; host: string; status: number };
      results.push(buildCheckResult({ ...body, at: FIXTURE_NOW }));
      return reply.json({ accepted: true, messageDropped: false }, 202);
    },
    'GET /api/notifications': () => reply.json(notificationList()),
    ...routes,
  });
  const queryClient = createTestQueryClient();
  return { api, ...renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient }) };
}

const nav = () => screen.getByRole('navigation', { name: 'Main' });

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('the nav', () => {
  it('links Service checks for everyone, and Notifications in embedded mode', async () => {
    const { user, router } = renderApp('/monitors', { role: 'viewer' });
    await screen.findByRole('table', { name: 'Monitors' });
    expect(within(nav()).getByRole('link', { name: 'Notifications' })).toHaveAttribute('href', '/notifications');
    await user.click(within(nav()).getByRole('link', { name: 'Service checks' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Service checks' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/service-checks');
    expect(within(nav()).getByRole('link', { name: 'Service checks' })).toHaveAttribute('aria-current', 'page');
  });

  it('has no Notifications link outside embedded mode', async () => {
    renderApp('/monitors', { config: realConfig });
    await screen.findByRole('table', { name: 'Monitors' });
    expect(within(nav()).getByRole('link', { name: 'Service checks' })).toBeInTheDocument();
    expect(within(nav()).queryByRole('link', { name: 'Notifications' })).not.toBeInTheDocument();
  });
});

describe('/service-checks', () => {
  it('loads the recent results, and a submit shows in the grid and in a toast', async () => {
    const { api, user } = renderApp('/service-checks');
    const results = await screen.findByRole('region', { name: 'Recent results' });
    expect(within(results).getByRole('button', { name: /app.ok on app-2: OK/ })).toBeInTheDocument();
    const loads = api.callsTo('GET', '/api/service-checks/recent').length;

    await user.type(screen.getByRole('textbox', { name: 'Check' }), 'app.ok');
    await user.type(screen.getByRole('textbox', { name: 'Host' }), 'app-1');
    await user.click(within(screen.getByRole('group', { name: 'Status' })).getByRole('radio', { name: 'CRITICAL' }));
    await user.click(screen.getByRole('button', { name: 'Submit check' }));

    expect(await screen.findByText('CRITICAL for app.ok on app-1 submitted')).toBeInTheDocument();
    expect(await within(results).findByRole('button', { name: /app.ok on app-1: CRITICAL/ })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/service-checks/recent').length).toBe(loads + 1);
  });

  it('shows a load failure in the route’s error boundary', async () => {
    renderApp('/service-checks', { routes: { 'GET /api/service-checks/recent': () => reply.error(502, 'upstream_error', 'Datadog answered 500') } });
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByRole('heading', { name: "Couldn't load this page" })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Datadog answered 500');
  });
});

describe('/notifications', () => {
  it('loads the page of the log the URL asks for', async () => {
    const { api } = renderApp('/notifications?handle=%40slack-ops&outcome=suppressed');
    expect(await screen.findByRole('table', { name: 'Notification log' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/notifications')[0]!.url.search).toBe('?handle=%40slack-ops&outcome=suppressed&page=0&size=50');
  });

  it('outside embedded mode shows a calm panel and asks the BFF for nothing', async () => {
    const { api } = renderApp('/notifications', { config: realConfig });
    expect(await screen.findByRole('heading', { name: 'The notification log is kept by the local Datadog (embedded mode)' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/notifications')).toHaveLength(0);
  });
});

describe('/monitors/:id', () => {
  it('has the status history region', async () => {
    renderApp('/monitors/1', {
      routes: { 'GET /api/monitors/:id': cpuDetail(), 'GET /api/monitors/:id/history': () => reply.json(monitorHistory()) },
    });
    const region = await screen.findByRole('region', { name: 'Status history' });
    await waitFor(() => expect(within(region).getAllByRole('group')).toHaveLength(3));
  });
});
