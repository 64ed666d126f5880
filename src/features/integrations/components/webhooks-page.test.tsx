import { screen, waitFor, within } from '@testing-library/react';
import type { Webhook, WebhooksOverview } from '../../../contract/integrations';
import { WEBHOOK_SAMPLE_VALUES } from '../../../contract/webhook-template';
import { buildWebhook, overviewResponse, webhooksOverview } from '../../../testing/datadog-integration-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { WebhooksPage } from './webhooks-page';

function setup(routes: MockRoutes = {}, { testAvailable = true } = {}) {
  const state: { data: WebhooksOverview } = { data: webhooksOverview() };
  const api = mockApi({
    'GET /api/integrations/webhooks': () => reply.json(state.data),
    'GET /api/integrations': overviewResponse({ webhookTestAvailable: testAvailable }),
    'POST /api/integrations/webhooks': (req: MockRequest) => {
      const body = req.body as Webhook;
      const webhook = buildWebhook({ ...body, handle: `@webhook-${body.name}` });
      state.data = { ...state.data, webhooks: [...state.data.webhooks, webhook] };
      return reply.json(webhook, 201);
    },
    'PUT /api/integrations/webhooks/:name': (req: MockRequest) => {
      state.data = {
        ...state.data,
        webhooks: state.data.webhooks.map((w) => (w.name === req.params.name ? { ...w, ...(req.body as object) } : w)),
      };
      return reply.json(state.data.webhooks.find((w) => w.name === req.params.name));
    },
    'DELETE /api/integrations/webhooks/:name': (req: MockRequest) => {
      state.data = { ...state.data, webhooks: state.data.webhooks.filter((w) => w.name !== req.params.name) };
      return reply.noContent();
    },
    'POST /api/integrations/webhook-variables': (req: MockRequest) => reply.json(req.body, 201),
    'PUT /api/integrations/webhook-variables/:name': (req: MockRequest) => reply.json({ name: req.params.name, ...(req.body as object) }),
    'DELETE /api/integrations/webhook-variables/:name': () => reply.noContent(),
    ...routes,
  });
  const view = renderWithProviders(<WebhooksPage />, { path: '/integrations/webhooks' });
  return { api, state, ...view };
}

type User = ReturnType<typeof setup>['user'];

async function openNew(user: User) {
  await screen.findByRole('heading', { level: 1, name: 'Webhooks' });
  await user.click(screen.getByRole('button', { name: 'New webhook' }));
  return screen.getByRole('dialog', { name: 'New webhook' });
}

