import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { DEFAULT_END_SETTINGS, type MaintenanceWindow } from '../../../contract/maintenance';
import { mockApi, reply, type MockRoutes } from '../../../testing/mock-api';
import { appConfig } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { buildWindow, GROUPS, HOUR, MINUTE, NOW, previewOf, weeklyWindow } from '../testing/window-fixtures';
import type { MonitorOption } from './monitor-picker';
import { PlanPage, type ScopeFieldProps } from './plan-page';

const MONITORS: MonitorOption[] = [
  { id: 101, name: 'Checkout API', tags: ['team:checkout', 'env:prod'], overallState: 'Alert' },
  { id: 102, name: 'Payments worker', tags: ['team:payments'], overallState: 'Warn' },
  { id: 103, name: 'Search indexer', tags: ['team:search'], overallState: 'No Data' },
];

/** Stands in for the monitors feature's scope input, which the route hands in. */
function TestScopeField({ value, onChange, label = 'Scope', serverError }: ScopeFieldProps) {
  return (
    <label>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={serverError ? true : undefined} />
      {serverError && <span>{serverError}</span>}
    </label>
  );
}

function setup({ role = 'responder', clone = null, monitorIds = [], routes = {} }: { role?: Role; clone?: MaintenanceWindow | null; monitorIds?: number[]; routes?: MockRoutes } = {}) {
  const api = mockApi({
    'GET /api/session': sessionFor(role),
    'GET /api/config': { ...appConfig, maxMuteHours: 168 },
    'POST /api/maintenance/preview': () => reply.json(previewOf()),
    'POST /api/maintenance/windows': () => reply.json(buildWindow({ id: 'mw-new' }), 201),
    ...routes,
  });
  const view = renderWithProviders(<PlanPage monitors={MONITORS} ScopeField={TestScopeField} clone={clone} monitorIds={monitorIds} />, {
    path: '/maintenance/plan',
    extraRoutes: [{ path: '/maintenance/windows/:id', element: <h1>Window page</h1> }],
  });
  return { api, ...view };
}

const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name });
const saves = (api: ReturnType<typeof setup>['api']) => api.callsTo('POST', '/api/maintenance/windows');

