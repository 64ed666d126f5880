import { screen, waitFor, within } from '@testing-library/react';
import { deferred, mockApi, reply, type MockRequest } from '../../../testing/mock-api';
import { appConfig, buildDowntime, FIXTURE_NOW, listResponse } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { MonitorList } from './monitor-list';

const HOUR = 3_600_000;

function setup(url = '/monitors', routes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('admin'),
    'GET /api/monitors': listResponse(),
    'POST /api/monitors/:id/mute': (req: MockRequest) => reply.json(buildDowntime({ monitorId: Number(req.params.id) })),
    ...routes,
  });
  const view = renderWithProviders(<MonitorList />, { path: '/monitors', initialEntries: [url] });
  return { api, ...view };
}

function checkbox(name: string) {
  return screen.getByRole('checkbox', { name: `Select ${name}` });
}

function bulkBar() {
  return screen.getByRole('region', { name: 'Bulk actions' });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('bulk selection', () => {
  it('shift-click selects the range from the last clicked row', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    // Default order: Auth, High CPU, Payments, Disk, Checkout, Nightly.
    await user.click(checkbox('High CPU on web tier'));
    await user.keyboard('{Shift>}');
    await user.click(checkbox('Checkout latency p99'));
    await user.keyboard('{/Shift}');
    expect(checkbox('High CPU on web tier')).toBeChecked();
    expect(checkbox('Payments API error rate')).toBeChecked();
    expect(checkbox('Disk space on db hosts')).toBeChecked();
    expect(checkbox('Checkout latency p99')).toBeChecked();
    expect(checkbox('Auth service 5xx')).not.toBeChecked();
    expect(checkbox('Nightly batch heartbeat')).not.toBeChecked();
    expect(bulkBar()).toHaveTextContent('4 selected');

    // Shift-click again from the new anchor clears that range.
    await user.keyboard('{Shift>}');
    await user.click(checkbox('Payments API error rate'));
    await user.keyboard('{/Shift}');
    expect(checkbox('Payments API error rate')).not.toBeChecked();
    expect(checkbox('Disk space on db hosts')).not.toBeChecked();
    expect(checkbox('Checkout latency p99')).not.toBeChecked();
    expect(bulkBar()).toHaveTextContent('1 selected');
  });

  it('offers "Select all N matching this filter" and the header checkbox selects all shown', async () => {
    const { user } = setup('/monitors?tag=env:prod');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
    await user.click(checkbox('Payments API error rate'));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Select all 4 matching this filter' }));
    expect(bulkBar()).toHaveTextContent('4 selected');
    expect(within(bulkBar()).queryByRole('button', { name: /Select all/ })).not.toBeInTheDocument();

    await user.click(within(bulkBar()).getByRole('button', { name: 'Clear' }));
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown monitors' }));
    expect(bulkBar()).toHaveTextContent('4 selected');
  });

  it('x toggles the selection of the row j/k moved to', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jj');
    expect(screen.getByRole('link', { name: 'High CPU on web tier' }).closest('tr')).toHaveFocus();
    await user.keyboard('x');
    expect(checkbox('High CPU on web tier')).toBeChecked();
    await user.keyboard('k');
    expect(screen.getByRole('link', { name: 'Auth service 5xx' }).closest('tr')).toHaveFocus();
  });
});

