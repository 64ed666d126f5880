import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import type { IncidentSummary } from '../../../contract/incidents';
import { buildIncident, incidentListResponse, people, summaryOf } from '../../../testing/incident-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { IncidentList } from './incident-list';

const STATES = ['active', 'stable', 'resolved', 'completed'];
const SEVS = ['SEV-1', 'SEV-2', 'SEV-3'];

/** 30 incidents: IR-30 down to IR-1, newest first, cycling through states and severities. */
const all: IncidentSummary[] = Array.from({ length: 30 }, (_, k) => {
  const n = 30 - k;
  return summaryOf(
    buildIncident(n, {
      state: STATES[n % 4]!,
      severity: SEVS[n % 3]!,
      teams: n % 2 ? ['payments'] : ['web', 'payments'],
      commander: n === 30 ? null : people[n % 2]!,
      customerImpacted: n % 5 !== 0,
      createdAt: FIXTURE_NOW - n * 3_600_000,
    }),
  );
});

/** GET /api/incidents as the BFF answers it: filters, then one page, with facets over the matches. */
function listHandler(incidents: IncidentSummary[]) {
  return (req: MockRequest) => {
    const p = req.url.searchParams;
    const states = p.getAll('state');
    const severities = p.getAll('severity');
    const team = p.get('team');
    const q = p.get('q')?.toLowerCase();
    const matching = incidents.filter(
      (i) =>
        (states.length === 0 || states.includes(i.state)) &&
        (severities.length === 0 || severities.includes(i.severity)) &&
        (!team || i.teams.includes(team)) &&
        (!q || i.title.toLowerCase().includes(q)),
    );
    return reply.json(incidentListResponse(matching, { offset: Number(p.get('offset') ?? 0), size: Number(p.get('size') ?? 25) }));
  };
}

function setup(url = '/incidents', role: Role = 'responder', routes: MockRoutes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor(role),
    'GET /api/incidents': listHandler(all),
    ...routes,
  });
  const view = renderWithProviders(<IncidentList />, {
    path: '/incidents',
    initialEntries: [url],
    extraRoutes: [{ path: '/incidents/:id', element: <p>Incident page</p> }],
  });
  return { api, ...view };
}

function table() {
  return screen.getByRole('table', { name: 'Incidents' });
}

function rowIds(): string[] {
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('link', { name: /^IR-/ }).textContent ?? '');
}

