import { screen, waitFor, within } from '@testing-library/react';
import { monitorQueries } from '../features/monitors/api/monitor-queries';
import { sessionQueryOptions } from '../lib/session';
import { mockApi, reply } from '../testing/mock-api';
import { appConfig, cpuDetail, FIXTURE_NOW, listResponse } from '../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../testing/render';
import { sessionFor, UNAUTHENTICATED, users } from '../testing/session-fixtures';
import { unavailableHistory } from '../testing/service-check-fixtures';
import { createRoutes } from './router';

function renderApp(url: string) {
  const queryClient = createTestQueryClient();
  return renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient });
}

function currentUrl(router: ReturnType<typeof renderApp>['router']): string {
  return `${router.state.location.pathname}${router.state.location.search}`;
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('signing in', () => {
  it('sends someone not signed in to /login with returnTo, and back to that page after signing in', async () => {
    let signedIn = false;
    const api = mockApi({
      'GET /api/session': () => (signedIn ? reply.json(sessionFor('responder')) : UNAUTHENTICATED),
      'POST /api/session': () => {
        signedIn = true;
        return reply.json(sessionFor('responder'));
      },
      'GET /api/config': appConfig,
      'GET /api/monitors': listResponse(),
    });
    const { router, user } = renderApp('/monitors?status=Alert&sort=name');
    await screen.findByRole('heading', { name: 'Sign in to watchdeck' });
    expect(currentUrl(router)).toBe('/login?returnTo=%2Fmonitors%3Fstatus%3DAlert%26sort%3Dname');
    // The list was asked for beside the session check (a signed-in first load then waits one round
    // trip, not three); its 401 was dropped and showed nothing.
    expect(api.callsTo('GET', '/api/monitors')).toHaveLength(1);
    expect(screen.queryByRole('table', { name: 'Monitors' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'correct-horse-battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('table', { name: 'Monitors' });
    expect(currentUrl(router)).toBe('/monitors?status=Alert&sort=name');
    expect(screen.getByText('alice · responder')).toBeInTheDocument();
    // Signed in, the list was fetched again (the refused answer was not kept).
    expect(api.callsTo('GET', '/api/monitors')).toHaveLength(2);
  });

  it('goes straight on to returnTo when already signed in, and never off-site', async () => {
    mockApi({ 'GET /api/session': sessionFor('responder'), 'GET /api/config': appConfig, 'GET /api/monitors': listResponse() });
    const { router } = renderApp('/login?returnTo=%2F%2Fevil.example%2Fmonitors');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(currentUrl(router)).toBe('/monitors');
  });

  it('goes to a safe returnTo when already signed in', async () => {
    mockApi({ 'GET /api/session': sessionFor('responder'), 'GET /api/config': appConfig, 'GET /api/monitors': listResponse() });
    const { router } = renderApp('/login?returnTo=%2Fmonitors%3Fstatus%3DWarn');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(currentUrl(router)).toBe('/monitors?status=Warn');
  });
});

describe('a 401 anywhere', () => {
  it('on a refresh: clears the cache and goes to /login?returnTo=<the page>', async () => {
    const api = mockApi({ 'GET /api/session': sessionFor('responder'), 'GET /api/config': appConfig, 'GET /api/monitors': listResponse() });
    const { router, user, queryClient } = renderApp('/monitors?status=Alert');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(queryClient.getQueryData(monitorQueries.list().queryKey)).toBeDefined();

    // The session ends (expired, or the user was disabled): every call answers 401.
    api.use({ 'GET /api/monitors': () => UNAUTHENTICATED, 'GET /api/session': () => UNAUTHENTICATED });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    await screen.findByRole('heading', { name: 'Sign in to watchdeck' });
    expect(currentUrl(router)).toBe('/login?returnTo=%2Fmonitors%3Fstatus%3DAlert');
    // The previous user's data is gone from the cache.
    expect(queryClient.getQueryData(monitorQueries.list().queryKey)).toBeUndefined();
    expect(queryClient.getQueryData(sessionQueryOptions.queryKey)).toBeNull();
    expect(screen.queryByText(/background refresh failed/)).not.toBeInTheDocument();
  });

  it('on a mutation: the mute gets 401, and the next stop is the sign-in page for this monitor', async () => {
    const api = mockApi({
      'GET /api/session': sessionFor('responder'),
      'GET /api/config': appConfig,
      'GET /api/monitors/:id': cpuDetail(),
      'GET /api/monitors/:id/history': unavailableHistory(),
      'POST /api/monitors/:id/mute': () => UNAUTHENTICATED,
    });
    const { router, user, queryClient } = renderApp('/monitors/1');
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    // The user is disabled: every call answers 401 from now on.
    api.use({ 'GET /api/session': () => UNAUTHENTICATED, 'GET /api/monitors/:id': () => UNAUTHENTICATED });
    await user.click(screen.getByRole('button', { name: 'Mute…' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Deploy');
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 1 hour' }));

    await screen.findByRole('heading', { name: 'Sign in to watchdeck' });
    expect(currentUrl(router)).toBe('/login?returnTo=%2Fmonitors%2F1');
    // The rolled-back optimistic mute did not put the monitor back in the cache.
    await waitFor(() => expect(queryClient.getQueryData(monitorQueries.detail(1).queryKey)).toBeUndefined());
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0);
    expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(1);
  });

  it('while opening another page: comes back to the page that was asked for', async () => {
    const api = mockApi({
      'GET /api/session': sessionFor('responder'),
      'GET /api/config': appConfig,
      'GET /api/monitors': listResponse(),
      'GET /api/monitors/:id': () => UNAUTHENTICATED,
    });
    const { router, user } = renderApp('/monitors');
    await screen.findByRole('table', { name: 'Monitors' });
    api.use({ 'GET /api/session': () => UNAUTHENTICATED });
    await user.click(screen.getByRole('link', { name: 'High CPU on web tier' }));
    await screen.findByRole('heading', { name: 'Sign in to watchdeck' });
    expect(currentUrl(router)).toBe('/login?returnTo=%2Fmonitors%2F1');
  });
});

describe('the top nav', () => {
  it('shows who is signed in; signing out deletes the session, clears the cache and goes to /login', async () => {
    let signedIn = true;
    const api = mockApi({
      'GET /api/session': () => (signedIn ? reply.json(sessionFor('responder')) : UNAUTHENTICATED),
      'DELETE /api/session': () => {
        signedIn = false;
        return reply.noContent();
      },
      'GET /api/config': appConfig,
      'GET /api/monitors': listResponse(),
    });
    const { router, user, queryClient } = renderApp('/monitors');
    await screen.findByRole('table', { name: 'Monitors' });
    const header = screen.getByRole('banner');
    expect(within(header).getByText('alice · responder')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Audit' })).not.toBeInTheDocument();

    await user.click(within(header).getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to watchdeck' });
    expect(currentUrl(router)).toBe('/login');
    expect(api.callsTo('DELETE', '/api/session')).toHaveLength(1);
    expect(api.callsTo('DELETE', '/api/session')[0]!.headers.get('X-CSRF')).toBe('1');
    expect(queryClient.getQueryData(monitorQueries.list().queryKey)).toBeUndefined();
  });

  it('keeps you signed in and says so when signing out fails', async () => {
    mockApi({
      'GET /api/session': sessionFor('responder'),
      'DELETE /api/session': () => reply.error(502, 'internal', 'Session store unavailable'),
      'GET /api/config': appConfig,
      'GET /api/monitors': listResponse(),
    });
    const { router, user } = renderApp('/monitors');
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Sign out failed: Session store unavailable')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/monitors');
  });

  it('gives admins Users and Audit links', async () => {
    mockApi({
      'GET /api/session': sessionFor('admin'),
      'GET /api/config': appConfig,
      'GET /api/monitors': listResponse(),
      'GET /api/users': { users },
    });
    const { router, user } = renderApp('/monitors');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(screen.getByText('root-admin · admin')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Audit' })).toHaveAttribute('href', '/admin/audit');
    await user.click(within(nav).getByRole('link', { name: 'Users' }));
    await screen.findByRole('table', { name: 'Users' });
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(within(nav).getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  });

  it('has no Sign out behind an auth proxy', async () => {
    mockApi({
      'GET /api/session': sessionFor('responder', { authMode: 'proxy' }),
      'GET /api/config': { ...appConfig, authMode: 'proxy' },
      'GET /api/monitors': listResponse(),
    });
    renderApp('/monitors');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(screen.getByText('alice · responder')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });
});

describe('admin pages', () => {
  it.each([
    ['viewer', '/admin/users'],
    ['responder', '/admin/audit'],
  ] as const)('a %s reaching %s sees "You need the admin role", and nothing is fetched', async (role, url) => {
    const api = mockApi({ 'GET /api/session': sessionFor(role), 'GET /api/config': appConfig });
    renderApp(url);
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByRole('heading', { name: 'You need the admin role' })).toBeInTheDocument();
    expect(panel).toHaveTextContent(`You are signed in as ${sessionFor(role).user.username} (${role})`);
    expect(within(panel).getByRole('link', { name: 'Go to monitors' })).toHaveAttribute('href', '/monitors');
    expect(api.callsTo('GET', /\/api\/(users|audit)/)).toHaveLength(0);
  });

  it('/admin goes to the users page', async () => {
    mockApi({ 'GET /api/session': sessionFor('admin'), 'GET /api/config': appConfig, 'GET /api/users': { users } });
    const { router } = renderApp('/admin');
    await screen.findByRole('table', { name: 'Users' });
    expect(router.state.location.pathname).toBe('/admin/users');
  });
});

describe('a failed session check', () => {
  it('shows the error with Retry instead of the sign-in page', async () => {
    let fail = true;
    mockApi({
      'GET /api/session': () => (fail ? reply.error(502, 'internal', 'Session store unavailable') : reply.json(sessionFor('viewer'))),
      'GET /api/config': appConfig,
      'GET /api/monitors': listResponse(),
    });
    const { user } = renderApp('/monitors');
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent('Session store unavailable');
    fail = false;
    await user.click(within(panel).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Monitors' })).toBeInTheDocument());
  });
});
