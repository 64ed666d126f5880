import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import type { Team } from '../../../contract/teams';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { buildTeam, payments, teamListResponse, web } from '../../../testing/team-fixtures';
import { TeamsPage } from './teams-page';

function setup(url = '/teams', role: Role = 'admin', routes: MockRoutes = {}) {
  const state = { teams: [payments, web, ...Array.from({ length: 28 }, (_, k) => buildTeam(k + 3))] as Team[] };
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor(role),
    'GET /api/teams': (req: MockRequest) => {
      const q = req.url.searchParams.get('q')?.toLowerCase() ?? '';
      const matching = state.teams.filter((t) => !q || t.name.toLowerCase().includes(q) || t.handle.includes(q));
      return reply.json(teamListResponse(matching, Number(req.url.searchParams.get('page') ?? 0), Number(req.url.searchParams.get('size') ?? 25)));
    },
    'POST /api/teams': (req: MockRequest) => {
      const body = req.body as { name: string; handle: string; description?: string };
      const team = buildTeam(99, { ...body, description: body.description ?? null });
      state.teams = [...state.teams, team];
      return reply.json(team, 201);
    },
    'PATCH /api/teams/:id': (req: MockRequest) => {
      state.teams = state.teams.map((t) => (t.id === req.params.id ? { ...t, ...(req.body as object) } : t));
      return reply.json(state.teams.find((t) => t.id === req.params.id));
    },
    'DELETE /api/teams/:id': (req: MockRequest) => {
      state.teams = state.teams.filter((t) => t.id !== req.params.id);
      return reply.noContent();
    },
    ...routes,
  });
  const view = renderWithProviders(<TeamsPage />, {
    path: '/teams',
    initialEntries: [url],
    extraRoutes: [{ path: '/teams/:id', element: <p>The team page</p> }],
  });
  return { api, state, ...view };
}

function row(name: string) {
  return within(screen.getByRole('table', { name: 'Teams' }))
    .getByRole('link', { name })
    .closest('tr')!;
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('TeamsPage', () => {
  it('lists teams with a link to each, handle, description and members; 25 a page', async () => {
    setup();
    await screen.findByRole('table', { name: 'Teams' });
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute('href', `/teams/${payments.id}`);
    expect(row('Payments')).toHaveTextContent('payments');
    expect(row('Payments')).toHaveTextContent('Card and wallet payments');
    expect(row('Payments')).toHaveTextContent('1');
    expect(screen.getByRole('navigation', { name: 'Team pages' })).toHaveTextContent('1–25 of 30');
  });

  it('pages with Next and Previous, the page in the URL counting from 1', async () => {
    const { user, router, api } = setup();
    await screen.findByRole('table', { name: 'Teams' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Team pages' })).toHaveTextContent('26–30 of 30'));
    expect(api.callsTo('GET', '/api/teams').at(-1)!.url.search).toBe('?page=1&size=25');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('searches when typing pauses, from the first page, with q in the URL', async () => {
    const { user, router, api } = setup('/teams?page=2');
    await screen.findByRole('table', { name: 'Teams' });
    // Typed without a pause (no task between keys, so no timer runs mid-word): with user-event's
    // default task between keys, a stall on a loaded machine can outlast the 300 ms debounce and
    // search for "p" or "pa" first, whose answers look the same as the one for "pay".
    await user.setup({ delay: null }).type(screen.getByRole('searchbox', { name: 'Search teams' }), 'pay');
    await waitFor(() => expect(router.state.location.search).toBe('?q=pay'));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Teams' })).getAllByRole('row')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/teams').at(-1)!.url.search).toBe('?q=pay&page=0&size=25');
    expect(screen.getByText('1 team match')).toBeInTheDocument();
  });

  it('creates a team: handle suggested from the name, schema errors next to fields, nothing sent until valid', async () => {
    const { user, api, router } = setup();
    await screen.findByRole('table', { name: 'Teams' });
    await user.click(screen.getByRole('button', { name: 'New team' }));
    const dialog = screen.getByRole('dialog', { name: 'New team' });
    const create = () => user.click(within(dialog).getByRole('button', { name: 'Create team' }));

    await create();
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('A name is required');
    expect(within(dialog).getByRole('textbox', { name: /^Handle/ })).toHaveAccessibleDescription(/Lower-case letters, digits, dash and underscore, starting/);

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Edge Proxy 7');
    expect(within(dialog).getByRole('textbox', { name: /^Handle/ })).toHaveValue('edge-proxy-7');
    // The suggested handle replaces the one the error was about.
    expect(within(dialog).getByRole('textbox', { name: /^Handle/ })).not.toHaveAttribute('aria-invalid');
    await user.clear(within(dialog).getByRole('textbox', { name: /^Handle/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Handle/ }), 'Edge Proxy');
    await create();
    expect(within(dialog).getByRole('textbox', { name: /^Handle/ })).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/teams')).toHaveLength(0);

    await user.clear(within(dialog).getByRole('textbox', { name: /^Handle/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Handle/ }), 'edge-proxy');
    await user.type(within(dialog).getByRole('textbox', { name: /^Description/ }), 'Envoy at the edge');
    await create();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/teams/${buildTeam(99).id}`));
    expect(api.callsTo('POST', '/api/teams')[0]!.body).toEqual({ name: 'Edge Proxy 7', handle: 'edge-proxy', description: 'Envoy at the edge' });
  });

  it('shows a taken handle (409) next to the handle', async () => {
    const { user } = setup('/teams', 'admin', {
      'POST /api/teams': () => reply.error(409, 'conflict', 'A team with handle payments exists already'),
    });
    await screen.findByRole('table', { name: 'Teams' });
    await user.click(screen.getByRole('button', { name: 'New team' }));
    const dialog = screen.getByRole('dialog', { name: 'New team' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Payments');
    await user.click(within(dialog).getByRole('button', { name: 'Create team' }));
    expect(await within(dialog).findByText('A team with handle payments exists already')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Handle/ })).toHaveAccessibleDescription(/exists already/);
  });

  it('renames a team, sending only what changed', async () => {
    const { user, api } = setup();
    await screen.findByRole('table', { name: 'Teams' });
    await user.click(screen.getByRole('button', { name: 'Edit Payments' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Payments' });
    await user.clear(within(dialog).getByRole('textbox', { name: /^Name/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Payments Core');
    expect(within(dialog).getByRole('textbox', { name: /^Handle/ })).toHaveValue('payments');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', `/api/teams/${payments.id}`)[0]!.body).toEqual({ name: 'Payments Core' });
    expect(await screen.findByRole('link', { name: 'Payments Core' })).toBeInTheDocument();
  });

  it('deletes a team after a confirmation that names it', async () => {
    const { user, api } = setup();
    await screen.findByRole('table', { name: 'Teams' });
    await user.click(screen.getByRole('button', { name: 'Delete Payments…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete team Payments?' });
    expect(dialog).toHaveTextContent('payments');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete Payments' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', `/api/teams/${payments.id}`)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Payments' })).not.toBeInTheDocument());
  });

  it.each(['viewer', 'responder'] as const)('a %s sees the teams but no New, Edit or Delete', async (role) => {
    setup('/teams', role);
    await screen.findByRole('table', { name: 'Teams' });
    expect(screen.queryByRole('button', { name: 'New team' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });
});
