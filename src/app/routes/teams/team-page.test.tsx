import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import type { TeamDetail } from '../../../contract/teams';
import { buildIncident, incidentListResponse, people, summaryOf } from '../../../testing/incident-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW, listResponse } from '../../../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { buildMember, payments, teamDetail, teamListResponse } from '../../../testing/team-fixtures';
import { createRoutes } from '../../router';

const openIncidents = [
  summaryOf(buildIncident(7, { title: 'Card payments failing', severity: 'SEV-1', state: 'active' })),
  summaryOf(buildIncident(5, { title: 'Refunds slow', severity: 'SEV-3', state: 'stable' })),
];

function setup(role: Role = 'admin', routes: MockRoutes = {}) {
  const state: { team: TeamDetail | null } = { team: teamDetail(payments, [buildMember(0)]) };
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor(role),
    'GET /api/people': { people },
    'GET /api/monitors': listResponse(),
    'GET /api/incidents': () => reply.json(incidentListResponse(openIncidents)),
    'GET /api/teams/:id': () => (state.team ? reply.json(state.team) : reply.error(404, 'not_found', 'No such team')),
    'GET /api/teams': () => reply.json(teamListResponse([])),
    'POST /api/teams/:id/members': (req: MockRequest) => {
      const person = people.find((p) => p.id === (req.body as { userId: string }).userId)!;
      const member = { ...person, membershipId: `m-${person.id}`, role: null };
      state.team = { ...state.team!, members: [...state.team!.members, member], userCount: state.team!.userCount + 1 };
      return reply.json(member, 201);
    },
    'DELETE /api/teams/:id/members/:userId': (req: MockRequest) => {
      state.team = { ...state.team!, members: state.team!.members.filter((m) => m.id !== req.params.userId) };
      return reply.noContent();
    },
    'PATCH /api/teams/:id': (req: MockRequest) => {
      state.team = { ...state.team!, ...(req.body as object) };
      return reply.json(state.team);
    },
    'DELETE /api/teams/:id': () => {
      state.team = null;
      return reply.noContent();
    },
    ...routes,
  });
  const queryClient = createTestQueryClient();
  const view = renderRoutes(createRoutes(queryClient), { initialEntries: [`/teams/${payments.id}`], queryClient });
  return { api, state, ...view };
}

function members() {
  return screen.getByRole('table', { name: 'Members' });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('the team page', () => {
  it('shows the team, its members, its open incidents and the monitors tagged team:<handle>', async () => {
    const { api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    expect(within(members()).getAllByRole('row')).toHaveLength(2);
    expect(within(members()).getByRole('rowheader', { name: 'Ada Lovelace' })).toBeInTheDocument();

    const incidents = await screen.findByRole('table', { name: 'Open incidents' });
    expect(within(incidents).getByRole('link', { name: 'IR-7' })).toHaveAttribute('href', `/incidents/${openIncidents[0]!.id}`);
    expect(within(incidents).getByText('Refunds slow')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/incidents')[0]!.url.search).toBe('?state=active&state=stable&team=payments&offset=0&size=25');
    expect(screen.getByRole('link', { name: 'See them in the incident list' })).toHaveAttribute(
      'href',
      '/incidents?state=active&state=stable&team=payments',
    );

    const monitors = await screen.findByRole('table', { name: 'Monitors tagged team:payments' });
    expect(within(monitors).getAllByRole('link').map((a) => a.textContent)).toEqual(['Payments API error rate', 'Checkout latency p99']);
    expect(screen.getByRole('link', { name: 'Open in the monitor list' })).toHaveAttribute('href', '/monitors?tag=team%3Apayments');
  });

  it('adds a member with the people picker, leaving out who is on the team already', async () => {
    const { api, user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a member to Payments' });
    await within(dialog).findByRole('option', { name: 'Grace Hopper (grace@example.com)' });
    expect(within(dialog).queryByRole('option', { name: /Ada Lovelace/ })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    expect(within(dialog).getByText('Choose a person to add')).toBeInTheDocument();
    expect(api.callsTo('POST', /\/members$/)).toHaveLength(0);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Person' }), 'u-grace');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', `/api/teams/${payments.id}/members`)[0]!.body).toEqual({ userId: 'u-grace' });
    expect(within(members()).getAllByRole('row')).toHaveLength(3);
  });

  it('searches people on the server from the picker', async () => {
    const { api, user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search people for person' }), 'lin');
    await waitFor(() => expect(api.callsTo('GET', '/api/people').some((c) => c.url.search === '?q=lin')).toBe(true));
  });

  it('removes a member after a confirmation that names them and the team', async () => {
    const { api, user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    await user.click(screen.getByRole('button', { name: 'Remove Ada Lovelace…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Ada Lovelace from Payments?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove Ada Lovelace' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', `/api/teams/${payments.id}/members/u-ada`)).toHaveLength(1);
    expect(screen.queryByRole('table', { name: 'Members' })).not.toBeInTheDocument();
    expect(screen.getByText(/No members yet/)).toBeInTheDocument();
  });

  it('renames the team from its page, and deleting it goes back to the team list', async () => {
    const { user, router } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    await user.click(screen.getByRole('button', { name: 'Edit team' }));
    const edit = screen.getByRole('dialog', { name: 'Edit Payments' });
    await user.clear(within(edit).getByRole('textbox', { name: /^Name/ }));
    await user.type(within(edit).getByRole('textbox', { name: /^Name/ }), 'Payments Core');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments Core' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete team…' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete team Payments Core?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete Payments Core' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/teams'));
    expect(await screen.findByText('No teams yet')).toBeInTheDocument();
  });

  it('keeps the page usable when the open incidents fail to load, with Retry there', async () => {
    // React reports the error the section's boundary caught.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const { user } = setup('viewer', {
      'GET /api/incidents': () => (fail ? reply.error(502, 'upstream_error', 'Datadog answered 500') : reply.json(incidentListResponse(openIncidents))),
    });
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    const section = screen.getByRole('region', { name: 'Open incidents' });
    expect(await within(section).findByRole('alert')).toHaveTextContent("Couldn't load the open incidents: Datadog answered 500");
    expect(await screen.findByRole('table', { name: 'Monitors tagged team:payments' })).toBeInTheDocument();
    fail = false;
    await user.click(within(section).getByRole('button', { name: 'Retry' }));
    expect(await within(section).findByRole('table', { name: 'Open incidents' })).toBeInTheDocument();
  });

  it.each(['viewer', 'responder'] as const)('a %s sees the team but changes nothing', async (role) => {
    setup(role);
    await screen.findByRole('heading', { level: 1, name: 'Payments' });
    for (const name of ['Add member', 'Edit team', 'Delete team…', /^Remove/]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });
});