async function pickCheckoutApi(user: ReturnType<typeof setup>['user']) {
  await user.type(await screen.findByRole('searchbox', { name: 'Find monitors to add' }), 'checkout');
  await user.click(screen.getByRole('checkbox', { name: 'Checkout API' }));
}

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('PlanPage: the plan it sends', () => {
  it('plans a one-off window for a picked monitor, ending after 4 hours, and opens its page', async () => {
    const { api, user, router } = setup();
    await pickCheckoutApi(user);
    expect(within(screen.getByRole('list', { name: 'Picked monitors' })).getByText('Checkout API')).toBeInTheDocument();
    await user.clear(textbox('Scope (which groups)'));
    await user.type(textbox('Scope (which groups)'), 'env:prod');
    await user.click(screen.getByRole('radio', { name: '4 hours' }));
    expect(screen.getByText('From now until Tue 3 Jun, 16:00 (UTC): 4h.')).toBeInTheDocument();
    await user.type(textbox('Reason'), 'Database failover');
    await user.click(screen.getByRole('button', { name: 'Save window' }));

    await waitFor(() => expect(saves(api)).toHaveLength(1));
    expect(saves(api)[0]!.body).toEqual({
      targets: { monitorIds: [101], monitorTags: [] },
      scope: 'env:prod',
      schedule: { kind: 'once', start: null, end: NOW + 4 * HOUR },
      reason: 'Database failover',
      ticket: null,
      endSettings: DEFAULT_END_SETTINGS,
      displayTimezone: 'UTC',
    });
    expect(await screen.findByRole('heading', { name: 'Window page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/maintenance/windows/mw-new');
  });

  it('plans a weekly Saturday 02:00–04:00 window in Europe/Berlin for team:payments, showing the rule and the next 5 occurrences', async () => {
    const { api, user } = setup();
    await user.type(await screen.findByRole('textbox', { name: 'Monitor tags' }), 'team:payments{Enter}');
    await user.click(screen.getByRole('radio', { name: 'Recurring' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Timezone' }), 'Europe/Berlin');
    const on = screen.getByRole('group', { name: 'On' });
    await user.click(within(on).getByRole('checkbox', { name: 'Tue' }));
    await user.click(within(on).getByRole('checkbox', { name: 'Sat' }));
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2025-06-07' } });
    fireEvent.change(screen.getByLabelText('Start time (Europe/Berlin)'), { target: { value: '02:00' } });
    await user.clear(textbox('Duration'));
    await user.type(textbox('Duration'), '2h');

    expect(screen.getByText('Every week on Saturday at 02:00 for 2h (Europe/Berlin)')).toBeInTheDocument();
    const next = screen.getByRole('list', { name: 'Next occurrences' });
    expect(within(next).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sat 7 Jun, 02:00 – 04:00 (Sat 7 Jun 00:00 your time)',
      'Sat 14 Jun, 02:00 – 04:00 (Sat 14 Jun 00:00 your time)',
      'Sat 21 Jun, 02:00 – 04:00 (Sat 21 Jun 00:00 your time)',
      'Sat 28 Jun, 02:00 – 04:00 (Sat 28 Jun 00:00 your time)',
      'Sat 5 Jul, 02:00 – 04:00 (Sat 5 Jul 00:00 your time)',
    ]);

    await user.type(textbox('Reason'), 'Payments DB patching');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(saves(api)).toHaveLength(1));
    expect(saves(api)[0]!.body).toMatchObject({
      targets: { monitorIds: [], monitorTags: ['team:payments'] },
      scope: '*',
      schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2025-06-07T02:00', timezone: 'Europe/Berlin' },
      displayTimezone: 'Europe/Berlin',
    });
  });

  it('shows a bad custom RRULE as it is typed, and sends nothing until it is fixed', async () => {
    const { api, user } = setup({ monitorIds: [101] });
    await user.click(await screen.findByRole('radio', { name: 'Recurring' }));
    await user.click(screen.getByRole('radio', { name: 'Custom RRULE' }));
    expect(screen.queryByText(/Type an RRULE/)).not.toBeInTheDocument();
    await user.type(textbox('RRULE'), 'FREQ=HOURLY');
    expect(textbox('RRULE')).toHaveAccessibleDescription(/Windows repeat at most daily/);
    await user.type(textbox('Reason'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(saves(api)).toHaveLength(0);
    expect(textbox('RRULE')).toHaveFocus();
  });

  it('starts with the monitors from ?monitors= picked', async () => {
    setup({ monitorIds: [102, 999] });
    const picked = await screen.findByRole('list', { name: 'Picked monitors' });
    expect(within(picked).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['Payments worker', 'Monitor #999 (not in the list)']);
  });

  it('prefills a clone: targets, scope, rule, duration, timezone, reason and end settings, with a new start', async () => {
    const clone = weeklyWindow({ endSettings: { notifyEndStates: ['alert'], notifyEndTypes: ['expired', 'canceled'], muteFirstRecovery: true } });
    setup({ clone });
    expect(await screen.findByText(/Cloned from/)).toHaveTextContent('Cloned from Payments DB patching, with a new start.');
    expect(within(screen.getByRole('list', { name: 'Monitor tags' })).getByText('team:payments')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Recurring' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Weekly' })).toBeChecked();
    expect(within(screen.getByRole('group', { name: 'On' })).getByRole('checkbox', { name: 'Sat' })).toBeChecked();
    expect(screen.getByLabelText('First day')).toHaveValue('2025-06-03');
    expect(screen.getByLabelText('Start time (Europe/Berlin)')).toHaveValue('02:00');
    expect(textbox('Duration')).toHaveValue('2h');
    expect(screen.getByRole('combobox', { name: 'Timezone' })).toHaveValue('Europe/Berlin');
    expect(textbox('Reason')).toHaveValue('Payments DB patching');
    expect(screen.getByRole('checkbox', { name: 'Mute the first recovery after it ends' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Warn' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'it is ended early (End now)' })).toBeChecked();
  });
});

describe('PlanPage: guardrails', () => {
  it('tells a responder that an indefinite window needs an admin and a ticket, and sends nothing', async () => {
    const { api, user } = setup({ monitorIds: [101] });
    await user.click(await screen.findByRole('radio', { name: 'Indefinitely' }));
    expect(screen.getByText('This needs an admin.').closest('.notice')).toHaveTextContent(
      'Only an admin can plan an indefinite window; give an end within 168 hours.',
    );
    expect(screen.getByText('Before it can be saved:').closest('.notice')).toHaveTextContent('An indefinite window needs a ticket link.');
    expect(screen.queryByRole('textbox', { name: 'Override reason' })).not.toBeInTheDocument();
    await user.type(textbox('Reason'), 'Forever');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(saves(api)).toHaveLength(0);
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved: one field needs attention, and this plan needs an admin. See the messages above.');
    expect(textbox('Ticket link')).toHaveAccessibleDescription(/An indefinite window needs a ticket link/);
  });

  it('asks an admin for an override reason past the cap, and sends it', async () => {
    const { api, user } = setup({ role: 'admin', monitorIds: [101] });
    await user.click(within(await screen.findByRole('group', { name: 'Ends' })).getByRole('radio', { name: 'At a time…' }));
    fireEvent.change(screen.getByLabelText('End (date and time, UTC)'), { target: { value: '2025-06-13T12:00' } });
    expect(screen.queryByText('This needs an admin.')).not.toBeInTheDocument();
    const override = textbox('Override reason');
    expect(override).toHaveAccessibleDescription(/goes past the 168-hour cap/);
    await user.type(textbox('Reason'), 'Datacenter move');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(saves(api)).toHaveLength(0);
    expect(override).toHaveAccessibleDescription(/Say why this window is longer than 168 hours/);
    expect(override).toHaveFocus();

    await user.type(override, 'Ten-day migration, CHG-7');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(saves(api)).toHaveLength(1));
    expect(saves(api)[0]!.body).toMatchObject({ overrideReason: 'Ten-day migration, CHG-7', schedule: { end: Date.UTC(2025, 5, 13, 12, 0) } });
  });

  it('shows the mute-everything danger panel; a responder is told only an admin can', async () => {
    const { api, user } = setup();
    await screen.findByRole('textbox', { name: 'Scope (which groups)' });
    expect(screen.queryByRole('heading', { name: /This mutes everything/ })).not.toBeInTheDocument();
    await user.clear(textbox('Scope (which groups)'));
    await user.type(textbox('Scope (which groups)'), '*');
    const danger = screen.getByRole('region', { name: /This mutes everything/ });
    expect(danger).toHaveTextContent('Only an admin can plan this.');
    expect(within(danger).queryByRole('textbox')).not.toBeInTheDocument();
    await user.type(textbox('Reason'), 'All quiet');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(saves(api)).toHaveLength(0);
  });

  it('makes an admin type the confirmation before muting everything', async () => {
    const { api, user } = setup({ role: 'admin' });
    await user.type(await screen.findByRole('textbox', { name: 'Monitor tags' }), '*{Enter}');
    const danger = screen.getByRole('region', { name: /This mutes everything/ });
    const confirm = within(danger).getByRole('textbox', { name: 'Type “mute everything” to confirm' });
    await user.type(textbox('Reason'), 'Full outage drill');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(saves(api)).toHaveLength(0);
    expect(confirm).toHaveAccessibleDescription('This mutes everything: type "mute everything" to confirm');

    await user.type(confirm, 'mute everything');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(saves(api)).toHaveLength(1));
    expect(saves(api)[0]!.body).toMatchObject({ targets: { monitorIds: [], monitorTags: ['*'] }, scope: '*', confirm: 'mute everything' });
  });
});

describe('PlanPage: preview and forecast', () => {
  it('previews every monitor × group with its state and what matched, and what tags will catch later', async () => {
    const { api, user } = setup({
      routes: {
        'POST /api/maintenance/preview': (req) =>
          reply.json(previewOf(GROUPS, { futureMonitorCount: (req.body as { targets: { monitorTags: string[] } }).targets.monitorTags.length ? 2 : 0 })),
      },
    });
    await pickCheckoutApi(user);
    await user.type(textbox('Monitor tags'), 'team:payments{Enter}');
    const table = await screen.findByRole('table', { name: 'Groups this window would mute' });
    await waitFor(() => expect(api.callsTo('POST', '/api/maintenance/preview').at(-1)?.body).toMatchObject({ targets: { monitorTags: ['team:payments'] } }));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['▲Alert', 'Checkout API', 'env:prod,host:web-1', 'pickedscope env:prod'],
      ['◆Warn', 'Payments worker', 'env:prod', 'monitor tag team:paymentsscope env:prod'],
      ['◌No Data', 'Search indexer', 'env:prod,region:eu', 'pickedscope env:prod'],
      ['✓OK', 'Checkout API', 'env:prod,host:web-2', 'pickedscope env:prod'],
    ]);
    expect(screen.getByText(/Would mute 4 groups on 3 monitors right now/).closest('p')).toHaveTextContent(
      'Would mute 4 groups on 3 monitors right now: 1 Alert, 1 Warn, 1 No Data, 1 OK.',
    );
    expect(
      await screen.findByText('2 more monitors carry these tags and will be caught when a matching group appears (and any monitor created later with these tags).'),
    ).toBeInTheDocument();
    const previews = api.callsTo('POST', '/api/maintenance/preview');
    expect(previews[previews.length - 1]!.body).toMatchObject({ targets: { monitorIds: [101], monitorTags: ['team:payments'] }, scope: '*' });

    // Typing a reason changes nothing the preview reads: it is not asked again.
    const before = api.callsTo('POST', '/api/maintenance/preview').length;
    await user.type(textbox('Reason'), 'Failover');
    await new Promise((r) => setTimeout(r, 500));
    expect(api.callsTo('POST', '/api/maintenance/preview')).toHaveLength(before);
  });

  it('forecasts who notifies at the end, updates as end settings change, and says plainly when nothing would', async () => {
    const { user } = setup({ monitorIds: [101] });
    const forecast = await screen.findByRole('region', { name: 'When it ends' });
    await within(forecast).findByText(/3 groups would notify/);
    expect(forecast).toHaveTextContent('3 groups would notify when it ends at Tue 3 Jun, 13:00: they are not OK now.');
    expect(within(within(forecast).getByRole('list', { name: 'Groups that would notify' })).getAllByRole('listitem')).toHaveLength(3);

    await user.click(screen.getByRole('checkbox', { name: 'Alert' }));
    expect(forecast).toHaveTextContent('2 groups would notify when it ends');
    await user.click(screen.getByRole('checkbox', { name: 'it expires (reaches its end)' }));
    expect(forecast).toHaveTextContent('Nothing would notify when it ends at Tue 3 Jun, 13:00: its end settings do not notify when it expires.');
  });

  it('+30 m moves the end, "Mute first recovery" sets it, and the plan sent has both', async () => {
    const { api, user } = setup({ monitorIds: [101] });
    const forecast = await screen.findByRole('region', { name: 'When it ends' });
    await within(forecast).findByText(/3 groups would notify/);
    const plus = await within(forecast).findByRole('button', { name: '+30 m, ends Tue 3 Jun, 13:30 instead of Tue 3 Jun, 13:00' });
    await user.click(plus);
    expect(screen.getByLabelText('End (date and time, UTC)')).toHaveValue('2025-06-03T13:30');
    expect(forecast).toHaveTextContent('3 groups would notify when it ends at Tue 3 Jun, 13:30');
    await user.click(within(forecast).getByRole('button', { name: 'Mute first recovery' }));
    expect(screen.getByRole('checkbox', { name: 'Mute the first recovery after it ends' })).toBeChecked();
    expect(within(forecast).getByRole('button', { name: 'First recovery muted' })).toBeDisabled();

    await user.type(textbox('Reason'), 'Failover');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(saves(api)).toHaveLength(1));
    expect(saves(api)[0]!.body).toMatchObject({
      schedule: { kind: 'once', start: null, end: NOW + 90 * MINUTE },
      endSettings: { ...DEFAULT_END_SETTINGS, muteFirstRecovery: true },
    });
  });

  it('"Extend until they recover" is asked for right after saving', async () => {
    const { api, user, router } = setup({
      monitorIds: [101],
      routes: { 'POST /api/maintenance/windows/:id/until-recovered': () => reply.json(buildWindow({ id: 'mw-new', untilRecovered: true })) },
    });
    const forecast = await screen.findByRole('region', { name: 'When it ends' });
    await user.click(await within(forecast).findByRole('button', { name: /^Extend until they recover/ }));
    expect(within(forecast).getByRole('button', { name: /Extending until they recover/ })).toHaveAttribute('aria-pressed', 'true');
    await user.type(textbox('Reason'), 'Failover');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/maintenance/windows/mw-new'));
    expect(saves(api)).toHaveLength(1);
    expect(api.callsTo('POST', '/api/maintenance/windows/mw-new/until-recovered')).toHaveLength(1);
  });

  it('says when nothing matches, and the preview stays quiet while the scope does not parse', async () => {
    const { user } = setup({ monitorIds: [101], routes: { 'POST /api/maintenance/preview': () => reply.json(previewOf([])) } });
    expect(await screen.findByText('Nothing matches right now.')).toBeInTheDocument();
    await user.clear(textbox('Scope (which groups)'));
    await user.type(textbox('Scope (which groups)'), 'env:(a OR');
    expect(screen.getByText('The preview appears once the scope and the schedule are valid.')).toBeInTheDocument();
  });
});

describe('PlanPage: errors from the BFF', () => {
  it('puts 400 field errors next to their fields and keeps everything typed', async () => {
    const { api, user } = setup({
      monitorIds: [101],
      routes: {
        'POST /api/maintenance/windows': () =>
          reply.error(400, 'invalid_request', 'The request is not valid', {
            fields: { 'body.ticket': ['Use the company tracker'], 'body.scope': ['Unknown tag key'] },
          }),
      },
    });
    await user.type(await screen.findByRole('textbox', { name: 'Reason' }), 'Failover');
    await user.type(textbox('Ticket link'), 'https://tickets.example.org/1');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(saves(api)).toHaveLength(1));
    expect(await screen.findByText('Use the company tracker')).toBeInTheDocument();
    expect(textbox('Ticket link')).toHaveAccessibleDescription('Use the company tracker');
    expect(screen.getByText('Unknown tag key')).toBeInTheDocument();
    expect(textbox('Reason')).toHaveValue('Failover');
    expect(textbox('Ticket link')).toHaveValue('https://tickets.example.org/1');
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved: 2 fields need attention. See the messages above.');
  });

  it('shows a 403 from the guardrails by the Save button, with its code', async () => {
    const { api, user } = setup({
      monitorIds: [101],
      routes: { 'POST /api/maintenance/windows': () => reply.error(403, 'forbidden', 'Windows longer than 168 hours need an admin') },
    });
    await user.type(await screen.findByRole('textbox', { name: 'Reason' }), 'Failover');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    await waitFor(() => expect(saves(api)).toHaveLength(1));
    const alert = await screen.findByText(/Windows longer than 168 hours need an admin/);
    expect(alert.closest('.inline-error')).toHaveTextContent('Not saved: Windows longer than 168 hours need an admin');
    expect(textbox('Reason')).toHaveValue('Failover');
  });
});
