import { screen, waitFor, within } from '@testing-library/react';
import { ATLAS_FIELDS, ATLAS_TYPE_LABELS, ATLAS_TYPES, type AtlasType } from '../../../../contract/atlas';
import { ATLAS_SAMPLE_VALUES, checkoutProd, createAtlasFake, searchStaging, type AtlasFakeOptions } from '../../../../testing/atlas-fixtures';
import { mockApi, reply, type MockRoutes } from '../../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../../testing/render';
import { AtlasPage } from './atlas-page';

const PD_KEY = 'pd-key-1234567890';
const ATLAS_PATH = '/integrations/atlas';
const projectPath = (id: string, type: string) => `/api/integrations/atlas/projects/${id}/${type}`;

function setup(options: AtlasFakeOptions = {}, url = `${ATLAS_PATH}?project=${checkoutProd.id}`, extra: MockRoutes = {}) {
  const fake = createAtlasFake(options);
  const api = mockApi({ ...fake.routes, ...extra });
  const view = renderWithProviders(<AtlasPage />, {
    path: ATLAS_PATH,
    initialEntries: [url],
    extraRoutes: [{ path: '/integrations', element: <p>Integrations overview</p> }],
  });
  return { api, fake, ...view };
}

const card = (type: AtlasType) => screen.getByRole('region', { name: ATLAS_TYPE_LABELS[type] });
const findCard = (type: AtlasType) => screen.findByRole('region', { name: ATLAS_TYPE_LABELS[type] });
const writes = (api: ReturnType<typeof mockApi>) => api.calls.filter((c) => c.method !== 'GET');

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('AtlasPage', () => {
  it('shows a card per type, configured first with their values (secrets masked) and last change', async () => {
    setup({
      stored: { [checkoutProd.id]: { DATADOG: { apiKey: 'dd-key-0000003344', region: 'EU' }, PAGER_DUTY: { serviceKey: PD_KEY } } },
    });
    await findCard('PAGER_DUTY');
    const names = screen.getAllByRole('region').map((r) => within(r).getAllByRole('heading')[0]!.textContent);
    expect(names).toEqual([
      'checkout-prod',
      'PagerDuty',
      'Datadog',
      ...ATLAS_TYPES.filter((t) => t !== 'PAGER_DUTY' && t !== 'DATADOG').map((t) => ATLAS_TYPE_LABELS[t]),
    ]);
    expect(card('PAGER_DUTY')).toHaveTextContent('Configured');
    expect(card('PAGER_DUTY')).toHaveTextContent('Service key******7890');
    expect(card('PAGER_DUTY')).not.toHaveTextContent(PD_KEY);
    expect(card('DATADOG')).toHaveTextContent('RegionEU');
    expect(card('SLACK')).toHaveTextContent('Not configured');
    expect(screen.getByText('2 of 10 integration types configured')).toBeInTheDocument();
    expect(within(card('PAGER_DUTY')).getByRole('button', { name: 'Edit PagerDuty' })).toBeInTheDocument();
    expect(within(card('PAGER_DUTY')).getByRole('button', { name: 'Delete PagerDuty' })).toBeInTheDocument();
    expect(within(card('SLACK')).getByRole('button', { name: 'Configure Slack' })).toBeInTheDocument();
    expect(within(card('SLACK')).queryByRole('button', { name: 'Delete Slack' })).not.toBeInTheDocument();
  });

  it('keeps the project in the URL: the picker switches ?project= and loads that project', async () => {
    const { user, router, api } = setup({ stored: { [searchStaging.id]: { SLACK: { apiToken: 'xoxb-0000004444', teamName: 'search' } } } }, ATLAS_PATH);
    const picker = await screen.findByRole('combobox', { name: 'Project' });
    expect(picker).toHaveValue(checkoutProd.id);
    await user.selectOptions(picker, 'search-staging');
    await waitFor(() => expect(router.state.location.search).toBe(`?project=${searchStaging.id}`));
    expect(await screen.findByRole('heading', { level: 2, name: 'search-staging' })).toBeInTheDocument();
    expect(card('SLACK')).toHaveTextContent('Configured');
    expect(api.callsTo('GET', `/api/integrations/atlas/projects/${searchStaging.id}`)).toHaveLength(1);
  });

  it('says when ?project= names a project the key cannot see, and shows the first', async () => {
    setup({}, `${ATLAS_PATH}?project=ffffffffffffffffffffffff`);
    expect(await screen.findByText(/No project with id/)).toHaveTextContent('ffffffffffffffffffffffff');
    expect(screen.getByRole('heading', { level: 2, name: 'checkout-prod' })).toBeInTheDocument();
  });

  describe.each(ATLAS_TYPES)('the %s form', (type) => {
    it('is generated from ATLAS_FIELDS, and creates with a POST of every field', async () => {
      const label = ATLAS_TYPE_LABELS[type];
      const { user, api } = setup();
      await user.click(within(await findCard(type)).getByRole('button', { name: `Configure ${label}` }));
      const region = card(type);
      const expected: Record<string, unknown> = {};
      for (const spec of ATLAS_FIELDS[type]) {
        if (spec.responseOnly) {
          const shown = within(region).getByRole('textbox', { name: spec.label });
          expect(shown).toHaveAttribute('readonly');
          expect(shown).toHaveValue('');
        } else if (spec.kind === 'boolean') {
          const toggle = within(region).getByRole('switch', { name: spec.label });
          expect(toggle).not.toBeChecked();
          await user.click(toggle);
          expected[spec.name] = true;
        } else if (spec.kind === 'enum') {
          const select = within(region).getByRole('combobox', { name: spec.label });
          const options = within(select).getAllByRole('option').map((o) => o.getAttribute('value'));
          expect(options.filter((o) => o !== '')).toEqual(spec.options);
          if (typeof spec.default === 'string') {
            expect(select).toHaveValue(spec.default);
            expected[spec.name] = spec.default;
          } else {
            expect(select).toHaveValue('');
            await user.selectOptions(select, spec.options![1]!);
            expected[spec.name] = spec.options![1];
          }
        } else if (spec.kind === 'text') {
          const input = within(region).getByRole('textbox', { name: spec.label });
          expect(input).toHaveValue('');
          if (spec.required) expect(input).toHaveAttribute('aria-required', 'true');
          await user.type(input, ATLAS_SAMPLE_VALUES[spec.name]!);
          expected[spec.name] = ATLAS_SAMPLE_VALUES[spec.name];
        } else {
          const input = within(region).getByLabelText(spec.label);
          expect(input).toHaveAttribute('type', 'password');
          expect(input).toHaveAttribute('autocomplete', 'new-password');
          expect(input).toHaveValue('');
          await user.type(input, ATLAS_SAMPLE_VALUES[spec.name]!);
          expected[spec.name] = ATLAS_SAMPLE_VALUES[spec.name];
        }
      }
      await user.click(within(region).getByRole('button', { name: `Save ${label}` }));
      await waitFor(() => expect(card(type)).toHaveTextContent('Configured'));
      expect(api.callsTo('POST', projectPath(checkoutProd.id, type)).map((c) => c.body)).toEqual([expected]);
      // "Configured" can show (the refetched project) before the form closes; the focus moves in an
      // effect once the card is out of edit mode.
      await waitFor(() => expect(within(card(type)).getByRole('button', { name: `Edit ${label}` })).toHaveFocus());
    });
  });

  it('a configured type opens in edit mode: the mask is shown, not put in an input; Save with no change sends nothing', async () => {
    const { user, api } = setup({ stored: { [checkoutProd.id]: { PAGER_DUTY: { serviceKey: PD_KEY } } } });
    await user.click(within(await findCard('PAGER_DUTY')).getByRole('button', { name: 'Edit PagerDuty' }));
    const region = card('PAGER_DUTY');
    expect(within(region).getByRole('group', { name: 'Service key' })).toHaveTextContent('Configured: ******7890');
    // The focus moves into the form that replaced the Edit button.
    expect(within(region).getByRole('button', { name: 'Replace Service key' })).toHaveFocus();
    for (const input of region.querySelectorAll('input')) expect(input.value).not.toContain('******');
    await user.click(within(region).getByRole('button', { name: 'Save PagerDuty' }));
    expect(within(region).getByRole('status')).toHaveTextContent('Nothing to save');
    expect(writes(api)).toEqual([]);
  });

  it('edit mode sends only what changed: a kept secret is left out', async () => {
    const { user, api, fake } = setup({ stored: { [checkoutProd.id]: { DATADOG: { apiKey: 'dd-key-0000003344', region: 'EU' } } } });
    await user.click(within(await findCard('DATADOG')).getByRole('button', { name: 'Edit Datadog' }));
    await user.selectOptions(within(card('DATADOG')).getByRole('combobox', { name: 'Region' }), 'US5');
    await user.click(within(card('DATADOG')).getByRole('button', { name: 'Save Datadog' }));
    await waitFor(() => expect(card('DATADOG')).toHaveTextContent('RegionUS5'));
    expect(api.callsTo('PUT', projectPath(checkoutProd.id, 'DATADOG')).map((c) => c.body)).toEqual([{ region: 'US5' }]);
    expect(fake.storedValues(checkoutProd.id, 'DATADOG')).toEqual({ apiKey: 'dd-key-0000003344', region: 'US5' });
  });

  it('Replace sends the new secret; Remove sends it in `clear`', async () => {
    const { user, api, fake, toasts } = setup({
      stored: { [checkoutProd.id]: { WEBHOOK: { url: 'https://hooks.example.com/atlas/7777', secret: 'whsec-old' } } },
    });
    await user.click(within(await findCard('WEBHOOK')).getByRole('button', { name: 'Edit Webhook' }));
    const region = card('WEBHOOK');
    expect(within(region).getByRole('group', { name: 'URL' })).toHaveTextContent('Configured: https://hooks.example.com/******7777');
    await user.click(within(region).getByRole('button', { name: 'Replace URL' }));
    await user.type(within(region).getByLabelText('URL'), 'https://hooks.example.com/atlas/new-8888');
    await user.click(within(region).getByRole('button', { name: 'Remove Secret' }));
    await user.click(within(region).getByRole('button', { name: 'Save Webhook' }));

    await waitFor(() => expect(within(card('WEBHOOK')).getByRole('button', { name: 'Edit Webhook' })).toBeInTheDocument());
    expect(api.callsTo('PUT', projectPath(checkoutProd.id, 'WEBHOOK')).map((c) => c.body)).toEqual([
      { url: 'https://hooks.example.com/atlas/new-8888', clear: ['secret'] },
    ]);
    expect(fake.storedValues(checkoutProd.id, 'WEBHOOK')).toEqual({ url: 'https://hooks.example.com/atlas/new-8888' });
    expect(card('WEBHOOK')).toHaveTextContent('URLhttps://hooks.example.com/******8888');
    expect(card('WEBHOOK')).toHaveTextContent('SecretNot set');
    expect(toasts.getSnapshot().map((t) => t.message)).toEqual(['Webhook saved for checkout-prod']);
  });

  it('an optional text emptied on edit is removed with `clear`, not sent empty', async () => {
    const { user, api, fake } = setup({
      stored: { [checkoutProd.id]: { SLACK: { apiToken: 'xoxb-0000004444', teamName: 'acme', channelName: 'alerts' } } },
    });
    await user.click(within(await findCard('SLACK')).getByRole('button', { name: 'Edit Slack' }));
    const channel = within(card('SLACK')).getByRole('textbox', { name: 'Channel name' });
    expect(channel).toHaveValue('alerts');
    await user.clear(channel);
    expect(channel).toHaveAccessibleDescription('Removed when you save (was alerts).');
    expect(channel).not.toHaveAttribute('aria-invalid');
    await user.click(within(card('SLACK')).getByRole('button', { name: 'Save Slack' }));

    await waitFor(() => expect(card('SLACK')).toHaveTextContent('Channel nameNot set'));
    expect(api.callsTo('PUT', projectPath(checkoutProd.id, 'SLACK')).map((c) => c.body)).toEqual([{ clear: ['channelName'] }]);
    expect(fake.storedValues(checkoutProd.id, 'SLACK')).toEqual({ apiToken: 'xoxb-0000004444', teamName: 'acme' });
  });

  it('a create that finds the type configured meanwhile (409) switches to edit mode with the fresh values and overwrites nothing', async () => {
    const { user, api, fake } = setup();
    await user.click(within(await findCard('PAGER_DUTY')).getByRole('button', { name: 'Configure PagerDuty' }));
    await user.type(within(card('PAGER_DUTY')).getByLabelText('Service key'), 'my-key-00001111');
    fake.configureBehindTheScenes(checkoutProd.id, 'PAGER_DUTY', { serviceKey: 'their-key-00009999' });
    await user.click(within(card('PAGER_DUTY')).getByRole('button', { name: 'Save PagerDuty' }));

    const region = card('PAGER_DUTY');
    expect(await within(region).findByRole('alert')).toHaveTextContent('PagerDuty was configured meanwhile — review it and edit');
    expect(region).toHaveTextContent('Configured');
    // Edit mode, with what is stored now; what was typed is not kept, so Save cannot overwrite it by accident.
    expect(within(region).getByRole('group', { name: 'Service key' })).toHaveTextContent('Configured: ******9999');
    expect(within(region).queryByLabelText('Service key', { selector: 'input' })).not.toBeInTheDocument();
    expect(within(region).getByText(/someone-else/)).toBeInTheDocument();
    expect(api.callsTo('POST', projectPath(checkoutProd.id, 'PAGER_DUTY'))).toHaveLength(1);
    expect(api.callsTo('PUT', projectPath(checkoutProd.id, 'PAGER_DUTY'))).toHaveLength(0);
    expect(fake.storedValues(checkoutProd.id, 'PAGER_DUTY')).toEqual({ serviceKey: 'their-key-00009999' });

    // The next Save is an edit (PUT), and only on purpose.
    await user.click(within(region).getByRole('button', { name: 'Replace Service key' }));
    await user.type(within(region).getByLabelText('Service key'), 'my-key-00001111');
    await user.click(within(region).getByRole('button', { name: 'Save PagerDuty' }));
    await waitFor(() => expect(api.callsTo('PUT', projectPath(checkoutProd.id, 'PAGER_DUTY')).map((c) => c.body)).toEqual([{ serviceKey: 'my-key-00001111' }]));
  });

  it('checks fields with the shared schema on leaving them and on Save; nothing is sent while one is wrong', async () => {
    const { user, api } = setup();
    await user.click(within(await findCard('MICROSOFT_TEAMS')).getByRole('button', { name: 'Configure Microsoft Teams' }));
    const teams = card('MICROSOFT_TEAMS');
    const url = within(teams).getByLabelText('Incoming webhook URL');
    await user.type(url, 'teams.example.com/hook');
    // Leaving the field (not just moving to its Show button) checks it.
    await user.tab();
    expect(url).not.toHaveAttribute('aria-invalid');
    await user.click(within(teams).getByRole('heading', { name: 'Microsoft Teams' }));
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/Incoming webhook URL must be a full http:\/\/ or https:\/\/ URL/);
    await user.click(within(teams).getByRole('button', { name: 'Save Microsoft Teams' }));
    expect(url).toHaveFocus();

    await user.click(within(await findCard('SLACK')).getByRole('button', { name: 'Configure Slack' }));
    const slack = card('SLACK');
    expect(within(slack).getByLabelText('API token')).toHaveFocus();
    await user.click(within(slack).getByRole('button', { name: 'Save Slack' }));
    expect(within(slack).getByLabelText('API token')).toHaveAccessibleDescription('API token is required');
    expect(within(slack).getByLabelText('API token')).toHaveAttribute('aria-invalid', 'true');
    expect(within(slack).getByRole('textbox', { name: 'Team name' })).toHaveAccessibleDescription('Team name is required');
    expect(within(slack).getByRole('textbox', { name: 'Channel name' })).not.toHaveAttribute('aria-invalid');
    expect(within(slack).getByLabelText('API token')).toHaveFocus();

    // Typing in a field takes its error away.
    await user.type(within(slack).getByRole('textbox', { name: 'Team name' }), 'acme');
    expect(within(slack).getByRole('textbox', { name: 'Team name' })).not.toHaveAttribute('aria-invalid');
    expect(writes(api)).toEqual([]);
  });

  it('shows the BFF’s 400 field errors next to their inputs', async () => {
    const { user } = setup({}, undefined, {
      'POST /api/integrations/atlas/projects/:projectId/:type': () =>
        reply.error(400, 'upstream_validation', 'Atlas refused the configuration', { fields: { 'body.apiKey': ['Atlas rejected this API key'] } }),
    });
    await user.click(within(await findCard('OPS_GENIE')).getByRole('button', { name: 'Configure Opsgenie' }));
    const region = card('OPS_GENIE');
    await user.type(within(region).getByLabelText('API key'), 'og-key-00001234');
    await user.click(within(region).getByRole('button', { name: 'Save Opsgenie' }));
    const input = within(region).getByLabelText('API key');
    await waitFor(() => expect(input).toHaveAccessibleDescription('Atlas rejected this API key'));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(within(region).getByRole('alert')).toHaveTextContent('Opsgenie was not saved: Atlas refused the configuration');
    expect(region).toHaveTextContent('Not configured');
  });

  it('shows other save failures inline, with the code and request id', async () => {
    const { user } = setup({ stored: { [checkoutProd.id]: { PAGER_DUTY: { serviceKey: PD_KEY } } } }, undefined, {
      'PUT /api/integrations/atlas/projects/:projectId/:type': () => reply.error(502, 'upstream_error', 'Atlas answered 500', { requestId: 'req-77' }),
    });
    await user.click(within(await findCard('PAGER_DUTY')).getByRole('button', { name: 'Edit PagerDuty' }));
    await user.click(within(card('PAGER_DUTY')).getByRole('button', { name: 'Replace Service key' }));
    await user.type(within(card('PAGER_DUTY')).getByLabelText('Service key'), 'pd-key-new-00002222');
    await user.click(within(card('PAGER_DUTY')).getByRole('button', { name: 'Save PagerDuty' }));
    const alert = await within(card('PAGER_DUTY')).findByRole('alert');
    expect(alert).toHaveTextContent('PagerDuty was not saved: Atlas answered 500');
    expect(alert).toHaveTextContent('req-77');
    // The form stays open with what was typed.
    expect(within(card('PAGER_DUTY')).getByLabelText('Service key')).toHaveValue('pd-key-new-00002222');
  });

  it('deletes after a confirmation naming the project and where alerts stop going', async () => {
    const { user, api, toasts } = setup({ stored: { [checkoutProd.id]: { PAGER_DUTY: { serviceKey: PD_KEY } } } });
    await user.click(within(await findCard('PAGER_DUTY')).getByRole('button', { name: 'Delete PagerDuty' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the PagerDuty integration of checkout-prod?' });
    expect(dialog).toHaveTextContent('Alerts from checkout-prod stop going to PagerDuty.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('DELETE', projectPath(checkoutProd.id, 'PAGER_DUTY'))).toHaveLength(0);

    await user.click(within(card('PAGER_DUTY')).getByRole('button', { name: 'Delete PagerDuty' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete PagerDuty from checkout-prod' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', projectPath(checkoutProd.id, 'PAGER_DUTY'))).toHaveLength(1);
    await waitFor(() => expect(card('PAGER_DUTY')).toHaveTextContent('Not configured'));
    // The focus moves in an effect after the card's new state is on screen: wait for it too.
    await waitFor(() => expect(within(card('PAGER_DUTY')).getByRole('button', { name: 'Configure PagerDuty' })).toHaveFocus());
    expect(toasts.getSnapshot().map((t) => t.message)).toEqual(['PagerDuty deleted from checkout-prod']);
  });

  it('keeps a failed delete in the dialog', async () => {
    const { user } = setup({ stored: { [checkoutProd.id]: { PAGER_DUTY: { serviceKey: PD_KEY } } } }, undefined, {
      'DELETE /api/integrations/atlas/projects/:projectId/:type': () => reply.error(502, 'upstream_error', 'Atlas answered 503'),
    });
    await user.click(within(await findCard('PAGER_DUTY')).getByRole('button', { name: 'Delete PagerDuty' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete PagerDuty from checkout-prod' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('PagerDuty was not deleted: Atlas answered 503');
    expect(card('PAGER_DUTY')).toHaveTextContent('Configured');
  });

  it('available:false explains ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY, and asks for no project', async () => {
    const { api } = setup({ available: false });
    const panel = await screen.findByRole('region', { name: 'Atlas is not connected' });
    expect(panel).toHaveTextContent('ATLAS_PUBLIC_KEY');
    expect(panel).toHaveTextContent('ATLAS_PRIVATE_KEY');
    expect(screen.queryByRole('combobox', { name: 'Project' })).not.toBeInTheDocument();
    expect(api.calls.map((c) => c.path)).toEqual(['/api/integrations/atlas/projects']);
  });

  it('says why Atlas could not be read, with Retry', async () => {
    const { user, fake } = setup({ error: 'Atlas answered 401: the API key was rejected' });
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't read AtlasAtlas answered 401: the API key was rejected");
    fake.state.error = null;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('combobox', { name: 'Project' })).toBeInTheDocument();
  });

  it('a failed project load stays in its section, with Retry, beside the picker', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const fake = createAtlasFake();
    const { user } = setup({}, undefined, {
      'GET /api/integrations/atlas/projects/:projectId': (req) =>
        fail ? reply.error(502, 'upstream_error', 'Atlas answered 500') : (fake.routes['GET /api/integrations/atlas/projects/:projectId'] as (r: typeof req) => ReturnType<typeof reply.json>)(req),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't load the integrations of checkout-prod: Atlas answered 500");
    expect(screen.getByRole('combobox', { name: 'Project' })).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await findCard('PAGER_DUTY')).toBeInTheDocument();
  });
});