const field = (dialog: HTMLElement, name: string) => within(dialog).getByRole('textbox', { name });

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('WebhooksPage', () => {
  it('lists each webhook with its URL, headers, payload kind and @-handle to copy', async () => {
    const { user } = setup();
    const card = await screen.findByRole('region', { name: 'ops-hook' });
    expect(card).toHaveTextContent('https://hooks.example.com/ops');
    expect(card).toHaveTextContent('X-Team');
    expect(card).toHaveTextContent("Datadog's default");
    await user.click(within(card).getByRole('button', { name: 'Copy @webhook-ops-hook' }));
    expect(await navigator.clipboard.readText()).toBe('@webhook-ops-hook');
    const vars = screen.getByRole('table', { name: 'Custom variables' });
    expect(within(vars).getByRole('rowheader', { name: '$API_TOKEN' }).closest('tr')).toHaveTextContent('****** (secret)');
    expect(within(vars).getByRole('rowheader', { name: '$TEAM' }).closest('tr')).toHaveTextContent('payments');
  });

  it('checks fields with the contract schema on blur and on submit: a malformed URL or missing name sends nothing', async () => {
    const { user, api } = setup();
    const dialog = await openNew(user);
    const url = field(dialog, 'URL');
    await user.type(url, 'hooks.example.com/x');
    await user.tab();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/The URL must be a full http:\/\/ or https:\/\/ URL/);

    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    const name = field(dialog, 'Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/A webhook name is letters, digits, _ or -/);
    expect(name).toHaveFocus();
    expect(api.callsTo('POST', '/api/integrations/webhooks')).toHaveLength(0);
    expect(url).toHaveValue('hooks.example.com/x');
  });

  it('creates a webhook with custom headers and a payload, previewed live, then lists it with its @-handle', async () => {
    const { user, api, toasts } = setup();
    const dialog = await openNew(user);
    await user.type(field(dialog, 'Name'), 'pager-bridge');
    expect(field(dialog, 'Name')).toHaveAccessibleDescription(/Monitors notify it with @webhook-pager-bridge/);
    await user.type(field(dialog, 'URL'), 'https://bridge.example.com/in');

    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(field(dialog, 'Header 1 key'), 'X-Token');
    // A credential's value is typed like a password.
    expect(within(dialog).getByLabelText('Header 1 value')).toHaveAttribute('type', 'password');
    await user.type(within(dialog).getByLabelText('Header 1 value'), 'abc123');
    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(field(dialog, 'Header 2 key'), 'X-Team');
    await user.type(field(dialog, 'Header 2 value'), '$TEAM');

    const payload = field(dialog, 'Payload');
    await user.click(payload);
    await user.paste('{"title": "$EVENT_TITLE", "team": "$TEAM", "host": "$HOSTNAME"}');
    const preview = within(dialog).getByLabelText('Rendered preview');
    expect(preview.textContent).toBe(JSON.stringify({ title: WEBHOOK_SAMPLE_VALUES.EVENT_TITLE, team: 'payments', host: 'web-2' }, null, 2));
    expect(within(within(dialog).getByRole('list', { name: 'Variables used' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '$EVENT_TITLE',
      '$TEAM',
      '$HOSTNAME',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/integrations/webhooks')[0]!.body).toEqual({
      name: 'pager-bridge',
      url: 'https://bridge.example.com/in',
      encodeAs: 'json',
      customHeaders: { 'X-Token': 'abc123', 'X-Team': '$TEAM' },
      payload: '{"title": "$EVENT_TITLE", "team": "$TEAM", "host": "$HOSTNAME"}',
    });
    expect(toasts.getSnapshot().map((t) => t.message)).toEqual(['Webhook pager-bridge created']);
    const card = await screen.findByRole('region', { name: 'pager-bridge' });
    expect(within(card).getByRole('button', { name: 'Copy @webhook-pager-bridge' })).toBeInTheDocument();
    expect(card).toHaveTextContent('Custom template');
  });

  it('shows the template error in the preview as it is typed, and on the field at submit, sending nothing', async () => {
    const { user, api } = setup();
    const dialog = await openNew(user);
    await user.type(field(dialog, 'Name'), 'bad-json');
    await user.type(field(dialog, 'URL'), 'https://x.example.com');
    await user.click(field(dialog, 'Payload'));
    await user.paste('{"title": "$EVENT_TITLE",,}');
    expect(within(dialog).getByRole('region', { name: 'Preview with sample values' })).toHaveTextContent(/The payload is not valid JSON/);
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(field(dialog, 'Payload')).toHaveAttribute('aria-invalid', 'true');
    expect(field(dialog, 'Payload')).toHaveAccessibleDescription(/The payload is not valid JSON/);
    expect(api.callsTo('POST', '/api/integrations/webhooks')).toHaveLength(0);
  });

  it('checks header rows: a bad name or a repeated header shows on its row', async () => {
    const { user, api } = setup();
    const dialog = await openNew(user);
    await user.type(field(dialog, 'Name'), 'hdrs');
    await user.type(field(dialog, 'URL'), 'https://x.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(field(dialog, 'Header 1 key'), 'Bad Name');
    await user.type(field(dialog, 'Header 1 value'), 'v');
    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(field(dialog, 'Header 2 key'), 'X-A');
    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(field(dialog, 'Header 3 key'), 'x-a');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(field(dialog, 'Header 1 key')).toHaveAccessibleDescription('A header name is letters, digits and - (no spaces)');
    expect(field(dialog, 'Header 2 key')).not.toHaveAttribute('aria-invalid');
    expect(field(dialog, 'Header 3 key')).toHaveAccessibleDescription(/listed twice/);
    expect(api.callsTo('POST', '/api/integrations/webhooks')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Remove header 3 (x-a)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove header 1 (Bad Name)' }));
    expect(field(dialog, 'Header 1 key')).toHaveValue('X-A');
    expect(within(dialog).queryByRole('textbox', { name: 'Header 2 key' })).not.toBeInTheDocument();
  });

  it('maps server field errors to their fields, header rows included', async () => {
    const { user } = setup({
      'POST /api/integrations/webhooks': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', {
          fields: { 'customHeaders.X-Token': ['Datadog refuses this header'], url: ['Datadog cannot reach this host'] },
        }),
    });
    const dialog = await openNew(user);
    await user.type(field(dialog, 'Name'), 'srv');
    await user.type(field(dialog, 'URL'), 'https://internal.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(field(dialog, 'Header 1 key'), 'X-Token');
    await user.type(within(dialog).getByLabelText('Header 1 value'), 'secret');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(field(dialog, 'Header 1 key')).toHaveAccessibleDescription('Datadog refuses this header'));
    expect(within(dialog).getByLabelText('Header 1 value')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Header 1 value')).toHaveAccessibleDescription('Datadog refuses this header');
    expect(field(dialog, 'URL')).toHaveAccessibleDescription(/Datadog cannot reach this host/);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The webhook was not created');
    // Editing the field takes its server error away.
    await user.type(field(dialog, 'URL'), '/x');
    expect(field(dialog, 'URL')).not.toHaveAttribute('aria-invalid');
  });

  it('shows a refusal about no field of the form in full, and a taken name (409) on the name', async () => {
    let answer = reply.error(400, 'validation_failed', 'The request is not valid', { fields: { body: ['Nothing to change'] } });
    const { user } = setup({ 'POST /api/integrations/webhooks': () => answer });
    const dialog = await openNew(user);
    await user.type(field(dialog, 'Name'), 'ops-hook');
    await user.type(field(dialog, 'URL'), 'https://x.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The webhook was not created: Nothing to change');
    answer = reply.error(409, 'conflict', 'A webhook named ops-hook exists already');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    await waitFor(() => expect(field(dialog, 'Name')).toHaveAccessibleDescription(/A webhook named ops-hook exists already/));
    // The failed save asks for the focus (onError); an effect moves it once the error is rendered.
    await waitFor(() => expect(field(dialog, 'Name')).toHaveFocus());
    expect(field(dialog, 'Name')).toHaveValue('ops-hook');
  });

  it('edits a webhook, sending only what changed', async () => {
    const { user, api } = setup();
    await screen.findByRole('region', { name: 'ops-hook' });
    await user.click(screen.getByRole('button', { name: 'Edit ops-hook' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit webhook ops-hook' });
    expect(field(dialog, 'Name')).toHaveAttribute('readonly');
    expect(field(dialog, 'Header 1 key')).toHaveValue('X-Team');
    await user.click(within(dialog).getByRole('radio', { name: 'Form' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove header 1 (X-Team)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', '/api/integrations/webhooks/ops-hook')[0]!.body).toEqual({ encodeAs: 'form', customHeaders: {} });
  });

  describe('a credential header (Authorization, tokens, API keys) read back masked', () => {
    const masked = () =>
      setup({
        'GET /api/integrations/webhooks': () =>
          reply.json(webhooksOverview({ webhooks: [buildWebhook({ customHeaders: { Authorization: '******abcd', 'X-Team': 'ops' } })] })),
      });
    const openEdit = async (user: User) => {
      await screen.findByRole('region', { name: 'ops-hook' });
      await user.click(screen.getByRole('button', { name: 'Edit ops-hook' }));
      return screen.getByRole('dialog', { name: 'Edit webhook ops-hook' });
    };

    it('shows the mask as configured, with Replace, never as an editable value; other edits send it back to keep it', async () => {
      const { user, api } = masked();
      const dialog = await openEdit(user);
      const value = within(dialog).getByRole('group', { name: 'Header 1 value' });
      expect(value).toHaveTextContent('Configured: ******abcd');
      expect(within(value).getByRole('button', { name: 'Replace Header 1 value' })).toBeInTheDocument();
      for (const input of dialog.querySelectorAll('input')) expect(input.value).not.toContain('******');
      // Its name goes with its stored value, so it cannot be renamed in place.
      expect(field(dialog, 'Header 1 key')).toHaveAttribute('readonly');
      expect(field(dialog, 'Header 2 value')).toHaveValue('ops');

      await user.clear(field(dialog, 'Header 2 value'));
      await user.type(field(dialog, 'Header 2 value'), 'sre');
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      // The mask sent back means "keep the stored value".
      expect(api.callsTo('PUT', '/api/integrations/webhooks/ops-hook').map((c) => c.body)).toEqual([
        { customHeaders: { Authorization: '******abcd', 'X-Team': 'sre' } },
      ]);
    });

    it('an edit of something else leaves the headers out', async () => {
      const { user, api } = masked();
      const dialog = await openEdit(user);
      await user.type(field(dialog, 'URL'), '/v2');
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(api.callsTo('PUT', '/api/integrations/webhooks/ops-hook')[0]!.body).toEqual({ url: 'https://hooks.example.com/ops/v2' });
    });

    it('Replace takes a new value in a password input; left empty it is an error, and Keep current goes back', async () => {
      const { user, api } = masked();
      const dialog = await openEdit(user);
      await user.click(within(dialog).getByRole('button', { name: 'Replace Header 1 value' }));
      const input = within(dialog).getByLabelText('Header 1 value');
      expect(input).toHaveAttribute('type', 'password');
      expect(input).toHaveValue('');
      expect(input).toHaveFocus();
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      expect(input).toHaveAccessibleDescription(/Enter the new value of Authorization, or choose Keep current/);
      expect(api.callsTo('PUT', /webhooks/)).toHaveLength(0);

      await user.click(within(dialog).getByRole('button', { name: 'Keep current Header 1 value' }));
      expect(within(dialog).getByRole('group', { name: 'Header 1 value' })).toHaveTextContent('Configured: ******abcd');
      await user.click(within(dialog).getByRole('button', { name: 'Replace Header 1 value' }));
      await user.type(within(dialog).getByLabelText('Header 1 value'), 'Bearer new-token-9876');
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(api.callsTo('PUT', '/api/integrations/webhooks/ops-hook').map((c) => c.body)).toEqual([
        { customHeaders: { Authorization: 'Bearer new-token-9876', 'X-Team': 'ops' } },
      ]);
    });

    it('refuses a mask typed in as a new value (it would mean "keep")', async () => {
      const { user, api } = masked();
      const dialog = await openEdit(user);
      await user.click(within(dialog).getByRole('button', { name: 'Replace Header 1 value' }));
      await user.type(within(dialog).getByLabelText('Header 1 value'), '******abcd');
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      expect(within(dialog).getByLabelText('Header 1 value')).toHaveAccessibleDescription(/Enter the value of Authorization itself, not its mask/);
      expect(api.callsTo('PUT', /webhooks/)).toHaveLength(0);
    });
  });

  it('deletes a webhook after a confirmation naming the handle that stops working', async () => {
    const { user, api } = setup();
    await screen.findByRole('region', { name: 'ops-hook' });
    await user.click(screen.getByRole('button', { name: 'Delete ops-hook…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete webhook ops-hook?' });
    expect(dialog).toHaveTextContent('@webhook-ops-hook stops working');
    await user.click(within(dialog).getByRole('button', { name: 'Delete ops-hook' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/integrations/webhooks/ops-hook')).toHaveLength(1);
    expect(await screen.findByText('No webhooks yet')).toBeInTheDocument();
  });

  it("sends a test and shows the receiver's status and body", async () => {
    const { user, api } = setup({
      'POST /api/integrations/webhooks/:name/test': () =>
        reply.json({ ok: true, status: 202, body: '{"accepted":true}', durationMs: 41.6, sent: '{"title":"x"}' }),
    });
    const card = await screen.findByRole('region', { name: 'ops-hook' });
    await user.click(within(card).getByRole('button', { name: 'Send test' }));
    await within(card).findByText('Delivered: the receiver answered 202 in 42 ms.');
    expect(within(card).getAllByRole('status').map((s) => s.textContent)).toContain('Delivered: the receiver answered 202 in 42 ms.');
    expect(within(card).getByLabelText("Receiver's answer")).toHaveTextContent('{"accepted":true}');
    expect(api.callsTo('POST', '/api/integrations/webhooks/ops-hook/test')).toHaveLength(1);
  });

  it('shows a failed delivery, and a test that could not be sent, inline', async () => {
    let mode: 'refused' | 'error' = 'refused';
    const { user } = setup({
      'POST /api/integrations/webhooks/:name/test': () =>
        mode === 'refused'
          ? reply.json({ ok: false, status: 500, body: 'boom', durationMs: 12, sent: '{}' })
          : reply.error(502, 'upstream_error', 'The local Datadog did not answer'),
    });
    const card = await screen.findByRole('region', { name: 'ops-hook' });
    await user.click(within(card).getByRole('button', { name: 'Send test' }));
    expect(await within(card).findByText('Not delivered: the receiver answered 500.')).toBeInTheDocument();
    expect(within(card).getByLabelText("Receiver's answer")).toHaveTextContent('boom');
    mode = 'error';
    await user.click(within(card).getByRole('button', { name: 'Send test' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('The test was not sent: The local Datadog did not answer');
  });

  it('offers no Send test where test deliveries are not available', async () => {
    setup({}, { testAvailable: false });
    const card = await screen.findByRole('region', { name: 'ops-hook' });
    expect(within(card).queryByRole('button', { name: 'Send test' })).not.toBeInTheDocument();
    expect(screen.getByText(/Test deliveries work with the local Datadog only/)).toBeInTheDocument();
  });

  it('adds a secret custom variable, checked with the contract schema first', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Webhooks' });
    await user.click(screen.getByRole('button', { name: 'New variable' }));
    const dialog = screen.getByRole('dialog', { name: 'New custom variable' });
    await user.type(field(dialog, 'Variable name'), 'lower');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Secret' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add variable' }));
    expect(field(dialog, 'Variable name')).toHaveAccessibleDescription(/Upper-case letters, digits and _, starting with a letter/);
    expect(within(dialog).getByLabelText('Value')).toHaveAccessibleDescription(/A value is required/);
    expect(api.callsTo('POST', '/api/integrations/webhook-variables')).toHaveLength(0);

    await user.clear(field(dialog, 'Variable name'));
    await user.type(field(dialog, 'Variable name'), 'ROUTING_KEY');
    await user.type(within(dialog).getByLabelText('Value'), 'rk-0042');
    expect(within(dialog).getByLabelText('Value')).toHaveAttribute('type', 'password');
    await user.click(within(dialog).getByRole('button', { name: 'Add variable' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/integrations/webhook-variables')[0]!.body).toEqual({ name: 'ROUTING_KEY', value: 'rk-0042', isSecret: true });
  });

  it('edits a secret variable: kept sends no value, replaced sends the new one', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Webhooks' });
    await user.click(screen.getByRole('button', { name: 'Edit API_TOKEN' }));
    let dialog = screen.getByRole('dialog', { name: 'Edit variable API_TOKEN' });
    expect(dialog).toHaveTextContent('Configured: ******');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', /webhook-variables/)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Edit API_TOKEN' }));
    dialog = screen.getByRole('dialog', { name: 'Edit variable API_TOKEN' });
    await user.click(within(dialog).getByRole('button', { name: 'Replace Value' }));
    await user.type(within(dialog).getByLabelText('Value'), 'tok-new-99');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', '/api/integrations/webhook-variables/API_TOKEN').map((c) => c.body)).toEqual([{ value: 'tok-new-99' }]);
  });

  it('makes a secret variable plain only with a new value', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Webhooks' });
    await user.click(screen.getByRole('button', { name: 'Edit API_TOKEN' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit variable API_TOKEN' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Secret' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(within(dialog).getByRole('group', { name: 'Value' })).toHaveAccessibleDescription(/A secret becomes plain only with a new value/);
    expect(api.callsTo('PUT', /webhook-variables/)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Replace Value' }));
    await user.type(within(dialog).getByLabelText('Value'), 'now-public');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', '/api/integrations/webhook-variables/API_TOKEN')[0]!.body).toEqual({ value: 'now-public', isSecret: false });
  });

  it('deletes a custom variable after a confirmation that says what still uses it', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Webhooks' });
    await user.click(screen.getByRole('button', { name: 'Delete TEAM…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete variable TEAM?' });
    expect(dialog).toHaveTextContent('$TEAM will send it as written');
    await user.click(within(dialog).getByRole('button', { name: 'Delete TEAM' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/integrations/webhook-variables/TEAM')).toHaveLength(1);
  });
});
