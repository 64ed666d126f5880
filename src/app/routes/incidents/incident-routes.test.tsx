import { screen, waitFor, within } from '@testing-library/react';
import type { IncidentDetail } from '../../../contract/incidents';
import { buildIncident, incidentListResponse, people, sampleTimeline, summaryOf, uuid } from '../../../testing/incident-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { payments, teamListResponse, web } from '../../../testing/team-fixtures';
import { createRoutes } from '../../router';

const incidents = [
  summaryOf(buildIncident(12, { title: 'Checkout errors', state: 'active', severity: 'SEV-2' })),
  summaryOf(buildIncident(11, { title: 'Search slow', state: 'resolved', severity: 'SEV-3' })),
];

function setup(url: string, routes: MockRoutes = {}) {
  let detail: IncidentDetail = { ...buildIncident(12, { title: 'Checkout errors' }) };
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('responder'),
    'GET /api/people': { people },
    'GET /api/teams': () => reply.json(teamListResponse([payments, web])),
    'GET /api/incidents': (req: MockRequest) => {
      const states = req.url.searchParams.getAll('state');
      return reply.json(incidentListResponse(incidents.filter((i) => states.length === 0 || states.includes(i.state))));
    },
    'GET /api/incidents/:id': () => reply.json(detail),
    'GET /api/incidents/:id/timeline': () => reply.json({ entries: sampleTimeline(detail) }),
    'PATCH /api/incidents/:id': (req: MockRequest) => {
      detail = { ...detail, ...(req.body as object) };
      return reply.json(summaryOf(detail));
    },
    ...routes,
  });
  const queryClient = createTestQueryClient();
  const view = renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient });
  return { api, ...view };
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('incident routes', () => {
  it('the nav has Incidents and Teams; the list loads the filters in the URL; the detail links back to them', async () => {
    const { api, user, router } = setup('/incidents?state=active');
    const table = await screen.findByRole('table', { name: 'Incidents' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Incidents' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Teams' })).toHaveAttribute('href', '/teams');
    expect(api.callsTo('GET', '/api/incidents')[0]!.url.searchParams.getAll('state')).toEqual(['active']);
    expect(within(table).getAllByRole('row')).toHaveLength(2);

    await user.click(within(table).getByRole('link', { name: 'IR-12' }));
    await screen.findByRole('heading', { level: 1, name: 'IR-12 Checkout errors' });
    expect(router.state.location.pathname).toBe(`/incidents/${uuid(12)}`);
    await user.click(screen.getByRole('link', { name: '← Incidents' }));
    await screen.findByRole('table', { name: 'Incidents' });
    expect(router.state.location.search).toBe('?state=active');
  });

  it('a facet click reloads the list through the route loader', async () => {
    const { api, user, router } = setup('/incidents');
    await screen.findByRole('table', { name: 'Incidents' });
    await user.click(within(screen.getByRole('group', { name: 'Filter by state' })).getByRole('button', { name: /^resolved/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?state=resolved'));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Incidents' })).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('table', { name: 'Incidents' })).toHaveTextContent('Search slow');
    expect(api.callsTo('GET', '/api/incidents').at(-1)!.url.searchParams.getAll('state')).toEqual(['resolved']);
  });

  it('the incident page picks teams from the teams feature', async () => {
    const { api, user } = setup(`/incidents/${uuid(12)}`);
    await screen.findByRole('heading', { level: 1, name: 'IR-12 Checkout errors' });
    await user.click(screen.getByRole('button', { name: /^Teams/ }));
    const dialog = screen.getByRole('dialog', { name: 'Teams on IR-12' });
    const webBox = await within(dialog).findByRole('checkbox', { name: 'web' });
    expect(within(dialog).getByRole('checkbox', { name: 'payments' })).toBeChecked();
    expect(webBox).toHaveAccessibleDescription('Web');
    await user.click(webBox);
    await user.click(within(dialog).getByRole('button', { name: 'Save teams' }));
    await waitFor(() => expect(api.callsTo('PATCH', `/api/incidents/${uuid(12)}`)[0]!.body).toEqual({ teams: ['payments', 'web'] }));
  });

  it('an incident id that is not a UUID is not found, and nothing is fetched for it', async () => {
    const { api } = setup('/incidents/12');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(api.callsTo('GET', /\/api\/incidents\//)).toHaveLength(0);
  });

  it('a timeline that fails to load leaves the rest of the incident usable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setup(`/incidents/${uuid(12)}`, {
      'GET /api/incidents/:id/timeline': () => reply.error(500, 'internal', 'Timeline store unavailable'),
    });
    await screen.findByRole('heading', { level: 1, name: 'IR-12 Checkout errors' });
    expect(await screen.findByText(/Couldn't load the timeline/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Severity' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
