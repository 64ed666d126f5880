import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import type { MaintenanceWindow } from '../../../contract/maintenance';
import { mockApi, reply } from '../../../testing/mock-api';
import { appConfig } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { buildWindow, HOUR, MINUTE, NOW, previewOf, weeklyWindow, windowList } from '../testing/window-fixtures';
import { WindowsPage } from './windows-page';

const WINDOWS: MaintenanceWindow[] = [
  buildWindow({ id: 'mw-long', reason: 'Kafka upgrade', schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 3 * HOUR } }),
  buildWindow({ id: 'mw-soon', reason: 'Database failover', schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 8 * MINUTE } }),
  weeklyWindow(),
  buildWindow({ id: 'mw-done', reason: 'Cache flush', status: 'ended', schedule: { kind: 'once', start: NOW - 5 * HOUR, end: NOW - 2 * HOUR } }),
];

function setup(windows = WINDOWS, { role = 'responder' as Role, stale = false } = {}) {
  const api = mockApi({
    'GET /api/session': sessionFor(role),
    'GET /api/config': { ...appConfig, maxMuteHours: 168 },
    'GET /api/maintenance/windows': () => reply.json(windowList(windows, { stale, fetchedAt: NOW - 5 * MINUTE })),
    'GET /api/maintenance/windows/:id': (req) => reply.json({ window: windows.find((w) => w.id === req.params.id), preview: previewOf() }),
    'POST /api/maintenance/windows/:id/extend': () => reply.json(windows[0]),
    'POST /api/maintenance/windows/:id/end': () => reply.json({ canceled: ['dt-1'] }),
  });
  return { api, ...renderWithProviders(<WindowsPage />, { path: '/maintenance' }) };
}

const section = (name: RegExp) => screen.getByRole('region', { name });
const rowsOf = (name: RegExp) => within(within(section(name)).getByRole('table')).getAllByRole('row').slice(1);

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('WindowsPage', () => {
  it('splits the windows into Active (soonest end first), Upcoming and Recently ended, each row linking to its page', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Maintenance windows' });
    const active = rowsOf(/^Active/);
    expect(active.map((r) => within(r).getByRole('rowheader').querySelector('a')!.textContent)).toEqual(['Database failover', 'Kafka upgrade']);
    expect(within(active[0]!).getByRole('link', { name: 'Database failover' })).toHaveAttribute('href', '/maintenance/windows/mw-soon');
    expect(active[0]).toHaveTextContent('ends 12:08 · 8m left');
    expect(active[1]).toHaveTextContent('ends 15:00 · 3h left');

    const upcoming = rowsOf(/^Upcoming/);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]).toHaveTextContent('next starts Sat 7 Jun 00:00 · in 3d 12h');
    expect(upcoming[0]).toHaveTextContent('any monitor tagged team:payments · Every week on Saturday at 02:00 for 2h (Europe/Berlin)');

    const ended = rowsOf(/^Recently ended/);
    expect(ended[0]).toHaveTextContent('ended 10:00');
    expect(within(ended[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(ended[0]!).getByRole('link', { name: 'Clone: Cache flush' })).toHaveAttribute('href', '/maintenance/plan?clone=mw-done');
  });

  it('highlights a window ending within 10 minutes', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    const [soon, later] = rowsOf(/^Active/);
    expect(soon).toHaveClass('mw-row--soon');
    expect(within(soon!).getByText(/ending soon/)).toBeInTheDocument();
    expect(later).not.toHaveClass('mw-row--soon');
  });

  it('Extend +30 m adds to that window’s end', async () => {
    const { api, user } = setup();
    await screen.findByRole('heading', { level: 1 });
    const extend = within(rowsOf(/^Active/)[1]!).getByRole('group', { name: 'Extend Kafka upgrade' });
    await user.click(within(extend).getByRole('button', { name: '+30 m: new end 15:30, was 15:00' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/windows/mw-long/extend').map((c) => c.body)).toEqual([{ minutes: 30 }]));
  });

  it('End now opens the confirmation with what it unmutes, and ends the window', async () => {
    const { api, user } = setup();
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(rowsOf(/^Active/)[0]!).getByRole('button', { name: 'End now: Database failover' }));
    const dialog = screen.getByRole('dialog', { name: 'End “Database failover” now?' });
    expect(await within(dialog).findByText(/Unmutes 4 groups on 3 monitors/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'End now' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/windows/mw-soon/end')).toHaveLength(1));
  });

  it('shows an empty state that explains and offers to plan', async () => {
    setup([]);
    expect(await screen.findByText('No maintenance windows')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Plan a window' }).map((a) => a.getAttribute('href'))).toContain('/maintenance/plan');
  });

  it('says which sections are empty', async () => {
    setup([WINDOWS[3]!]);
    expect(await screen.findByText('No window is active: nothing is muted for maintenance right now.')).toBeInTheDocument();
    expect(screen.getByText('Nothing is scheduled.')).toBeInTheDocument();
  });

  it('shows the stale banner with the data’s age when the BFF served its last good copy', async () => {
    setup(WINDOWS, { stale: true });
    expect(await screen.findByText(/showing data from/)).toHaveTextContent('(5 min ago)');
  });

  it('gives a viewer no actions', async () => {
    setup(WINDOWS, { role: 'viewer' });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    // Only the sub-navigation's tab is left, no "Plan a window" button.
    expect(screen.getAllByRole('link', { name: 'Plan a window' })).toEqual([within(screen.getByRole('navigation', { name: 'Maintenance' })).getByRole('link', { name: 'Plan a window' })]);
    expect(screen.queryByRole('link', { name: /^Clone/ })).not.toBeInTheDocument();
  });
});
