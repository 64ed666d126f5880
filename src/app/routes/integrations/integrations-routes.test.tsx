import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { atlasProjectsResponse } from '../../../testing/atlas-fixtures';
import { overviewResponse, webhooksOverview } from '../../../testing/datadog-integration-fixtures';
import { mockApi, reply, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { createRoutes } from '../../router';

function setup(url = '/integrations', role: Role = 'admin', routes: MockRoutes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor(role),
    'GET /api/integrations': overviewResponse(),
    'GET /api/integrations/atlas/projects': atlasProjectsResponse(),
    'GET /api/integrations/webhooks': webhooksOverview(),
    ...routes,
  });
  const queryClient = createTestQueryClient();
  const view = renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient });
  return { api, ...view };
}

const tile = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('the integrations overview', () => {
  it('shows a tile per integration: status, count, last change, @-handles and a link to its page', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Integrations' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');

    const slack = tile('Slack');
    expect(slack).toHaveTextContent('Configured');
    expect(slack).toHaveTextContent('2 channels');
    expect(slack).toHaveTextContent('Last changed 3 min ago by root-admin');
    expect(within(within(slack).getByRole('list', { name: 'Slack @-handles' })).getAllByRole('listitem').map((li) => li.querySelector('code')!.textContent)).toEqual([
      '@slack-alerts',
      '@slack-ops',
    ]);
    expect(within(slack).getByRole('link', { name: 'Manage Slack' })).toHaveAttribute('href', '/integrations/slack');

    const aws = tile('AWS');
    expect(aws).toHaveTextContent('Not configured');
    expect(aws).toHaveTextContent('0 accounts');
    expect(aws).toHaveTextContent('No changes through watchdeck yet');
    expect(aws).toHaveTextContent('AWS collects data; it adds no @-handles.');
    expect(within(aws).getByRole('link', { name: 'Manage AWS' })).toHaveAttribute('href', '/integrations/aws');

    expect(tile('Webhooks')).toHaveTextContent('Last changed 2 h ago by alice-admin');

    const atlas = await screen.findByRole('region', { name: 'MongoDB Atlas' });
    expect(atlas).toHaveTextContent('Configured');
    expect(atlas).toHaveTextContent('2 configurations in 1 project of 2');
    expect(within(atlas).getByRole('link', { name: 'Manage MongoDB Atlas' })).toHaveAttribute('href', '/integrations/atlas');
  });

  it('shows a tile that could not be read as an error, with why', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Integrations' });
    const pagerduty = tile('PagerDuty');
    expect(pagerduty).toHaveTextContent('Error');
    expect(pagerduty).toHaveTextContent("Couldn't read PagerDuty: Datadog answered 502 Bad Gateway");
    expect(pagerduty).not.toHaveTextContent('0 services');
    expect(within(pagerduty).getByRole('link', { name: 'Manage PagerDuty' })).toBeInTheDocument();
  });

  it('copies an @-handle and says so in a live region', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Integrations' });
    const slack = tile('Slack');
    await user.click(within(slack).getByRole('button', { name: 'Copy @slack-ops' }));
    expect(await navigator.clipboard.readText()).toBe('@slack-ops');
    const item = within(slack).getByText('@slack-ops').closest('li')!;
    expect(within(item).getByRole('status')).toHaveTextContent('Copied');
  });

  it('keeps the other tiles when Atlas cannot be read, and Retry loads it', async () => {
    let fail = true;
    const { user } = setup('/integrations', 'admin', {
      'GET /api/integrations/atlas/projects': () => (fail ? reply.error(502, 'upstream_error', 'Atlas answered 500') : reply.json(atlasProjectsResponse({ available: false, projects: [] }))),
    });
    await screen.findByRole('heading', { level: 1, name: 'Integrations' });
    const atlas = await screen.findByRole('region', { name: 'MongoDB Atlas' });
    await within(atlas).findByText(/Atlas answered 500/);
    expect(atlas).toHaveTextContent('Error');
    expect(tile('Slack')).toHaveTextContent('Configured');
    fail = false;
    await user.click(within(atlas).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'MongoDB Atlas' })).toHaveTextContent('watchdeck has no Atlas API keys'));
    expect(screen.getByRole('region', { name: 'MongoDB Atlas' })).toHaveTextContent('Not configured');
  });

  it.each(['viewer', 'responder'] as const)('a %s sees no Integrations link and an admins-only page, and nothing is fetched', async (role) => {
    const { api } = setup('/integrations', role);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Only admins manage integrations' });
    expect(heading.closest('section')).toHaveTextContent(`You are signed in as ${role === 'viewer' ? 'vera' : 'alice'} (${role}).`);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Integrations' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/integrations')).toHaveLength(0);
  });

  it('shows the admins-only state when the BFF answers 403', async () => {
    setup('/integrations/webhooks', 'admin', {
      'GET /api/integrations/webhooks': () => reply.error(403, 'forbidden', 'Only admins may manage integrations'),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Only admins manage integrations' })).toBeInTheDocument();
  });

  it('shows other load failures like every page, with Retry', async () => {
    setup('/integrations', 'admin', {
      'GET /api/integrations': () => reply.error(504, 'upstream_timeout', 'Datadog did not answer in 10 s'),
    });
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByRole('heading', { name: "Couldn't load this page" })).toBeInTheDocument();
    expect(panel).toHaveTextContent('upstream_timeout');
    expect(within(panel).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('opens a form page from its tile, with the overview a link away', async () => {
    const { user, router } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Integrations' });
    await user.click(within(tile('Webhooks')).getByRole('link', { name: 'Manage Webhooks' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Webhooks' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/integrations/webhooks');
    await user.click(screen.getByRole('link', { name: '← Integrations' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
  });
});
