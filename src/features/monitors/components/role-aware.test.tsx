import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { mockApi, reply, type MockRequest } from '../../../testing/mock-api';
import { appConfig, buildDowntime, buildGroup, cpuDetail, FIXTURE_NOW, listResponse } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { unavailableHistory } from '../../../testing/service-check-fixtures';
import { MonitorDetailView } from './monitor-detail';
import { MonitorList } from './monitor-list';

const HOUR = 3_600_000;

/** Monitor 1 with web-1 muted by a downtime, so Unmute… and Cancel… have something to act on. */
function mutedCpuDetail() {
  return cpuDetail({
    groups: [
      buildGroup('env:prod,host:web-1', 'Alert', { muted: true, mutedUntil: FIXTURE_NOW + HOUR }),
      buildGroup('env:prod,host:web-2', 'Warn'),
    ],
    mute: { state: 'partial', endsAt: FIXTURE_NOW + HOUR, mutedGroups: 1, downtimes: 1 },
    downtimes: [buildDowntime({ scope: 'host:web-1', endAt: FIXTURE_NOW + HOUR })],
  });
}

function renderList(role: Role) {
  const api = mockApi({ 'GET /api/config': appConfig, 'GET /api/session': sessionFor(role), 'GET /api/monitors': listResponse() });
  return { api, ...renderWithProviders(<MonitorList />, { path: '/monitors', initialEntries: ['/monitors'] }) };
}

