import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import type { MonitorDetail } from '../../../contract/monitors';
import { mockApi, reply, type MockRequest } from '../../../testing/mock-api';
import {
  appConfig,
  buildDetail,
  buildDowntime,
  buildGroup,
  buildSummary,
  FIXTURE_NOW,
  listResponse,
  monitors,
} from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { LAST_MUTE_END_KEY } from '../utils/last-mute-end';
import { MonitorList } from './monitor-list';

const HOUR = 3_600_000;
const DT_CHECKOUT = '00000000-0000-4000-8000-0000000000c1';
const DT_DISK = '00000000-0000-4000-8000-0000000000d1';
const DT_DISK_TAGS = '00000000-0000-4000-8000-0000000000d2';

// Default order on screen: Auth (6), High CPU (1), Payments (2), Disk (4), Checkout (3), Nightly (5).
const ORDER = [
  'Auth service 5xx',
  'High CPU on web tier',
  'Payments API error rate',
  'Disk space on db hosts',
  'Checkout latency p99',
  'Nightly batch heartbeat',
];

const summary = (id: number) => monitors.find((m) => m.id === id)!;

/** Checkout (3): both groups OK, muted by "*". */
function checkoutDetail(): MonitorDetail {
  return buildDetail(
    summary(3),
    [
      buildGroup('region:eu', 'OK', { muted: true, mutedUntil: FIXTURE_NOW + 2 * HOUR }),
      buildGroup('region:us', 'OK', { muted: true, mutedUntil: FIXTURE_NOW + 2 * HOUR }),
    ],
    [buildDowntime({ id: DT_CHECKOUT, monitorId: 3, scope: '*' })],
  );
}

/** Disk (4): two groups in No Data muted by its own downtime; db-3 also muted by a tag-targeted one, which stays. */
function diskDetail(): MonitorDetail {
  return buildDetail(
    summary(4),
    [
      buildGroup('host:db-1', 'No Data', { muted: true, mutedUntil: FIXTURE_NOW + HOUR }),
      buildGroup('host:db-2', 'No Data', { muted: true, mutedUntil: FIXTURE_NOW + HOUR }),
      buildGroup('host:db-3', 'OK', { muted: true, mutedUntil: null }),
    ],
    [
      buildDowntime({ id: DT_DISK, monitorId: 4, scope: '*', endAt: FIXTURE_NOW + HOUR }),
      buildDowntime({ id: DT_DISK_TAGS, monitorId: null, monitorTags: ['team:data'], scope: 'host:db-3', endAt: null }),
    ],
  );
}

const details: Record<string, MonitorDetail> = { '3': checkoutDetail(), '4': diskDetail() };

function setup(role: Role = 'admin', routes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor(role),
    'GET /api/monitors': listResponse(),
    'GET /api/monitors/:id': (req: MockRequest) =>
      details[req.params.id!] ? reply.json(details[req.params.id!]) : reply.error(404, 'not_found', 'No such monitor'),
    'POST /api/monitors/:id/mute': (req: MockRequest) => reply.json(buildDowntime({ monitorId: Number(req.params.id) })),
    'POST /api/monitors/:id/unmute': (req: MockRequest) =>
      req.params.id === '4'
        ? reply.json({ canceled: [DT_DISK], skipped: [{ id: DT_DISK_TAGS, scope: 'host:db-3', reason: 'targets monitor tags' }] })
        : reply.json({ canceled: [DT_CHECKOUT], skipped: [] }),
    ...routes,
  });
  const view = renderWithProviders(<MonitorList />, {
    path: '/monitors',
    initialEntries: ['/monitors'],
    extraRoutes: [{ path: '/monitors/:id', element: <p>Monitor detail page</p> }],
  });
  return { api, ...view };
}

function row(name: string): HTMLElement {
  return screen.getByRole('link', { name, hidden: true }).closest('tr')!;
}

function checkbox(name: string) {
  return screen.getByRole('checkbox', { name: `Select ${name}` });
}

