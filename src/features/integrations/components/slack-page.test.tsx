import { screen, waitFor, within } from '@testing-library/react';
import type { SlackOverview } from '../../../contract/integrations';
import { slackOverview } from '../../../testing/datadog-integration-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { SlackPage } from './slack-page';

function setup(routes: MockRoutes = {}, initial: SlackOverview = slackOverview()) {
  const state = { data: initial };
  const api = mockApi({
    'GET /api/integrations/slack': () => reply.json(state.data),
    'POST /api/integrations/slack/accounts': (req: MockRequest) => {
      const { name } = req.body as { name: string };
      const added = { name, channels: [], error: null, listedBy: 'watchdeck' as const };
      state.data = { ...state.data, accounts: [...state.data.accounts, added] };
      return reply.json(added, 201);
    },
    'POST /api/integrations/slack/accounts/:account/channels': (req: MockRequest) => {
      const body = req.body as { name: string; display: SlackOverview['accounts'][number]['channels'][number]['display'] };
      const channel = { ...body, handle: `@slack-${body.name.replace('#', '')}` };
      state.data = {
        ...state.data,
        accounts: state.data.accounts.map((a) => (a.name === req.params.account ? { ...a, channels: [...a.channels, channel] } : a)),
      };
      return reply.json(channel, 201);
    },
    'PATCH /api/integrations/slack/accounts/:account/channels/:channel': () => reply.json({}),
    'DELETE /api/integrations/slack/accounts/:account': (req: MockRequest) => {
      state.data = { ...state.data, accounts: state.data.accounts.filter((a) => a.name !== req.params.account) };
      return reply.noContent();
    },
    'DELETE /api/integrations/slack/accounts/:account/channels/:channel': (req: MockRequest) => {
      state.data = {
        ...state.data,
        accounts: state.data.accounts.map((a) => ({ ...a, channels: a.channels.filter((c) => c.name !== `#${req.params.channel}`) })),
      };
      return reply.noContent();
    },
    ...routes,
  });
  const view = renderWithProviders(<SlackPage />, { path: '/integrations/slack' });
  return { api, state, ...view };
}

