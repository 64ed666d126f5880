import { screen, waitFor, within } from '@testing-library/react';
import { deferred, mockApi, reply, type MockReply } from '../../../testing/mock-api';
import { appConfig, buildDowntime, buildGroup, cpuDetail, FIXTURE_NOW, listResponse } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { unavailableHistory } from '../../../testing/service-check-fixtures';
import { monitorQueries } from '../api/monitor-queries';
import { MonitorDetailView } from './monitor-detail';

const HOUR = 3_600_000;

function setup(options: { routes?: Record<string, unknown>; entry?: string | { pathname: string; search?: string; state?: unknown } } = {}) {
  const api = mockApi({ 'GET /api/config': appConfig, 'GET /api/session': sessionFor('responder'), 'GET /api/monitors/:id': cpuDetail(), 'GET /api/monitors/:id/history': unavailableHistory(), ...(options.routes as object) });
  const view = renderWithProviders(<MonitorDetailView id={1} />, {
    path: '/monitors/:id',
    initialEntries: [(options.entry ?? '/monitors/1') as string],
  });
  return { api, ...view };
}

function groupRow(name: string) {
  const table = screen.getByRole('table', { name: 'Groups' });
  return within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('MonitorDetailView', () => {
  it('shows the header: state, name, type, priority, query, message with newlines, tags and creator', async () => {
    setup();
    const heading = await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    const header = heading.closest('header')!;
    expect(within(header).getByText('Alert')).toBeInTheDocument();
    expect(within(header).getByText('metric alert')).toBeInTheDocument();
    expect(within(header).getByText('P2')).toBeInTheDocument();
    expect(within(header).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(header).getByText('avg(last_5m):avg:system.cpu.user{env:*} by {env,host} > 90').tagName).toBe('PRE');
    expect(header.querySelector('.message')!.textContent).toBe('CPU is high.\n@pagerduty-payments');
    expect(within(header).getByRole('list', { name: 'Tags' })).toHaveTextContent('service:frontend');
    // Nothing is muted, so there is nothing to unmute.
    expect(screen.queryByRole('button', { name: 'Unmute…' })).not.toBeInTheDocument();
  });

  it('links back to the list with the filters it came from', async () => {
    const { user } = setup({ entry: { pathname: '/monitors/1', state: { listSearch: 'status=Alert&tag=team%3Aweb' } } });
    expect(await screen.findByRole('link', { name: '← Monitors' })).toHaveAttribute('href', '/monitors?status=Alert&tag=team%3Aweb');
    // Filtering the groups keeps the way back.
    await user.type(screen.getByRole('searchbox', { name: 'Filter groups' }), 'web-1');
    expect(screen.getByRole('link', { name: '← Monitors' })).toHaveAttribute('href', '/monitors?status=Alert&tag=team%3Aweb');
  });

  it('filters groups from the URL (gq, gstatus) and writes changes back', async () => {
    const { user, router } = setup({ entry: '/monitors/1?gstatus=OK' });
    const table = await screen.findByRole('table', { name: 'Groups' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'env:prod,host:web-3env:prodhost:web-3',
      'env:staging,host:web-9env:staginghost:web-9',
    ]);
    await user.type(screen.getByRole('searchbox', { name: 'Filter groups' }), 'staging');
    expect(router.state.location.search).toBe('?gstatus=OK&gq=staging');
    expect(within(table).getAllByRole('rowheader')).toHaveLength(1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    expect(router.state.location.search).toBe('?gq=staging');
  });

  it('shows the groups with relative times (absolute in the title) and muted until', async () => {
    setup({
      routes: {
        'GET /api/monitors/:id': cpuDetail({
          groups: [
            buildGroup('env:prod,host:web-1', 'Alert', { muted: true, mutedUntil: FIXTURE_NOW + 43 * 60_000 }),
            buildGroup('env:prod,host:web-2', 'OK', { muted: true, mutedUntil: null }),
          ],
        }),
      },
    });
    await screen.findByRole('table', { name: 'Groups' });
    const first = groupRow('env:prod,host:web-1');
    expect(first).toHaveTextContent('2 h ago');
    expect(within(first).getByText('2 h ago')).toHaveAttribute('title');
    expect(first).toHaveTextContent(/in 43m \(\d\d:\d\d\)/);
    expect(groupRow('env:prod,host:web-2')).toHaveTextContent('indefinitely');
  });

  it('optimistic mute: the group shows muted and pending at once, then the refetch confirms it', async () => {
    const gate = deferred<MockReply>();
    let confirmed = false;
    const { api, user, queryClient } = setup({
      routes: {
        'POST /api/monitors/:id/mute': async () => {
          const r = await gate.promise;
          confirmed = true;
          return r;
        },
        'GET /api/monitors/:id': () =>
          reply.json(
            confirmed
              ? cpuDetail({
                  groups: cpuDetail().groups.map((g) =>
                    g.name === 'env:prod,host:web-2' ? { ...g, muted: true, mutedUntil: FIXTURE_NOW + HOUR } : g,
                  ),
                  mute: { state: 'partial', endsAt: FIXTURE_NOW + HOUR, mutedGroups: 1, downtimes: 1 },
                  downtimes: [buildDowntime({ scope: 'env:prod AND host:web-2', endAt: FIXTURE_NOW + HOUR })],
                })
              : cpuDetail(),
          ),
      },
    });
    queryClient.setQueryData(monitorQueries.list().queryKey, listResponse());
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Mute group env:prod,host:web-2' }));
    await user.type(within(screen.getByRole('dialog')).getByRole('textbox', { name: /Reason/ }), 'Reboot');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mute 1 group for 1 hour' }));

    // Before the server answers: the group, the header and the list row already show it.
    await waitFor(() => expect(groupRow('env:prod,host:web-2')).toHaveTextContent('mute pending'));
    expect(groupRow('env:prod,host:web-2')).toHaveTextContent(/in 1h \(/);
    expect(groupRow('env:prod,host:web-1')).not.toHaveTextContent('pending');
    expect(screen.getByRole('heading', { level: 1 }).closest('header')).toHaveTextContent('1 group muted');
    const row = queryClient.getQueryData(monitorQueries.list().queryKey)!.monitors.find((m) => m.id === 1)!;
    expect(row.mute).toMatchObject({ state: 'partial', mutedGroups: 1 });
    expect(row.pendingChange).toBe('mute');

    gate.resolve(reply.json(buildDowntime({ scope: 'env:prod AND host:web-2' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(groupRow('env:prod,host:web-2')).not.toHaveTextContent('pending'));
    expect(groupRow('env:prod,host:web-2')).toHaveTextContent(/in 1h \(/);
    expect(api.callsTo('GET', '/api/monitors/1').length).toBeGreaterThanOrEqual(2);
  });

  it('optimistic mute rolls back on error and says why, in the dialog and then beside the buttons', async () => {
    const gate = deferred<MockReply>();
    const { user } = setup({ routes: { 'POST /api/monitors/:id/mute': () => gate.promise } });
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Mute…' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Deploy');
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 1 hour' }));
    await waitFor(() => expect(groupRow('env:prod,host:web-1')).toHaveTextContent('mute pending'));
    expect(screen.getByRole('heading', { level: 1 }).closest('header')).toHaveTextContent('Muted · 1h left');

    gate.resolve(reply.error(502, 'upstream_error', 'Datadog answered 503', { requestId: 'req-5' }));
    const error = await within(dialog).findByText(/Datadog answered 503/);
    expect(error.closest('.inline-error')).toHaveTextContent('Mute failed, nothing was changed: Datadog answered 503');
    expect(error.closest('.inline-error')).toHaveTextContent('upstream_error · request req-5');
    expect(groupRow('env:prod,host:web-1')).not.toHaveTextContent('pending');
    expect(within(groupRow('env:prod,host:web-1')).getAllByRole('cell')[3]).toHaveTextContent('—');
    expect(screen.getByRole('heading', { level: 1 }).closest('header')).not.toHaveTextContent('Muted ·');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const note = screen.getByText(/Mute failed, nothing was changed/);
    expect(note.closest('.change-error')).toHaveTextContent('Datadog answered 503');
    await user.click(within(note.closest('.change-error') as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Mute failed/)).not.toBeInTheDocument();
  });

  it('keeps the monitor on screen with a stale banner when a refresh fails', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Groups' });
    api.use({ 'GET /api/monitors/:id': () => reply.networkError() });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText(/Can't reach the watchdeck server/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'High CPU on web tier', level: 1 })).toBeInTheDocument();
  });
});