function focusedRows(): string[] {
  return ORDER.filter((name) => row(name).classList.contains('is-focused'));
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('keyboard triage: moving', () => {
  it('j/k move a single outlined, focused cursor, scroll it into view, and stop at the first and last rows', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    expect(focusedRows()).toEqual([]);

    await user.keyboard('j');
    expect(row(ORDER[0]!)).toHaveFocus();
    expect(focusedRows()).toEqual([ORDER[0]]);
    expect(row(ORDER[0]!)).toHaveAttribute('tabindex', '0');
    expect(scroll).toHaveBeenLastCalledWith({ block: 'nearest' });

    await user.keyboard('k');
    expect(row(ORDER[0]!)).toHaveFocus();

    await user.keyboard('jjj');
    expect(row(ORDER[3]!)).toHaveFocus();
    expect(focusedRows()).toEqual([ORDER[3]]);

    await user.keyboard('jjjjj');
    expect(row(ORDER[5]!)).toHaveFocus();
    expect(focusedRows()).toEqual([ORDER[5]]);

    await user.keyboard('k');
    expect(row(ORDER[4]!)).toHaveFocus();
    scroll.mockRestore();
  });

  it('Enter opens the monitor under the cursor; Escape leaves the cursor', async () => {
    const { user, router } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jj{Escape}');
    expect(focusedRows()).toEqual([]);
    expect(row(ORDER[1]!)).not.toHaveFocus();

    await user.keyboard('jj{Enter}');
    expect(router.state.location.pathname).toBe('/monitors/1');
    expect(await screen.findByText('Monitor detail page')).toBeInTheDocument();
  });
});

describe('keyboard triage: selecting', () => {
  it('x toggles the row under the cursor and shift+x selects the range from the last toggled row, announced politely', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jjx');
    expect(checkbox('High CPU on web tier')).toBeChecked();
    expect(screen.getByText('1 monitor selected')).toHaveAttribute('aria-live', 'polite');

    await user.keyboard('jjj{Shift>}X{/Shift}');
    expect(ORDER.map((n) => (checkbox(n) as HTMLInputElement).checked)).toEqual([false, true, true, true, true, false]);
    expect(screen.getByText('4 monitors selected')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('region', { name: 'Bulk actions' })).toHaveTextContent('4 selected');

    await user.keyboard('x');
    expect(checkbox('Checkout latency p99')).not.toBeChecked();
    expect(screen.getByText('3 monitors selected')).toBeInTheDocument();
  });
});

