import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { checkoutProd, createAtlasFake, searchStaging } from '../../../testing/atlas-fixtures';
import { mockApi } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { createTestQueryClient, renderRoutes } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { createRoutes } from '../../router';

const PD_KEY = 'pd-integration-key-0000aaaa';
const PD_KEY_ROTATED = 'pd-integration-key-1111bbbb';
const TEAMS_URL = 'https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/def/4242';

/** The whole app at `url`, with a fresh cache each time (a page reload). */
function openApp(url: string) {
  const queryClient = createTestQueryClient();
  return renderRoutes(createRoutes(queryClient), { initialEntries: [url], queryClient });
}

function setup(role: Role = 'admin', fake = createAtlasFake()) {
  const api = mockApi({ 'GET /api/session': sessionFor(role), 'GET /api/config': appConfig, ...fake.routes });
  return { api, fake };
}

const card = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('/integrations/atlas', () => {
  it('configures PagerDuty and Microsoft Teams; after a reload both read back redacted; one key is rotated', async () => {
    const { api, fake } = setup();
    const first = openApp('/integrations/atlas');
    const { user } = first;
    expect(await screen.findByRole('heading', { level: 1, name: 'MongoDB Atlas' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue(checkoutProd.id);

    await user.click(within(card('PagerDuty')).getByRole('button', { name: 'Configure PagerDuty' }));
    await user.type(within(card('PagerDuty')).getByLabelText('Service key'), PD_KEY);
    await user.click(within(card('PagerDuty')).getByRole('button', { name: 'Save PagerDuty' }));
    await waitFor(() => expect(card('PagerDuty')).toHaveTextContent('Configured'));

    await user.click(within(card('Microsoft Teams')).getByRole('button', { name: 'Configure Microsoft Teams' }));
    await user.type(within(card('Microsoft Teams')).getByLabelText('Incoming webhook URL'), TEAMS_URL);
    await user.click(within(card('Microsoft Teams')).getByRole('button', { name: 'Save Microsoft Teams' }));
    await waitFor(() => expect(card('Microsoft Teams')).toHaveTextContent('Configured'));
    expect(fake.storedValues(checkoutProd.id, 'MICROSOFT_TEAMS')).toEqual({ microsoftTeamsWebhookUrl: TEAMS_URL });
    first.unmount();

    // Reload: a fresh cache, everything read from the BFF again.
    const { user: again } = openApp(`/integrations/atlas?project=${checkoutProd.id}`);
    const pd = await screen.findByRole('region', { name: 'PagerDuty' });
    expect(pd).toHaveTextContent('Service key******aaaa');
    expect(card('Microsoft Teams')).toHaveTextContent('Incoming webhook URLhttps://acme.webhook.office.com/******4242');
    expect(document.body).not.toHaveTextContent(PD_KEY);
    expect(document.body).not.toHaveTextContent(TEAMS_URL);
    for (const input of document.querySelectorAll('input')) expect(input.value).not.toContain('******');
    // Configured types are first, and offer Edit rather than a second create.
    expect(screen.getAllByRole('region').slice(1, 3).map((r) => within(r).getAllByRole('heading')[0]!.textContent)).toEqual([
      'PagerDuty',
      'Microsoft Teams',
    ]);
    expect(within(pd).queryByRole('button', { name: 'Configure PagerDuty' })).not.toBeInTheDocument();

    // Rotate the PagerDuty key; the Teams URL is untouched.
    await again.click(within(pd).getByRole('button', { name: 'Edit PagerDuty' }));
    await again.click(within(pd).getByRole('button', { name: 'Replace Service key' }));
    await again.type(within(pd).getByLabelText('Service key'), PD_KEY_ROTATED);
    await again.click(within(pd).getByRole('button', { name: 'Save PagerDuty' }));
    await waitFor(() => expect(card('PagerDuty')).toHaveTextContent('Service key******bbbb'));
    expect(api.callsTo('PUT', `/api/integrations/atlas/projects/${checkoutProd.id}/PAGER_DUTY`).map((c) => c.body)).toEqual([
      { serviceKey: PD_KEY_ROTATED },
    ]);
    expect(fake.storedValues(checkoutProd.id, 'PAGER_DUTY')).toEqual({ serviceKey: PD_KEY_ROTATED });
    expect(fake.storedValues(checkoutProd.id, 'MICROSOFT_TEAMS')).toEqual({ microsoftTeamsWebhookUrl: TEAMS_URL });
  });

  it('a second create of a type someone configured meanwhile is offered as an edit', async () => {
    const { api, fake } = setup();
    const { user } = openApp('/integrations/atlas');
    await user.click(within(await screen.findByRole('region', { name: 'PagerDuty' })).getByRole('button', { name: 'Configure PagerDuty' }));
    await user.type(within(card('PagerDuty')).getByLabelText('Service key'), PD_KEY);
    fake.configureBehindTheScenes(checkoutProd.id, 'PAGER_DUTY', { serviceKey: 'another-admins-key-7777' });
    await user.click(within(card('PagerDuty')).getByRole('button', { name: 'Save PagerDuty' }));

    expect(await within(card('PagerDuty')).findByRole('alert')).toHaveTextContent('PagerDuty was configured meanwhile — review it and edit');
    expect(within(card('PagerDuty')).getByRole('group', { name: 'Service key' })).toHaveTextContent('Configured: ******7777');
    expect(within(card('PagerDuty')).getByRole('button', { name: 'Save PagerDuty' })).toBeInTheDocument();
    expect(api.callsTo('PUT', /PAGER_DUTY$/)).toHaveLength(0);
    expect(fake.storedValues(checkoutProd.id, 'PAGER_DUTY')).toEqual({ serviceKey: 'another-admins-key-7777' });
  });

  it('loads the project named in ?project= before showing the page', async () => {
    const { api } = setup('admin', createAtlasFake({ stored: { [searchStaging.id]: { SLACK: { apiToken: 'xoxb-0000004444', teamName: 'search' } } } }));
    openApp(`/integrations/atlas?project=${searchStaging.id}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'search-staging' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue(searchStaging.id);
    expect(card('Slack')).toHaveTextContent('Configured');
    expect(api.calls.filter((c) => c.path.startsWith('/api/integrations/atlas/projects/')).map((c) => c.path)).toEqual([
      `/api/integrations/atlas/projects/${searchStaging.id}`,
    ]);
  });

  it.each(['viewer', 'responder'] as const)('a %s is told only admins manage integrations; nothing is read from Atlas', async (role) => {
    const { api } = setup(role);
    openApp('/integrations/atlas');
    expect(await screen.findByRole('heading', { name: 'Only admins manage integrations' })).toBeInTheDocument();
    expect(api.calls.filter((c) => c.path.startsWith('/api/integrations'))).toEqual([]);
  });
});
