import { screen, waitFor, within } from '@testing-library/react';
import { deferred, mockApi, reply, type MockReply, type MockRequest } from '../testing/mock-api';
import { appConfig, cpuDetail, FIXTURE_NOW, listResponse } from '../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../testing/render';
import { sessionFor } from '../testing/session-fixtures';
import { payments, teamListResponse, web } from '../testing/team-fixtures';
import { unavailableHistory } from '../testing/service-check-fixtures';
import { createRoutes } from './router';

const session = sessionFor('responder');

function renderApp(url: string) {
  const queryClient = createTestQueryClient();
  return renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('app routes', () => {
  it('redirects / to /monitors and shows the nav with the mode badge', async () => {
    mockApi({ 'GET /api/session': session, 'GET /api/config': appConfig, 'GET /api/monitors': listResponse() });
    const { router } = renderApp('/');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(router.state.location.pathname).toBe('/monitors');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Monitors' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('Local sandbox')).toBeInTheDocument();
  });

  it('shows the site name in real mode', async () => {
    mockApi({
      'GET /api/session': session,
      'GET /api/config': { mode: 'real', site: 'datadoghq.eu', refreshIntervalMs: 30_000 },
      'GET /api/monitors': listResponse(),
    });
    renderApp('/monitors');
    expect(await screen.findByText('datadoghq.eu')).toBeInTheDocument();
  });

  it('shows skeleton rows while the first load runs', async () => {
    const gate = deferred<MockReply>();
    mockApi({ 'GET /api/session': session, 'GET /api/config': appConfig, 'GET /api/monitors': () => gate.promise });
    renderApp('/monitors');
    expect(await screen.findByText('Loading monitors…')).toBeInTheDocument();
    expect(screen.getAllByTestId('skeleton-row').length).toBeGreaterThan(3);
    gate.resolve(reply.json(listResponse()));
    await screen.findByRole('table', { name: 'Monitors' });
    expect(screen.queryByTestId('skeleton-row')).not.toBeInTheDocument();
  });

  it('shows a load error with message, code and request id, and Retry loads the page', async () => {
    let fail = true;
    const api = mockApi({
      'GET /api/session': session,
      'GET /api/config': appConfig,
      'GET /api/monitors': () =>
        fail ? reply.error(504, 'upstream_timeout', 'Datadog did not answer in 10 s', { requestId: 'req-504' }) : reply.json(listResponse()),
    });
    const { user } = renderApp('/monitors');
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByRole('heading', { name: "Couldn't load this page" })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Datadog did not answer in 10 s');
    expect(panel).toHaveTextContent('upstream_timeout');
    expect(panel).toHaveTextContent('req-504');

    fail = false;
    await user.click(within(panel).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('table', { name: 'Monitors' });
    expect(api.callsTo('GET', '/api/monitors')).toHaveLength(2);
  });

  it('shows not found for an unknown monitor and for unknown pages', async () => {
    mockApi({
      'GET /api/session': session,
      'GET /api/config': appConfig,
      'GET /api/monitors/:id': () => reply.error(404, 'not_found', 'Monitor 999 does not exist', { requestId: 'req-404' }),
    });
    renderApp('/monitors/999');
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Monitor 999 does not exist');
    expect(within(panel).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('renders the not-found page for an unknown path', async () => {
    mockApi({ 'GET /api/session': session, 'GET /api/config': appConfig });
    renderApp('/nothing/here');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('opens a monitor from the filtered list and comes back to the same filters', async () => {
    mockApi({ 'GET /api/session': session, 'GET /api/config': appConfig, 'GET /api/monitors': listResponse(), 'GET /api/monitors/:id': cpuDetail(), 'GET /api/monitors/:id/history': unavailableHistory() });
    const { user, router } = renderApp('/monitors?status=Alert&sort=name');
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(screen.getByRole('link', { name: 'High CPU on web tier' }));
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    expect(router.state.location.pathname).toBe('/monitors/1');
    await user.click(screen.getByRole('link', { name: '← Monitors' }));
    await screen.findByRole('table', { name: 'Monitors' });
    expect(router.state.location.search).toBe('?status=Alert&sort=name');
  });

  it('Enter on a row focused with j opens it', async () => {
    mockApi({ 'GET /api/session': session, 'GET /api/config': appConfig, 'GET /api/monitors': listResponse(), 'GET /api/monitors/:id': cpuDetail(), 'GET /api/monitors/:id/history': unavailableHistory() });
    const { user, router } = renderApp('/monitors?status=Alert');
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jj{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/monitors/1'));
  });

  it('keeps what is typed in a search while the page loads the search sent before it, then searches for it', async () => {
    // The teams list moves its URL only once its loader has the answer: hold the answer for "pay".
    const held = deferred();
    const api = mockApi({
      'GET /api/session': session,
      'GET /api/config': appConfig,
      'GET /api/teams': async (req: MockRequest) => {
        const q = req.url.searchParams.get('q') ?? '';
        if (q === 'pay') await held.promise;
        return reply.json(teamListResponse([payments, web].filter((t) => t.handle.includes(q))));
      },
    });
    const { user, router } = renderApp('/teams');
    await screen.findByRole('table', { name: 'Teams' });
    const box = screen.getByRole('searchbox', { name: 'Search teams' });
    const typing = user.setup({ delay: null });
    await typing.type(box, 'pay');
    await waitFor(() => expect(api.callsTo('GET', '/api/teams').map((c) => c.url.searchParams.get('q'))).toContain('pay'));
    await typing.type(box, 'ments');
    held.resolve();
    await waitFor(() => expect(router.state.location.search).toBe('?q=payments'));
    expect(box).toHaveValue('payments');
    expect(api.callsTo('GET', '/api/teams').at(-1)!.url.searchParams.get('q')).toBe('payments');
    expect(within(screen.getByRole('table', { name: 'Teams' })).getByRole('link', { name: 'Payments' })).toBeInTheDocument();
  });
});
