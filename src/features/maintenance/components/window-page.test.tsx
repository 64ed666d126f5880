import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { DEFAULT_END_SETTINGS, type MaintenanceWindow } from '../../../contract/maintenance';
import { mockApi, reply, type MockRoutes } from '../../../testing/mock-api';
import { appConfig } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { buildWindow, HOUR, MINUTE, NOW, previewOf, weeklyWindow } from '../testing/window-fixtures';
import { WindowPage } from './window-page';

function setup({ window = buildWindow(), role = 'responder', routes = {} }: { window?: MaintenanceWindow; role?: Role; routes?: MockRoutes } = {}) {
  let current = window;
  const api = mockApi({
    'GET /api/session': sessionFor(role),
    'GET /api/config': { ...appConfig, maxMuteHours: 168 },
    'GET /api/maintenance/windows/:id': () => reply.json({ window: current, preview: previewOf() }),
    'POST /api/maintenance/windows/:id/extend': (req) => {
      const { minutes } = req.body as { minutes: number };
      if (current.schedule.kind === 'once' && current.schedule.end !== null) {
        current = { ...current, schedule: { ...current.schedule, end: current.schedule.end + minutes * MINUTE } };
      }
      return reply.json(current);
    },
    ...routes,
  });
  const view = renderWithProviders(<WindowPage id={window.id} />, {
    path: '/maintenance/windows/:id',
    initialEntries: [`/maintenance/windows/${window.id}`],
    extraRoutes: [{ path: '/maintenance/plan', element: <h1>Planner</h1> }],
  });
  return { api, ...view };
}

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('WindowPage', () => {
  it('shows the window: status, timing, targets linking to monitors, scope, reason, ticket, creator and end settings', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Database failover' })).toBeInTheDocument();
    expect(screen.getByText('Ends 14:00 · 2h left')).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Monitors' })).getByRole('link', { name: 'Checkout API' })).toHaveAttribute('href', '/monitors/101');
    expect(screen.getByText('env:prod', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://jira.example.com/browse/OPS-42' })).toHaveAttribute('href', 'https://jira.example.com/browse/OPS-42');
    expect(screen.getByText('Groups in Alert or Warn or No Data notify when it expires.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Groups this window covers' })).getAllByRole('row')).toHaveLength(5);
  });

  it('Extend says the new end and the old one, adds to the current end, and sends the minutes', async () => {
    const { api, user } = setup();
    const extend = await screen.findByRole('group', { name: 'Extend' });
    expect(within(extend).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      '+30 m: new end 14:30, was 14:00',
      '+1 h: new end 15:00, was 14:00',
      '+4 h: new end 18:00, was 14:00',
    ]);
    await user.click(within(extend).getByRole('button', { name: '+1 h: new end 15:00, was 14:00' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/windows/mw-1/extend')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/maintenance/windows/mw-1/extend')[0]!.body).toEqual({ minutes: 60 });
    expect(await screen.findByText('Extended: it now ends 15:00.')).toBeInTheDocument();
    // The page loads the window again: the steps now count from the new end.
    expect(await within(extend).findByRole('button', { name: '+30 m: new end 15:30, was 15:00' })).toBeInTheDocument();
  });

  it('turns off the steps past the responder cap, and says why', async () => {
    setup({ window: buildWindow({ schedule: { kind: 'once', start: NOW - 166 * HOUR, end: NOW + HOUR } }) });
    const extend = await screen.findByRole('group', { name: 'Extend' });
    expect(within(extend).getByRole('button', { name: /^\+30 m/ })).toBeEnabled();
    expect(within(extend).getByRole('button', { name: /^\+1 h/ })).toBeEnabled();
    expect(within(extend).getByRole('button', { name: /^\+4 h/ })).toBeDisabled();
    expect(screen.getByText('Windows longer than 168 hours need an admin, so the longer steps are off.')).toBeInTheDocument();
  });

  it('End now lists what it unmutes and which groups will notify on cancel, then ends it', async () => {
    const w = buildWindow({ endSettings: { notifyEndStates: ['alert', 'warn'], notifyEndTypes: ['expired', 'canceled'], muteFirstRecovery: false } });
    const { api, user } = setup({ window: w, routes: { 'POST /api/maintenance/windows/:id/end': () => reply.json({ canceled: ['dt-1'] }) } });
    await user.click(await screen.findByRole('button', { name: 'End now' }));
    const dialog = screen.getByRole('dialog', { name: 'End “Database failover” now?' });
    expect(dialog).toHaveTextContent('Unmutes 4 groups on 3 monitors: 1 Alert, 1 Warn, 1 No Data, 1 OK.');
    expect(within(within(dialog).getByRole('list', { name: 'Monitors it unmutes' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Checkout API (2 groups)',
      'Payments worker (1 group)',
      'Search indexer (1 group)',
    ]);
    expect(dialog).toHaveTextContent('2 groups will notify as it ends');
    expect(within(within(dialog).getByRole('list', { name: 'Groups that will notify' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '▲Alert Checkout API env:prod,host:web-1',
      '◆Warn Payments worker env:prod',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'End now' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/windows/mw-1/end')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('End now says plainly when nothing notifies on cancel (the default end settings), and keeps an error in the dialog', async () => {
    const { user } = setup({ routes: { 'POST /api/maintenance/windows/:id/end': () => reply.error(502, 'upstream_error', 'Datadog answered 500') } });
    await user.click(await screen.findByRole('button', { name: 'End now' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('No group notifies as it ends: its end settings do not notify on an early end.');
    await user.click(within(dialog).getByRole('button', { name: 'End now' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not ended: Datadog answered 500');
  });

  it('the forecast’s one-click actions: +30 m extends, mute first recovery updates the end settings, until recovered asks the BFF', async () => {
    const { api, user } = setup({
      routes: {
        'PUT /api/maintenance/windows/:id/end-settings': (req) => reply.json(buildWindow({ endSettings: (req.body as { endSettings: typeof DEFAULT_END_SETTINGS }).endSettings })),
        'POST /api/maintenance/windows/:id/until-recovered': () => reply.json(buildWindow({ untilRecovered: true })),
      },
    });
    const forecast = await screen.findByRole('region', { name: 'When it ends' });
    expect(forecast).toHaveTextContent('3 groups would notify when it ends at 14:00: they are not OK now.');

    await user.click(within(forecast).getByRole('button', { name: '+30 m, ends 14:30 instead of 14:00' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/windows/mw-1/extend').map((c) => c.body)).toEqual([{ minutes: 30 }]));

    await user.click(await within(forecast).findByRole('button', { name: 'Mute first recovery' }));
    await waitFor(() => expect(api.callsTo('PUT', '/api/maintenance/windows/mw-1/end-settings')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/maintenance/windows/mw-1/end-settings')[0]!.body).toEqual({
      endSettings: { ...DEFAULT_END_SETTINGS, muteFirstRecovery: true },
    });

    await user.click(await within(forecast).findByRole('button', { name: 'Extend until they recover' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/windows/mw-1/until-recovered')).toHaveLength(1));
    expect(await within(forecast).findByText('It will be extended in 30-minute steps until these groups recover.')).toBeInTheDocument();
  });

  it('highlights a window ending within 10 minutes', async () => {
    setup({ window: buildWindow({ schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 8 * MINUTE } }) });
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.closest('header')).toHaveClass('mw-head--soon');
    expect(screen.getByText(/ending soon/)).toBeInTheDocument();
  });

  it('shows a recurring window’s rule, its next occurrence and the next five in its timezone', async () => {
    setup({ window: weeklyWindow() });
    expect(await screen.findByText('Every week on Saturday at 02:00 for 2h (Europe/Berlin)')).toBeInTheDocument();
    expect(screen.getByText(/Next occurrence: Sat 7 Jun, 02:00 – 04:00/)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Next occurrences (Europe/Berlin)' })).getAllByRole('listitem')[0]).toHaveTextContent(
      'Sat 7 Jun, 02:00 – 04:00',
    );
    expect(screen.getByRole('button', { name: 'Cancel the window' })).toBeInTheDocument();
    expect(screen.getByText(/Any monitor created later with these tags is caught too/)).toBeInTheDocument();
  });

  it('an ended window offers Clone only, and no forecast', async () => {
    setup({ window: buildWindow({ status: 'ended', schedule: { kind: 'once', start: NOW - 3 * HOUR, end: NOW - HOUR } }) });
    expect(await screen.findByText('Ended 11:00')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clone' })).toHaveAttribute('href', '/maintenance/plan?clone=mw-1');
    expect(screen.queryByRole('button', { name: 'End now' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Extend' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'When it ends' })).not.toBeInTheDocument();
  });

  it('a viewer reads the window and its forecast, with no actions', async () => {
    setup({ role: 'viewer' });
    const forecast = await screen.findByRole('region', { name: 'When it ends' });
    expect(within(forecast).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'End now' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Clone' })).not.toBeInTheDocument();
  });
});

describe('WindowPage: the creator’s reminder', () => {
  function stubNotification(permission: NotificationPermission, answer: NotificationPermission = permission) {
    const requestPermission = vi.fn(async () => answer);
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission, requestPermission }));
    return requestPermission;
  }

  it('lets the creator opt in: asks the browser, then says when the reminder comes', async () => {
    const ask = stubNotification('default', 'granted');
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Remind me 10 minutes before it ends' }));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/You’ll be reminded at 13:50, while watchdeck is open in this browser/)).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('watchdeck.maintenance.reminders')!)).toEqual({ 'mw-1': { optedInAt: NOW, notifiedEnd: null } });
    await user.click(screen.getByRole('button', { name: 'Don’t remind me' }));
    expect(screen.getByRole('button', { name: 'Remind me 10 minutes before it ends' })).toBeInTheDocument();
  });

  it('says plainly when notifications are blocked, and stores no opt-in', async () => {
    stubNotification('default', 'denied');
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Remind me 10 minutes before it ends' }));
    expect(await screen.findByText(/Notifications are blocked for this site/)).toBeInTheDocument();
    expect(localStorage.getItem('watchdeck.maintenance.reminders')).toBeNull();
  });

  it('says so when the browser has no notifications, and offers nothing to anyone but the creator', async () => {
    const { unmount } = setup();
    expect(await screen.findByText(/This browser cannot show notifications/)).toBeInTheDocument();
    unmount();
    stubNotification('default');
    setup({ role: 'admin' });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: /Remind me/ })).not.toBeInTheDocument();
  });
});