function renderDetail(role: Role, config: object = appConfig) {
  const api = mockApi({
    'GET /api/config': config,
    'GET /api/session': sessionFor(role),
    'GET /api/monitors/:id': mutedCpuDetail(),
    'GET /api/monitors/:id/history': unavailableHistory(),
    'POST /api/monitors/:id/mute': (req: MockRequest) => reply.json(buildDowntime({ scope: (req.body as { scope: string }).scope })),
  });
  return { api, ...renderWithProviders(<MonitorDetailView id={1} />, { path: '/monitors/:id', initialEntries: ['/monitors/1'] }) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('what each role sees on the list', () => {
  it('a viewer gets no selection checkboxes and no bulk actions, and x selects nothing', async () => {
    const { user } = renderList('viewer');
    const table = await screen.findByRole('table', { name: 'Monitors' });
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(7);
    await user.keyboard('jx');
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mute…' })).not.toBeInTheDocument();
  });

  it.each(['responder', 'admin'] as const)('a %s can select rows and bulk mute', async (role) => {
    const { user } = renderList(role);
    const table = await screen.findByRole('table', { name: 'Monitors' });
    expect(within(table).getAllByRole('checkbox')).toHaveLength(7);
    await user.click(screen.getByRole('checkbox', { name: 'Select Auth service 5xx' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByRole('button', { name: 'Mute…' })).toBeInTheDocument();
  });
});

describe('what each role sees on the detail', () => {
  it('a viewer reads everything but gets no Mute…, Unmute…, Mute group or Cancel… buttons', async () => {
    renderDetail('viewer');
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    expect(screen.getByRole('table', { name: 'Groups' })).toHaveTextContent('env:prod,host:web-1');
    expect(screen.getByRole('heading', { name: /Downtimes/ }).closest('section')).toHaveTextContent('host:web-1');
    expect(screen.queryByRole('button', { name: 'Mute…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unmute…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Mute group/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Cancel downtime/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it.each(['responder', 'admin'] as const)('a %s gets every mute action', async (role) => {
    renderDetail(role);
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    expect(screen.getByRole('button', { name: 'Mute…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unmute…' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Mute group/ })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Cancel downtime host:web-1' })).toBeInTheDocument();
  });
});

describe('the mute dialog for a responder', () => {
  async function openMute(user: ReturnType<typeof renderDetail>['user']) {
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Mute…' }));
    return screen.getByRole('dialog', { name: 'Mute High CPU on web tier' });
  }

  it('disables Indefinitely and says only an admin can', async () => {
    const { user } = renderDetail('responder');
    const dialog = await openMute(user);
    const indefinitely = within(dialog).getByRole('radio', { name: 'Indefinitely' });
    expect(indefinitely).toBeDisabled();
    expect(within(dialog).getByText('Only an admin can mute indefinitely')).toBeInTheDocument();
    expect(indefinitely).toHaveAccessibleDescription(/Only an admin can mute indefinitely/);
    expect(within(dialog).getByRole('radio', { name: '1 day' })).toBeEnabled();
  });

  it('refuses an end beyond 168 h inline and sends nothing; within the cap it mutes', async () => {
    const { api, user } = renderDetail('responder');
    const dialog = await openMute(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Long migration');
    await user.click(within(dialog).getByRole('radio', { name: 'Until…' }));
    const until = within(dialog).getByLabelText('End date and time (your local time)');
    // FIXTURE_NOW is 2025-06-03 12:00 UTC; 8 days on is past the 7-day cap.
    await user.type(until, '2025-06-11T12:00');
    expect(within(dialog).getByText('Longer than 168 h: only an admin can do that')).toBeInTheDocument();
    expect(until).toHaveAttribute('aria-invalid', 'true');
    await user.click(within(dialog).getByRole('button', { name: /^Mute the whole monitor until/ }));
    expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(0);

    const withinCap = new Date(FIXTURE_NOW + 48 * HOUR);
    const pad = (n: number) => String(n).padStart(2, '0');
    const value = `${withinCap.getFullYear()}-${pad(withinCap.getMonth() + 1)}-${pad(withinCap.getDate())}T${pad(withinCap.getHours())}:${pad(withinCap.getMinutes())}`;
    await user.clear(until);
    await user.type(until, value);
    expect(within(dialog).queryByText(/Longer than 168 h/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /^Mute the whole monitor until/ }));
    await waitFor(() => expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/monitors/1/mute')[0]!.body).toEqual({
      scope: '*',
      end: FIXTURE_NOW + 48 * HOUR,
      reason: 'Long migration',
    });
  });

  it('uses the cap from /api/config', async () => {
    const { user } = renderDetail('responder', { ...appConfig, maxMuteHours: 2 });
    const dialog = await openMute(user);
    expect(within(dialog).getByRole('radio', { name: '1 hour' })).toBeEnabled();
    expect(within(dialog).getByRole('radio', { name: '4 hours' })).toBeDisabled();
    expect(within(dialog).getByRole('radio', { name: '1 day' })).toBeDisabled();
    expect(dialog).toHaveTextContent('You can mute for up to 2 h.');
  });

  it('requires a reason (1–1000 characters) with a counter, for every mute', async () => {
    const { api, user } = renderDetail('responder');
    const dialog = await openMute(user);
    const reason = within(dialog).getByRole('textbox', { name: /Reason/ });
    expect(reason).toBeRequired();
    expect(reason).toHaveAttribute('maxlength', '1000');
    expect(within(dialog).getByText('0 / 1000 characters')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 1 hour' }));
    expect(within(dialog).getByText('A reason is required')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(0);

    await user.type(reason, 'CHG-42');
    expect(within(dialog).getByText('6 / 1000 characters')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 1 hour' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/monitors/1/mute')[0]!.body).toEqual({ scope: '*', end: FIXTURE_NOW + HOUR, reason: 'CHG-42' });
  });

  it('shows a 403 from the BFF inline (the role is checked there too)', async () => {
    const { api, user } = renderDetail('responder');
    api.use({ 'POST /api/monitors/:id/mute': () => reply.error(403, 'forbidden', 'Only an admin can mute for longer than 168 h') });
    const dialog = await openMute(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Deploy');
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 1 hour' }));
    const error = await within(dialog).findByText(/Only an admin can mute for longer than 168 h/);
    expect(error.closest('.inline-error')).toHaveTextContent('forbidden');
  });
});

describe('the mute dialog for an admin', () => {
  it('has no cap: Indefinitely is there (with its reason), and no limit hint', async () => {
    const { api, user } = renderDetail('admin');
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Mute…' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByText('Only an admin can mute indefinitely')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Indefinitely' }));
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor indefinitely' }));
    expect(within(dialog).getByText('A reason is required to mute indefinitely')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Retired host');
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor indefinitely' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/monitors/1/mute')[0]!.body).toEqual({ scope: '*', end: null, reason: 'Retired host' });
  });
});

describe('the bulk mute dialog for a responder', () => {
  it('has the same cap and required reason', async () => {
    const { api, user } = renderList('responder');
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Auth service 5xx' }));
    await user.click(within(screen.getByRole('region', { name: 'Bulk actions' })).getByRole('button', { name: 'Mute…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute 1 monitor' });
    expect(within(dialog).getByRole('radio', { name: 'Indefinitely' })).toBeDisabled();
    expect(within(dialog).getByText('Only an admin can mute indefinitely')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 monitor for 1 hour' }));
    expect(within(dialog).getByText('A reason is required')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Until…' }));
    await user.type(within(dialog).getByLabelText('End date and time (your local time)'), '2025-07-01T12:00');
    expect(within(dialog).getByText('Longer than 168 h: only an admin can do that')).toBeInTheDocument();
    expect(api.callsTo('POST', /\/mute$/)).toHaveLength(0);
  });
});
