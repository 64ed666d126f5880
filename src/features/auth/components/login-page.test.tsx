import { screen, waitFor } from '@testing-library/react';
import { sessionQueryOptions } from '../../../lib/session';
import { deferred, mockApi, reply, type MockReply } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { LoginPage } from './login-page';

function setup(url: string, routes = {}, config: object = { ...appConfig, authMode: 'local' }) {
  const api = mockApi({
    'GET /api/config': config,
    'POST /api/session': () => reply.json(sessionFor('responder')),
    ...routes,
  });
  const view = renderWithProviders(<LoginPage />, {
    path: '/login',
    initialEntries: [url],
    extraRoutes: [
      { path: '/monitors', element: <p>Monitors page</p> },
      { path: '/monitors/:id', element: <p>Monitor detail page</p> },
    ],
  });
  return { api, ...view };
}

async function signIn(user: ReturnType<typeof setup>['user'], username = 'alice', password = 'correct-horse-battery') {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('LoginPage', () => {
  it('has labelled fields with autocomplete hints, and focuses the username', async () => {
    setup('/login');
    expect(await screen.findByRole('heading', { name: 'Sign in to watchdeck' })).toBeInTheDocument();
    const username = screen.getByRole('textbox', { name: 'Username' });
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(username).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('form', { name: 'Sign in to watchdeck' })).toBeInTheDocument();
  });

  it('signs in, keeps the new session in the cache, and goes to returnTo', async () => {
    const { api, user, router, queryClient } = setup('/login?returnTo=%2Fmonitors%2F12%3Fgq%3Dweb');
    await signIn(user, '  Alice ');
    expect(await screen.findByText('Monitor detail page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/monitors/12');
    expect(router.state.location.search).toBe('?gq=web');
    expect(api.callsTo('POST', '/api/session')[0]!.body).toEqual({ username: 'Alice', password: 'correct-horse-battery' });
    expect(api.callsTo('POST', '/api/session')[0]!.headers.get('X-CSRF')).toBe('1');
    expect(queryClient.getQueryData(sessionQueryOptions.queryKey)).toMatchObject({ user: { username: 'alice', role: 'responder' } });
  });

  it('shows the busy state while signing in', async () => {
    const gate = deferred<MockReply>();
    const { user } = setup('/login', { 'POST /api/session': () => gate.promise });
    await signIn(user);
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    expect(screen.getByRole('form')).toHaveAttribute('aria-busy', 'true');
    gate.resolve(reply.json(sessionFor('responder')));
    expect(await screen.findByText('Monitors page')).toBeInTheDocument();
  });

  it('says "Wrong username or password" for a 401, stays, and puts focus back on the password', async () => {
    const { user, router } = setup('/login', {
      'POST /api/session': () => reply.error(401, 'invalid_credentials', 'Invalid credentials'),
    });
    await signIn(user, 'alice', 'nope-nope-nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('says how long to wait when throttled, and holds the button until then', async () => {
    const { api, user } = setup('/login', {
      'POST /api/session': () => reply.error(429, 'rate_limited', 'Too many sign-in attempts', { retryAfter: 30 }),
    });
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 30 s');
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(api.callsTo('POST', '/api/session')).toHaveLength(1);
  });

  it('asks for both fields before sending anything', async () => {
    const { api, user } = setup('/login');
    await screen.findByRole('heading', { name: 'Sign in to watchdeck' });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(api.callsTo('POST', '/api/session')).toHaveLength(0);
  });

  it('shows another failure inline with its code and request id', async () => {
    const { user } = setup('/login', {
      'POST /api/session': () => reply.error(500, 'internal', 'The user store is locked', { requestId: 'req-9' }),
    });
    await signIn(user);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't sign in: The user store is locked");
    expect(alert).toHaveTextContent('internal · request req-9');
  });

  it.each([
    ['//evil.example'],
    ['https://evil.example/monitors'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
  ])('ignores a hostile returnTo (%s) and goes to the monitors', async (hostile) => {
    const { user, router } = setup(`/login?returnTo=${encodeURIComponent(hostile)}`);
    await signIn(user);
    expect(await screen.findByText('Monitors page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/monitors');
    expect(router.state.location.search).toBe('');
  });

  it('behind an auth proxy shows no form: the proxy did not identify you', async () => {
    setup('/login', {}, { ...appConfig, authMode: 'proxy' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your sign-in proxy did not identify you');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument());
  });
});
