import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { mockApi, reply, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, buildSummary, listResponse } from '../../../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { buildWindow, HOUR, MINUTE, NOW, previewOf, weeklyWindow, windowList } from '../../../features/maintenance/testing/window-fixtures';
import { createRoutes } from '../../router';

const MONITORS = listResponse([
  buildSummary({ id: 101, name: 'Checkout API', tags: ['team:checkout'], overallState: 'Alert' }),
  buildSummary({ id: 102, name: 'Payments worker', tags: ['team:payments'] }),
]);

/** The whole app at `url`: the router with its lazy maintenance routes, the shell, its nav and banner. */
function renderApp(url: string, { role = 'responder', routes = {} }: { role?: Role; routes?: MockRoutes } = {}) {
  const active = buildWindow({ schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 8 * MINUTE } });
  const api = mockApi({
    'GET /api/session': sessionFor(role),
    'GET /api/config': appConfig,
    'GET /api/monitors': MONITORS,
    'GET /api/maintenance/windows': windowList([active, weeklyWindow()]),
    'GET /api/maintenance/windows/:id': (req) =>
      reply.json({ window: req.params.id === 'mw-weekly' ? weeklyWindow() : active, preview: previewOf() }),
    'POST /api/maintenance/preview': () => reply.json(previewOf()),
    ...routes,
  });
  const queryClient = createTestQueryClient();
  return { api, ...renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient }) };
}

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('maintenance routes', () => {
  it('/maintenance: the nav links to it, and the banner counts the active window and its near end', async () => {
    renderApp('/maintenance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Maintenance windows' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Maintenance' })).toHaveAttribute('aria-current', 'page');
    const banner = await screen.findByText(/maintenance window active/);
    expect(banner.closest('[role="status"]')).toHaveTextContent('1 maintenance window active · next ends 12:08 (in 8 min) · ending soon');
  });

  it('/maintenance/plan?clone=<id> prefills the planner from that window, with the monitors feature’s scope input', async () => {
    const { api } = renderApp('/maintenance/plan?clone=mw-weekly');
    expect(await screen.findByText(/Cloned from/)).toHaveTextContent('Cloned from Payments DB patching');
    expect(screen.getByRole('radio', { name: 'Recurring' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Scope (which groups)' })).toHaveValue('*');
    expect(screen.getByRole('textbox', { name: 'Scope (which groups)' })).toHaveAccessibleDescription(/for everything, or tags like/);
    expect(api.callsTo('GET', '/api/maintenance/windows/mw-weekly')).toHaveLength(1);
  });

  it('/maintenance/plan?monitors=101,102 starts with those monitors picked', async () => {
    renderApp('/maintenance/plan?monitors=101,102');
    const picked = await screen.findByRole('list', { name: 'Picked monitors' });
    expect(within(picked).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['Checkout API', 'Payments worker']);
  });

  it('/maintenance/plan is for responders: a viewer is told so and nothing is loaded', async () => {
    const { api } = renderApp('/maintenance/plan', { role: 'viewer' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You need the responder role');
    expect(api.callsTo('GET', '/api/monitors')).toHaveLength(0);
  });

  it('/maintenance/windows/:id shows the window', async () => {
    renderApp('/maintenance/windows/mw-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Database failover' })).toBeInTheDocument();
  });

  it('an unknown window id shows the error page', async () => {
    renderApp('/maintenance/windows/nope', {
      routes: { 'GET /api/maintenance/windows/:id': () => reply.error(404, 'not_found', 'No maintenance window nope') },
    });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('No maintenance window nope'));
  });
});