describe('keyboard triage: m mutes with the last-used duration', () => {
  it('opens the bulk mute dialog with the end from localStorage, the reason focused and the targets shown; nothing is sent until confirmed', async () => {
    localStorage.setItem(LAST_MUTE_END_KEY, '4h');
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jjxjx');
    await user.keyboard('m');

    const dialog = await screen.findByRole('dialog', { name: 'Mute 2 monitors' });
    expect(within(dialog).getByRole('radio', { name: '4 hours' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toHaveFocus();
    const targets = within(dialog).getByRole('heading', { name: 'These 2 monitors will be muted' }).parentElement!;
    expect(within(targets).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '▲Alert High CPU on web tier',
      '◆Warn Payments API error rate',
    ]);
    expect(api.callsTo('POST', /\/mute$/)).toHaveLength(0);

    // Typing the reason does not trigger list shortcuts ("m", "u", "x", "j" are in it).
    await user.keyboard('jump box maintenance');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(api.callsTo('POST', /\/mute$/)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Mute 2 monitors for 4 hours' }));
    await waitFor(() => expect(within(dialog).getByText('All 2 monitors muted')).toBeInTheDocument());
    expect(api.callsTo('POST', /\/mute$/).map((c) => c.body)).toEqual([
      { scope: '*', end: FIXTURE_NOW + 4 * HOUR, reason: 'jump box maintenance' },
      { scope: '*', end: FIXTURE_NOW + 4 * HOUR, reason: 'jump box maintenance' },
    ]);
  });

  it('remembers the end of a successful mute for the next m, and acts on the cursor row when nothing is selected', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(checkbox('Auth service 5xx'));
    await user.click(within(screen.getByRole('region', { name: 'Bulk actions' })).getByRole('button', { name: 'Mute…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Mute 1 monitor' });
    expect(within(dialog).getByRole('radio', { name: '1 hour' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: '1 day' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Auth migration');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 monitor for 1 day' }));
    await waitFor(() => expect(within(dialog).getByText('All 1 monitor muted')).toBeInTheDocument());
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(localStorage.getItem(LAST_MUTE_END_KEY)).toBe('1d');

    await user.keyboard('jjj');
    await user.keyboard('m');
    dialog = await screen.findByRole('dialog', { name: 'Mute 1 monitor' });
    expect(within(dialog).getByRole('radio', { name: '1 day' })).toBeChecked();
    expect(within(dialog).getByText('Payments API error rate')).toBeInTheDocument();
  });

  it('does not remember the end of a mute that failed', async () => {
    localStorage.setItem(LAST_MUTE_END_KEY, '4h');
    const { user } = setup('admin', {
      'POST /api/monitors/:id/mute': () => reply.error(502, 'upstream_error', 'Datadog answered 503'),
    });
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jm');
    const dialog = await screen.findByRole('dialog', { name: 'Mute 1 monitor' });
    await user.click(within(dialog).getByRole('radio', { name: '1 day' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'try');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 monitor for 1 day' }));
    await waitFor(() => expect(within(dialog).getByText('0 muted, 1 failed')).toBeInTheDocument());
    expect(localStorage.getItem(LAST_MUTE_END_KEY)).toBe('4h');
  });

  it('with no selection and no cursor, m opens nothing and says why', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('m');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Select monitors with x, or move to one with j, first')).toHaveAttribute('aria-live', 'polite');
  });
});

describe('keyboard triage: u unmutes after a confirmation', () => {
  it('lists the muted monitors with the non-OK groups that will notify, skips the others, and unmutes only the muted ones', async () => {
    const { api, user } = setup('responder');
    await screen.findByRole('table', { name: 'Monitors' });
    // High CPU (not muted), then Disk and Checkout (muted) as a range.
    await user.keyboard('jjx');
    await user.keyboard('jjx');
    await user.keyboard('j{Shift>}X{/Shift}');
    await user.keyboard('u');

    const dialog = await screen.findByRole('dialog', { name: 'Unmute 2 monitors' });
    const mutedList = within(dialog).getByRole('list', { name: 'Muted: will be unmuted (2)' });
    await within(dialog).findByText('2 groups not OK will notify at once.');
    const [disk, checkout] = Array.from(mutedList.children) as HTMLElement[];
    expect(disk).toHaveTextContent('Disk space on db hosts');
    expect(disk).toHaveTextContent('2 groups not OK will notify at once:');
    expect(
      within(within(disk!).getByRole('list', { name: 'Groups of Disk space on db hosts that will notify' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['◌No Data host:db-1', '◌No Data host:db-2']);
    expect(disk).toHaveTextContent('1 downtime targets monitor tags and also mutes other monitors; it stays.');
    expect(checkout).toHaveTextContent('Checkout latency p99');
    expect(checkout).toHaveTextContent('2 groups unmuted, all OK: nothing should notify at once.');

    const skipped = within(dialog).getByRole('list', { name: 'Skipped: not muted (1)' });
    expect(within(skipped).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['▲Alert High CPU on web tier']);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('2 groups not OK will notify at once.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(api.callsTo('POST', /\/unmute$/)).toHaveLength(0);

    const confirm = within(dialog).getByRole('button', { name: 'Unmute 2 monitors' });
    expect(confirm).toHaveClass('btn--danger');
    await user.click(confirm);

    await waitFor(() => expect(within(dialog).getByText('All 2 monitors unmuted; 1 skipped (not muted)')).toBeInTheDocument());
    const posts = api.callsTo('POST', /\/unmute$/);
    expect(posts.map((c) => c.path).sort()).toEqual(['/api/monitors/3/unmute', '/api/monitors/4/unmute']);
    expect(posts.map((c) => c.body)).toEqual([{ all: true }, { all: true }]);
    const lines = within(within(dialog).getByRole('list', { name: 'Results per monitor' })).getAllByRole('listitem');
    expect(lines.map((li) => li.textContent)).toEqual([
      '–High CPU on web tierSkipped: not muted',
      '✓Disk space on db hostsUnmuted: cancelled 1 downtime; 1 downtime left in place (it targets monitor tags)',
      '✓Checkout latency p99Unmuted: cancelled 1 downtime',
    ]);
  });

  it('reports a failed unmute per monitor and retries only that one', async () => {
    let attempts = 0;
    const { api, user } = setup('responder', {
      'POST /api/monitors/:id/unmute': (req: MockRequest) =>
        req.params.id === '3' && attempts++ === 0
          ? reply.error(502, 'upstream_error', 'Datadog answered 503', { requestId: 'req-u1' })
          : reply.json({ canceled: ['x'], skipped: [] }),
    });
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jjjj{Shift>}X{/Shift}');
    // With no row toggled before, shift+x selects the cursor row (Disk) alone; then x adds Checkout.
    await user.keyboard('jx');
    await user.keyboard('u');
    const dialog = await screen.findByRole('dialog', { name: 'Unmute 2 monitors' });
    const confirm = within(dialog).getByRole('button', { name: /Unmute 2 monitors|Checking groups/ });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    await waitFor(() => expect(within(dialog).getByText('1 unmuted, 1 failed')).toBeInTheDocument());
    expect(within(dialog).getByText(/Failed: Datadog answered 503/)).toHaveTextContent('req-u1');

    await user.click(within(dialog).getByRole('button', { name: 'Retry failed (1)' }));
    await waitFor(() => expect(within(dialog).getByText('All 2 monitors unmuted')).toBeInTheDocument());
    expect(api.callsTo('POST', /\/unmute$/).map((c) => c.path)).toEqual([
      '/api/monitors/4/unmute',
      '/api/monitors/3/unmute',
      '/api/monitors/3/unmute',
    ]);
  });

  it('acts on the cursor row alone, and says so when it is not muted', async () => {
    const { api, user } = setup('responder');
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('ju');
    const dialog = await screen.findByRole('dialog', { name: 'Nothing to unmute' });
    expect(within(dialog).getByRole('list', { name: 'Skipped: not muted (1)' })).toHaveTextContent('Auth service 5xx');
    expect(within(dialog).queryByRole('button', { name: /^Unmute/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(row('Auth service 5xx')).toHaveFocus();
    expect(api.callsTo('POST', /\/unmute$/)).toHaveLength(0);
  });

  it('warns when a monitor’s groups could not be loaded', async () => {
    const { user } = setup('responder', {
      'GET /api/monitors/:id': () => reply.error(502, 'upstream_error', 'Datadog answered 503'),
    });
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jjjju');
    const dialog = await screen.findByRole('dialog', { name: 'Unmute 1 monitor' });
    expect(await within(dialog).findByText(/Could not load its groups \(Datadog answered 503/)).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The groups of 1 monitor could not be checked.');
    expect(within(dialog).getByRole('button', { name: 'Unmute 1 monitor' })).toHaveClass('btn--danger');
  });
});

describe('keyboard triage: help and guards', () => {
  it('? opens the keyboard shortcuts dialog, as does the visible button; Escape closes it', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('?');
    let dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const text of ['Move to the next monitor', 'Select the range from the last selected monitor to this one', 'Search monitors']) {
      expect(within(dialog).getByText(text)).toBeInTheDocument();
    }
    expect(within(dialog).getAllByRole('term').map((t) => t.textContent)).toEqual([
      'j',
      'k',
      'Enter',
      'x',
      'Shift + x',
      'm',
      'u',
      '/',
      '?',
      'Esc',
    ]);
    // j inside the dialog moves nothing behind it.
    await user.keyboard('j');
    expect(focusedRows()).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus();
  });

  it('typing in the search box or a select, or holding ctrl, meta or alt, triggers nothing', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    const search = screen.getByRole('searchbox', { name: 'Search monitors' });
    await user.keyboard('/');
    expect(search).toHaveFocus();
    await user.keyboard('jkxmu?');
    expect(search).toHaveValue('jkxmu?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText(/Select monitors with x/)).not.toBeInTheDocument();
    await user.clear(search);
    await user.keyboard('{Escape}');

    // With the cursor on a row, typing in a field that does not filter the rows leaves the row alone.
    await user.keyboard('jj');
    const tagInput = screen.getByRole('combobox', { name: 'Add tag filter (key:value)' });
    await user.click(tagInput);
    await user.keyboard('jxmu?k');
    expect(tagInput).toHaveValue('jxmu?k');
    expect(focusedRows()).toEqual([ORDER[1]]);
    expect(checkbox(ORDER[1]!)).not.toBeChecked();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.clear(tagInput);
    tagInput.blur();
    await user.keyboard('{Escape}');

    screen.getByRole('combobox', { name: 'Muted' }).focus();
    await user.keyboard('j');
    expect(focusedRows()).toEqual([]);
    screen.getByRole('combobox', { name: 'Muted' }).blur();

    expect(focusedRows()).toEqual([]);
    await user.keyboard('{Control>}j{/Control}{Meta>}j{/Meta}{Alt>}j{/Alt}');
    expect(focusedRows()).toEqual([]);
    await user.keyboard('j{Control>}x{/Control}{Meta>}m{/Meta}');
    expect(checkbox(ORDER[0]!)).not.toBeChecked();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('POST', /mute$/)).toHaveLength(0);
  });

  it('a viewer moves and opens the help, but x, m and u do nothing and the help says why', async () => {
    const { user } = setup('viewer');
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jxmu');
    expect(row(ORDER[0]!)).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getAllByText('(responders and admins only)')).toHaveLength(4);
  });

  it('keeps the cursor on the same monitor when a refresh re-sorts the list', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.keyboard('jj');
    expect(row('High CPU on web tier')).toHaveFocus();
    // Auth recovers and sorts below High CPU: the cursor stays on High CPU, now first.
    api.use({
      'GET /api/monitors': listResponse(
        monitors.map((m) => (m.id === 6 ? buildSummary({ ...m, overallState: 'OK', groupCounts: { OK: 1 } }) : m)),
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getAllByRole('row')[1]).toHaveTextContent('High CPU on web tier'));
    expect(focusedRows()).toEqual(['High CPU on web tier']);
    await user.keyboard('j');
    expect(row('Payments API error rate')).toHaveFocus();
  });
});
