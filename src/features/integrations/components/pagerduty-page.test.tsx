import { screen, waitFor, within } from '@testing-library/react';
import type { PagerDutyOverview } from '../../../contract/integrations';
import { pagerDutyOverview } from '../../../testing/datadog-integration-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { PagerDutyPage } from './pagerduty-page';

function setup(routes: MockRoutes = {}, initial: PagerDutyOverview = pagerDutyOverview()) {
  const state = { data: initial };
  const api = mockApi({
    'GET /api/integrations/pagerduty': () => reply.json(state.data),
    'POST /api/integrations/pagerduty': (req: MockRequest) => {
      const { name, serviceKey } = req.body as { name: string; serviceKey: string };
      const service = { name, serviceKey: `******${serviceKey.slice(-4)}`, handle: `@pagerduty-${name}` };
      state.data = { ...state.data, services: [...state.data.services, service] };
      return reply.json(service, 201);
    },
    'PUT /api/integrations/pagerduty/:name': (req: MockRequest) => {
      const { serviceKey } = req.body as { serviceKey: string };
      state.data = {
        ...state.data,
        services: state.data.services.map((s) => (s.name === req.params.name ? { ...s, serviceKey: `******${serviceKey.slice(-4)}` } : s)),
      };
      return reply.json(state.data.services.find((s) => s.name === req.params.name));
    },
    'DELETE /api/integrations/pagerduty/:name': (req: MockRequest) => {
      state.data = { ...state.data, services: state.data.services.filter((s) => s.name !== req.params.name) };
      return reply.noContent();
    },
    ...routes,
  });
  const view = renderWithProviders(<PagerDutyPage />, { path: '/integrations/pagerduty' });
  return { api, state, ...view };
}

function row(name: string) {
  return within(screen.getByRole('table', { name: 'PagerDuty services' }))
    .getByRole('rowheader', { name })
    .closest('tr')!;
}

const keyInput = (dialog: HTMLElement) => within(dialog).getByLabelText('Service key') as HTMLInputElement;

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('PagerDutyPage', () => {
  it('lists services with the key as its mask only, and the handle to copy', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    expect(row('payments')).toHaveTextContent('******7f3a');
    await user.click(within(row('payments')).getByRole('button', { name: 'Copy @pagerduty-payments' }));
    expect(await navigator.clipboard.readText()).toBe('@pagerduty-payments');
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('says when Datadog did not list every service', async () => {
    setup({}, pagerDutyOverview({ listing: 'partial' }));
    expect(await screen.findByRole('note')).toHaveTextContent("Datadog did not list every service; showing the ones watchdeck knows");
  });

  it('checks a new service with the contract schema: a missing key or bad name sends nothing', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Add PagerDuty service' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a PagerDuty service' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Service name' }), 'on call');
    await user.click(within(dialog).getByRole('button', { name: 'Add service' }));
    expect(within(dialog).getByRole('textbox', { name: 'Service name' })).toHaveAccessibleDescription(/A service name is letters, digits/);
    expect(keyInput(dialog)).toHaveAttribute('aria-invalid', 'true');
    expect(keyInput(dialog)).toHaveAccessibleDescription(/A service key is required/);
    expect(keyInput(dialog)).toHaveAttribute('type', 'password');
    expect(api.callsTo('POST', '/api/integrations/pagerduty')).toHaveLength(0);
  });

  it('adds a service with its key; the list shows only the mask', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Add PagerDuty service' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a PagerDuty service' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Service name' }), 'search');
    expect(within(dialog).getByRole('textbox', { name: 'Service name' })).toHaveAccessibleDescription(/Monitors page it with @pagerduty-search/);
    await user.type(keyInput(dialog), 'pd-key-0000-9c1d');
    await user.click(within(dialog).getByRole('button', { name: 'Add service' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/integrations/pagerduty')[0]!.body).toEqual({ name: 'search', serviceKey: 'pd-key-0000-9c1d' });
    await waitFor(() => expect(row('search')).toHaveTextContent('******9c1d'));
    expect(screen.queryByText('pd-key-0000-9c1d')).not.toBeInTheDocument();
  });

  it('replaces a key: the new key is sent', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Replace key of payments' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace the key of payments' });
    expect(dialog).toHaveTextContent('******7f3a');
    expect(keyInput(dialog)).toHaveValue('');
    await user.type(keyInput(dialog), 'new-secret-key-4b2e');
    await user.click(within(dialog).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', '/api/integrations/pagerduty/payments').map((c) => c.body)).toEqual([{ serviceKey: 'new-secret-key-4b2e' }]);
    await waitFor(() => expect(row('payments')).toHaveTextContent('******4b2e'));
  });

  it('keeps a key: Keep current sends nothing', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Replace key of payments' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace the key of payments' });
    await user.type(keyInput(dialog), 'typed-then-dropped');
    await user.click(within(dialog).getByRole('button', { name: 'Keep current Service key' }));
    expect(within(dialog).queryByLabelText('Service key', { selector: 'input' })).not.toBeInTheDocument();
    expect(dialog).toHaveTextContent('Configured: ******7f3a');
    await user.click(within(dialog).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', /\/api\/integrations\/pagerduty\//)).toHaveLength(0);
  });

  it('says an empty replacement is neither a key nor a keep', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Replace key of payments' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace the key of payments' });
    await user.click(within(dialog).getByRole('button', { name: 'Save key' }));
    expect(keyInput(dialog)).toHaveAccessibleDescription(/Enter the new service key, or choose Keep current/);
    expect(api.callsTo('PUT', /pagerduty/)).toHaveLength(0);
  });

  it('shows a server error on the key next to it', async () => {
    const { user } = setup({
      'PUT /api/integrations/pagerduty/:name': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', { fields: { serviceKey: ['PagerDuty rejected this key'] } }),
    });
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Replace key of payments' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace the key of payments' });
    await user.type(keyInput(dialog), 'not-a-real-key');
    await user.click(within(dialog).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(keyInput(dialog)).toHaveAccessibleDescription(/PagerDuty rejected this key/));
    expect(keyInput(dialog)).toHaveValue('not-a-real-key');
  });

  it('removes a service after a confirmation naming the handle that stops working', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'PagerDuty' });
    await user.click(screen.getByRole('button', { name: 'Remove payments…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove PagerDuty service payments?' });
    expect(dialog).toHaveTextContent('@pagerduty-payments stops working');
    await user.click(within(dialog).getByRole('button', { name: 'Remove payments' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/integrations/pagerduty/payments')).toHaveLength(1);
  });
});