describe('bulk mute dialog', () => {
  it('lists the monitors, mutes them, reports each result, and retries only the failed ones', async () => {
    let paymentsAttempts = 0;
    const { api, user } = setup('/monitors', {
      'POST /api/monitors/:id/mute': (req: MockRequest) => {
        if (req.params.id === '2' && paymentsAttempts++ === 0) {
          return reply.error(502, 'upstream_error', 'Datadog answered 503', { requestId: 'req-77' });
        }
        return reply.json(buildDowntime({ monitorId: Number(req.params.id) }));
      },
    });
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(checkbox('High CPU on web tier'));
    await user.keyboard('{Shift>}');
    await user.click(checkbox('Disk space on db hosts'));
    await user.keyboard('{/Shift}');
    await user.click(within(bulkBar()).getByRole('button', { name: 'Mute…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Mute 3 monitors' });
    const targets = within(dialog).getByRole('heading', { name: 'These 3 monitors will be muted' }).parentElement!;
    expect(within(targets).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '▲Alert High CPU on web tier',
      '◆Warn Payments API error rate',
      '◌No Data Disk space on db hosts',
    ]);

    await user.click(within(dialog).getByRole('radio', { name: '4 hours' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'DB failover CHG-1');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 3 monitors for 4 hours' }));

    const results = await within(dialog).findByRole('list', { name: 'Results per monitor' });
    await waitFor(() => expect(within(dialog).getByText('2 muted, 1 failed')).toBeInTheDocument());
    const bar = within(dialog).getByRole('progressbar', { name: 'Bulk mute progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '3');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    const lines = within(results).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent('High CPU on web tierMuted');
    expect(lines[1]).toHaveTextContent('Payments API error rateFailed: Datadog answered 503 upstream_error');
    expect(lines[1]).toHaveTextContent('req-77');
    expect(lines[2]).toHaveTextContent('Disk space on db hostsMuted');

    const posts = api.callsTo('POST', /\/mute$/);
    expect(posts.map((c) => c.path).sort()).toEqual(['/api/monitors/1/mute', '/api/monitors/2/mute', '/api/monitors/4/mute']);
    expect(posts[0]!.body).toEqual({ scope: '*', end: FIXTURE_NOW + 4 * HOUR, reason: 'DB failover CHG-1' });

    await user.click(within(dialog).getByRole('button', { name: 'Retry failed (1)' }));
    await waitFor(() => expect(within(dialog).getByText('All 3 monitors muted')).toBeInTheDocument());
    const retried = api.callsTo('POST', /\/mute$/).slice(3);
    expect(retried.map((c) => c.path)).toEqual(['/api/monitors/2/mute']);
    expect(within(dialog).queryByRole('button', { name: /Retry failed/ })).not.toBeInTheDocument();

    const listCallsBefore = api.callsTo('GET', '/api/monitors').length;
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', '/api/monitors').length).toBe(listCallsBefore + 1));
  });

  it('runs at most 4 mutes at a time and shows progress as they finish', async () => {
    const gates = new Map<string, ReturnType<typeof deferred<void>>>();
    const { api, user } = setup('/monitors', {
      'POST /api/monitors/:id/mute': async (req: MockRequest) => {
        const gate = deferred<void>();
        gates.set(req.params.id!, gate);
        await gate.promise;
        return reply.json(buildDowntime({ monitorId: Number(req.params.id) }));
      },
    });
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown monitors' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Mute…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute 6 monitors' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Network maintenance');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 6 monitors for 1 hour' }));

    await waitFor(() => expect(api.callsTo('POST', /\/mute$/)).toHaveLength(4));
    const bar = within(dialog).getByRole('progressbar', { name: 'Bulk mute progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '6');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeDisabled();

    gates.get(api.callsTo('POST', /\/mute$/)[0]!.params.id!)!.resolve();
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '1'));
    await waitFor(() => expect(api.callsTo('POST', /\/mute$/)).toHaveLength(5));
    expect(within(dialog).getByText('Muting 1 of 6…')).toBeInTheDocument();

    for (const call of api.callsTo('POST', /\/mute$/)) gates.get(call.params.id!)!.resolve();
    await waitFor(() => expect(api.callsTo('POST', /\/mute$/)).toHaveLength(6));
    gates.forEach((g) => g.resolve());
    await waitFor(() => expect(within(dialog).getByText('All 6 monitors muted')).toBeInTheDocument());
    expect(bar).toHaveAttribute('aria-valuenow', '6');
  });

  it('validates the scope live and requires a reason to mute indefinitely', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(checkbox('Auth service 5xx'));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Mute…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute 1 monitor' });
    const scope = within(dialog).getByRole('textbox', { name: 'Scope (applied to each monitor)' });
    await user.clear(scope);
    await user.type(scope, 'prod');
    expect(within(dialog).getByText('All values must have a key')).toBeInTheDocument();
    expect(scope).toHaveAttribute('aria-invalid', 'true');
    await user.clear(scope);
    await user.type(scope, 'env:staging');
    expect(within(dialog).queryByText('All values must have a key')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: 'Indefinitely' }));
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 monitor indefinitely' }));
    expect(within(dialog).getByText('A reason is required to mute indefinitely')).toBeInTheDocument();
    expect(api.callsTo('POST', /\/mute$/)).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Decommissioned');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 monitor indefinitely' }));
    await waitFor(() => expect(within(dialog).getByText('All 1 monitor muted')).toBeInTheDocument());
    expect(api.callsTo('POST', '/api/monitors/6/mute')[0]!.body).toEqual({
      scope: 'env:staging',
      end: null,
      reason: 'Decommissioned',
    });
  });

  it('marks successfully muted rows as pending in the list until the refetch', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(checkbox('Auth service 5xx'));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Mute…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Auth deploy');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 monitor for 1 hour' }));
    await waitFor(() => expect(within(dialog).getByText('All 1 monitor muted')).toBeInTheDocument());
    const row = screen.getByRole('link', { name: 'Auth service 5xx', hidden: true }).closest('tr')!;
    expect(row).toHaveTextContent('Muted · 1h left');
    expect(row).toHaveTextContent('mute pending');
  });
});
