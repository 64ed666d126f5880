import { act, screen, waitFor, within } from '@testing-library/react';
import { mockApi, reply } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { buildNotification, DOWNTIME_ID, notificationList, notifications } from '../../../testing/service-check-fixtures';
import { serviceCheckQueries } from '../api/service-check-queries';
import { NotificationsPage } from './notifications-page';

function setup(url = '/notifications', config: object = appConfig, list = notificationList()) {
  const api = mockApi({ 'GET /api/config': config, 'GET /api/notifications': () => reply.json(list) });
  const view = renderWithProviders(<NotificationsPage />, {
    path: '/notifications',
    initialEntries: [url],
    extraRoutes: [{ path: '/monitors/:id', element: <p>Monitor page</p> }],
  });
  return { api, ...view };
}

const log = () => screen.getByRole('table', { name: 'Notification log' });
const lastSearch = (api: ReturnType<typeof setup>['api']) => api.callsTo('GET', '/api/notifications').at(-1)!.url.search;

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('NotificationsPage', () => {
  it('lists each delivery: time, monitor link, group, transition, handle, outcome, receiver and message', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Notification log' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Time',
      'Monitor',
      'Group',
      'Transition',
      'Handle',
      'Outcome',
      'Receiver',
      'Message',
    ]);
    const [delivered, suppressed, failed] = within(table).getAllByRole('row').slice(1);
    expect(within(delivered!).getByRole('link', { name: 'High CPU on web tier' })).toHaveAttribute('href', '/monitors/1');
    expect(delivered).toHaveTextContent('1 min ago');
    expect(delivered).toHaveTextContent('env:prod,host:web-1');
    expect(delivered).toHaveTextContent('OK → Alert');
    expect(delivered).toHaveTextContent('@webhook-ops-bridge');
    expect(delivered).toHaveTextContent('delivered');
    expect(delivered).toHaveTextContent('200');
    expect(delivered).toHaveTextContent('CPU is high on web-1. See the runbook.');

    expect(failed).toHaveTextContent('failed');
    expect(failed).toHaveTextContent('503');
    expect(failed).toHaveTextContent('The receiver answered 503 after 3 tries');

    expect(suppressed).toHaveTextContent('suppressed');
    const link = within(suppressed!).getByRole('link', { name: `Suppressed by downtime ${DOWNTIME_ID.slice(0, 8)}` });
    expect(link).toHaveAttribute('href', `/monitors/1#downtime-${DOWNTIME_ID}`);
    expect(screen.getByText('3 notifications')).toBeInTheDocument();
  });

  it('reads the filters from the URL and asks the BFF for that page', async () => {
    const { api } = setup('/notifications?monitor=1&handle=%40slack-ops&outcome=suppressed&page=2', appConfig, notificationList([notifications[1]!], { page: 1, size: 50, total: 51 }));
    await screen.findByRole('table', { name: 'Notification log' });
    expect(lastSearch(api)).toBe('?monitorId=1&handle=%40slack-ops&outcome=suppressed&page=1&size=50');
    expect(screen.getByRole('textbox', { name: 'Monitor' })).toHaveValue('1');
    expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue('@slack-ops');
    expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveValue('suppressed');
    expect(screen.getByText('51–51 of 51')).toBeInTheDocument();
  });

  it('writes filters to the URL (back to the first page) and pages with Next', async () => {
    const many = Array.from({ length: 50 }, (_, i) => buildNotification(i + 1));
    // The BFF's answer is the page asked for, so the page on screen tells which request it shows.
    const api = mockApi({
      'GET /api/config': appConfig,
      'GET /api/notifications': (req) => reply.json(notificationList(many, { page: Number(req.url.searchParams.get('page')), size: 50, total: 120 })),
    });
    const { user, router } = renderWithProviders(<NotificationsPage />, { path: '/notifications', initialEntries: ['/notifications?page=2'] });
    expect(await screen.findByText('51–100 of 120')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Monitor' }), '1');
    await user.type(screen.getByRole('textbox', { name: 'Handle' }), '@webhook-ops-bridge{Enter}');
    expect(router.state.location.search).toBe('?monitor=1&handle=%40webhook-ops-bridge');
    await waitFor(() => expect(lastSearch(api)).toBe('?monitorId=1&handle=%40webhook-ops-bridge&page=0&size=50'));
    expect(await screen.findByText('1–50 of 120')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'failed');
    expect(router.state.location.search).toBe('?monitor=1&handle=%40webhook-ops-bridge&outcome=failed');
    // The page shows the new filters once their page has arrived.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveValue('failed'));

    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(router.state.location.search).toBe('?monitor=1&handle=%40webhook-ops-bridge&outcome=failed&page=2');
    // Clear at once, while page 2 may still be on its way: the click must not be lost.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(lastSearch(api)).toBe('?page=0&size=50'));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Monitor' })).toHaveValue(''));
    expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue('');
  });

  it('keeps text typed but not applied when the page changes', async () => {
    const many = Array.from({ length: 50 }, (_, i) => buildNotification(i + 1));
    mockApi({
      'GET /api/config': appConfig,
      'GET /api/notifications': (req) => reply.json(notificationList(many, { page: Number(req.url.searchParams.get('page')), size: 50, total: 120 })),
    });
    const { user, router } = renderWithProviders(<NotificationsPage />, { path: '/notifications', initialEntries: ['/notifications'] });
    expect(await screen.findByText('1–50 of 120')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Handle' }), '@slack');
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(await screen.findByText('51–100 of 120')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue('@slack');
  });

  it('puts the fields in step with the URL on Back', async () => {
    const { user, router } = setup();
    await screen.findByRole('table', { name: 'Notification log' });
    await user.type(screen.getByRole('textbox', { name: 'Handle' }), '@webhook-ops-bridge{Enter}');
    expect(router.state.location.search).toBe('?handle=%40webhook-ops-bridge');
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue(''));
  });

  it('refuses a monitor filter that is not an id, without changing the URL', async () => {
    const { user, router } = setup();
    await screen.findByRole('table', { name: 'Notification log' });
    await user.type(screen.getByRole('textbox', { name: 'Monitor' }), 'web{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('A monitor id is a whole number');
    expect(screen.getByRole('textbox', { name: 'Monitor' })).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toBe('');
  });

  it('opens the monitor page at the downtime that suppressed a delivery', async () => {
    const { user, router } = setup();
    await screen.findByRole('table', { name: 'Notification log' });
    await user.click(within(log()).getByRole('link', { name: /^Suppressed by downtime/ }));
    expect(await screen.findByText('Monitor page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/monitors/1');
    expect(router.state.location.hash).toBe(`#downtime-${DOWNTIME_ID}`);
  });

  it('says when no delivery matches, with a way back to all of them', async () => {
    const { user, router } = setup('/notifications?outcome=failed', appConfig, notificationList([]));
    expect(await screen.findByText('No notifications match these filters')).toBeInTheDocument();
    await user.click(within(log()).getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
  });

  it('refreshes the page on screen every 10 s', async () => {
    const { queryClient } = setup();
    await screen.findByRole('table', { name: 'Notification log' });
    // The table is committed before the query's observer subscribes (a passive effect, which a
    // slow machine runs a moment later), so wait for the subscription rather than read it once.
    await waitFor(() => {
      const queries = queryClient.getQueryCache().findAll({ queryKey: serviceCheckQueries.notifications() });
      expect(queries.flatMap((q) => q.observers.map((o) => o.options.refetchInterval))).toEqual([10_000]);
    });
  });

  it.each(['real', 'pointed'] as const)('in %s mode says the log is kept in embedded mode only, and asks for nothing', async (mode) => {
    const { api } = setup('/notifications', { mode, site: 'datadoghq.eu', refreshIntervalMs: 30_000 });
    expect(await screen.findByRole('heading', { name: 'The notification log is kept by the local Datadog (embedded mode)' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Notification log' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/notifications')).toHaveLength(0);
  });
});