const account = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('SlackPage', () => {
  it('lists each account with its channels, what they show and their @-handles to copy', async () => {
    const { user } = setup(
      {},
      slackOverview({
        accounts: [...slackOverview().accounts, { name: 'partner', channels: [], error: 'Datadog does not know this account', listedBy: 'watchdeck' }],
      }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    const table = within(account('acme')).getByRole('table', { name: 'Channels in acme' });
    const row = within(table).getByRole('rowheader', { name: '#alerts' }).closest('tr')!;
    expect(row).toHaveTextContent('Message, notified, snapshot and tags');
    await user.click(within(row).getByRole('button', { name: 'Copy @slack-alerts' }));
    expect(await navigator.clipboard.readText()).toBe('@slack-alerts');
    expect(account('partner')).toHaveTextContent('Datadog could not list the channels of partner: Datadog does not know this account');
    expect(screen.getByText('No changes through watchdeck yet')).toBeInTheDocument();
  });

  it('checks a new channel name with the contract schema, sending nothing while invalid', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    await user.click(screen.getByRole('button', { name: 'Add channel to acme' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a channel to acme' });
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    const name = within(dialog).getByRole('textbox', { name: 'Channel name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/A channel name is lower-case letters, digits, - or _/);
    await user.type(name, 'Ops Room');
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', /\/channels$/)).toHaveLength(0);
  });

  it('adds a channel with its display options; the dialog shows the handle it will have', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    await user.click(screen.getByRole('button', { name: 'Add channel to acme' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a channel to acme' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Channel name' }), 'ops-room');
    expect(within(dialog).getByRole('textbox', { name: 'Channel name' })).toHaveAccessibleDescription(/Monitors notify it with @slack-ops-room/);
    const group = within(dialog).getByRole('group', { name: 'What each notification shows' });
    await user.click(within(group).getByRole('checkbox', { name: 'Snapshot' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Mute buttons' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/integrations/slack/accounts/acme/channels')[0]!.body).toEqual({
      name: '#ops-room',
      display: { message: true, notified: true, snapshot: false, tags: true, muteButtons: true },
    });
    expect(await within(account('acme')).findByRole('rowheader', { name: '#ops-room' })).toBeInTheDocument();
  });

  it('edits a channel, sending only the display options that changed', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    await user.click(screen.getByRole('button', { name: 'Edit #alerts' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit #alerts in acme' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Tags' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', '/api/integrations/slack/accounts/acme/channels/alerts')[0]!.body).toEqual({ display: { tags: false } });
  });

  it('removes a channel after a confirmation naming it and the handle that stops working', async () => {
    const { user, api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    await user.click(screen.getByRole('button', { name: 'Remove #alerts…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove #alerts from acme?' });
    expect(dialog).toHaveTextContent('@slack-alerts stops working');
    await user.click(within(dialog).getByRole('button', { name: 'Remove #alerts' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/integrations/slack/accounts/acme/channels/alerts')).toHaveLength(1);
    expect(await screen.findByText('No channels in acme yet.')).toBeInTheDocument();
  });

  it('adds an account; a server field error shows on the name', async () => {
    const { user, api } = setup({
      'POST /api/integrations/slack/accounts': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', { fields: { name: ['Datadog has no Slack account named ghost'] } }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    await user.click(screen.getByRole('button', { name: 'Add Slack account' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Slack account' });
    const name = within(dialog).getByRole('textbox', { name: 'Account name' });
    await user.type(name, 'bad name!');
    await user.tab();
    expect(name).toHaveAccessibleDescription(/A Slack account name is letters, digits/);
    await user.clear(name);
    await user.type(name, 'ghost');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/Datadog has no Slack account named ghost/));
    expect(api.callsTo('POST', '/api/integrations/slack/accounts')[0]!.body).toEqual({ name: 'ghost' });
    expect(name).toHaveValue('ghost');
  });

  it('takes an account added here with no channels off the list, after a confirmation saying Datadog is not changed', async () => {
    const orphan = { name: 'partner', channels: [], error: 'Datadog has no Slack account named "partner"', listedBy: 'watchdeck' as const };
    const { user, api } = setup({}, slackOverview({ accounts: [...slackOverview().accounts, orphan] }));
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    // Datadog's own account, with channels, offers no such button.
    expect(within(account('acme')).queryByRole('button', { name: /off the list/ })).not.toBeInTheDocument();
    expect(account('partner')).toHaveTextContent('If its workspace was disconnected in Datadog, take it off the list.');
    await user.click(within(account('partner')).getByRole('button', { name: 'Take partner off the list…' }));
    const dialog = screen.getByRole('dialog', { name: 'Take partner off the list?' });
    expect(dialog).toHaveTextContent('Nothing changes in Datadog or in Slack.');
    expect(dialog).toHaveTextContent('Datadog no longer knows this account, so nothing posts through it.');
    await user.click(within(dialog).getByRole('button', { name: 'Take partner off' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/integrations/slack/accounts/partner')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'partner' })).not.toBeInTheDocument());
    expect(account('acme')).toBeInTheDocument();
  });

  it('offers no way off the list while an account added here has channels', async () => {
    const added = { ...slackOverview().accounts[0]!, name: 'ops', listedBy: 'watchdeck' as const };
    setup({}, slackOverview({ accounts: [added] }));
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    expect(within(account('ops')).queryByRole('button', { name: /off the list/ })).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the reason when the BFF refuses, and the account on the list', async () => {
    const quiet = { name: 'quiet', channels: [], error: null, listedBy: 'watchdeck' as const };
    const { user } = setup(
      {
        'DELETE /api/integrations/slack/accounts/:account': () =>
          reply.error(409, 'conflict', 'quiet still has 1 channel in Datadog: remove it first, so no @-handle is left posting unseen'),
      },
      slackOverview({ accounts: [quiet] }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Slack' });
    await user.click(screen.getByRole('button', { name: 'Take quiet off the list…' }));
    const dialog = screen.getByRole('dialog', { name: 'Take quiet off the list?' });
    expect(dialog).toHaveTextContent('It has no channels, so no @-handle stops working.');
    await user.click(within(dialog).getByRole('button', { name: 'Take quiet off' }));
    expect(await within(dialog).findByText(/quiet is still on the list/)).toBeInTheDocument();
    expect(dialog).toHaveTextContent('quiet still has 1 channel in Datadog');
    expect(account('quiet')).toBeInTheDocument();
  });
});