function facet(group: 'state' | 'severity', value: string) {
  return within(screen.getByRole('group', { name: `Filter by ${group}` })).getByRole('button', {
    name: new RegExp(`^${value}: \\d+ incidents?$`),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('IncidentList', () => {
  it('shows IR-n (link), title, severity, state, commander, teams, age and customer impact per row', async () => {
    setup();
    await screen.findByRole('table', { name: 'Incidents' });
    const link = screen.getByRole('link', { name: 'IR-29' });
    expect(link).toHaveAttribute('href', `/incidents/${all[1]!.id}`);
    const row = within(link.closest('tr')!);
    expect(row.getByRole('rowheader')).toHaveTextContent('Incident number 29');
    expect(row.getByText('SEV-3')).toBeInTheDocument();
    expect(row.getByText('stable')).toBeInTheDocument();
    expect(row.getByText('Grace Hopper')).toBeInTheDocument();
    expect(row.getByRole('list', { name: 'Teams' })).toHaveTextContent('payments');
    expect(row.getByRole('link', { name: 'payments' })).toHaveAttribute('href', '/incidents?team=payments');
    expect(row.getByText('1 d ago')).toHaveAttribute('title');
    expect(row.getByText('Yes')).toHaveAttribute('title', 'EU customers cannot pay by card');

    const unassigned = within(screen.getByRole('link', { name: 'IR-30' }).closest('tr')!);
    expect(unassigned.getByText('None')).toBeInTheDocument();
    expect(unassigned.getByText('No')).toBeInTheDocument();
  });

  it('reads state and severity filters from the URL: sends them, presses the facets and shows only matches', async () => {
    const { api } = setup('/incidents?state=active&severity=SEV-2');
    await screen.findByRole('table', { name: 'Incidents' });
    expect(api.callsTo('GET', '/api/incidents')[0]!.url.search).toBe('?state=active&severity=SEV-2&offset=0&size=25');
    expect(facet('state', 'active')).toHaveAttribute('aria-pressed', 'true');
    expect(facet('state', 'resolved')).toHaveAttribute('aria-pressed', 'false');
    expect(facet('severity', 'SEV-2')).toHaveAttribute('aria-pressed', 'true');
    for (const row of within(table()).getAllByRole('row').slice(1)) {
      expect(row).toHaveTextContent('active');
      expect(row).toHaveTextContent('SEV-2');
    }
    expect(screen.getByText(/incidents? match/)).toBeInTheDocument();
  });

  it('writes facet choices to the URL, counts from the BFF, and goes back to the first page', async () => {
    const { router, user, api } = setup('/incidents?state=active&offset=25');
    await screen.findByRole('table', { name: 'Incidents' });
    await user.click(facet('state', 'resolved'));
    await waitFor(() => expect(router.state.location.search).toBe('?state=active&state=resolved'));
    await waitFor(() => expect(api.callsTo('GET', '/api/incidents').at(-1)!.url.search).toBe('?state=active&state=resolved&offset=0&size=25'));
    await waitFor(() => expect(facet('state', 'resolved')).toHaveAttribute('aria-pressed', 'true'));
    expect(facet('state', 'active')).toHaveAccessibleName('active: 7 incidents');
    expect(facet('state', 'resolved')).toHaveAccessibleName('resolved: 8 incidents');

    await user.click(facet('severity', 'SEV-1'));
    await waitFor(() => expect(router.state.location.search).toBe('?state=active&state=resolved&severity=SEV-1'));
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('searches when typing pauses, writing q to the URL', async () => {
    const { router, user, api } = setup();
    await screen.findByRole('table', { name: 'Incidents' });
    // Typed without a pause (no task between keys, so no timer runs mid-word): with user-event's
    // default task between keys, a stall on a loaded machine can outlast the 300 ms debounce and
    // search for part of the text, which is not what this test types.
    await user.setup({ delay: null }).type(screen.getByRole('searchbox', { name: 'Search incidents' }), 'number 1');
    await waitFor(() => expect(router.state.location.search).toBe('?q=number+1'));
    await waitFor(() => expect(rowIds()).toEqual(['IR-19', 'IR-18', 'IR-17', 'IR-16', 'IR-15', 'IR-14', 'IR-13', 'IR-12', 'IR-11', 'IR-10', 'IR-1']));
    // One request for the search, not one per key.
    expect(api.callsTo('GET', '/api/incidents').filter((c) => c.url.searchParams.has('q'))).toHaveLength(1);
  });

  it('pages with Previous and Next, showing "1–25 of 30", with the offset in the URL', async () => {
    const { router, user, api } = setup();
    await screen.findByRole('table', { name: 'Incidents' });
    const pages = screen.getByRole('navigation', { name: 'Incident pages' });
    expect(pages).toHaveTextContent('1–25 of 30');
    expect(within(pages).getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(router.state.location.search).toBe('?offset=25'));
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Incident pages' })).toHaveTextContent('26–30 of 30'));
    expect(api.callsTo('GET', '/api/incidents').at(-1)!.url.searchParams.get('offset')).toBe('25');
    expect(rowIds()).toEqual(['IR-5', 'IR-4', 'IR-3', 'IR-2', 'IR-1']);
    expect(within(screen.getByRole('navigation', { name: 'Incident pages' })).getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.click(within(screen.getByRole('navigation', { name: 'Incident pages' })).getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('past the last page: says so and offers the first page', async () => {
    const { router, user } = setup('/incidents?offset=100');
    expect(await screen.findByText('No incidents on this page')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Incident pages' })).toHaveTextContent('0 of 30');
    await user.click(screen.getByRole('button', { name: 'Go to the first page' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('filters by team from the URL, shows it as a chip, and the chip removes it', async () => {
    const { router, user, api } = setup('/incidents?team=web');
    await screen.findByRole('table', { name: 'Incidents' });
    expect(api.callsTo('GET', '/api/incidents')[0]!.url.searchParams.get('team')).toBe('web');
    expect(screen.getByRole('list', { name: 'Team filter' })).toHaveTextContent('team: web');
    await user.click(screen.getByRole('button', { name: 'Remove team filter web' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says when there are no incidents at all, or none matching', async () => {
    setup('/incidents', 'responder', { 'GET /api/incidents': listHandler([]) });
    expect(await screen.findByText('No incidents yet')).toBeInTheDocument();
  });

  it('offers "Declare incident" to responders and admins only', async () => {
    setup('/incidents', 'viewer');
    await screen.findByRole('table', { name: 'Incidents' });
    expect(screen.queryByRole('button', { name: 'Declare incident' })).not.toBeInTheDocument();
  });

  it.each(['responder', 'admin'] as const)('a %s can open the declare dialog', async (role) => {
    const { user } = setup('/incidents', role, { 'GET /api/people': { people } });
    await screen.findByRole('table', { name: 'Incidents' });
    await user.click(screen.getByRole('button', { name: 'Declare incident' }));
    expect(screen.getByRole('dialog', { name: 'Declare an incident' })).toBeInTheDocument();
  });
});
