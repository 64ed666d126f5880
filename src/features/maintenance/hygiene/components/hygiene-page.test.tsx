import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../../contract/auth';
import type { HygieneResponse } from '../../../../contract/maintenance';
import { deferred, mockApi, reply, type MockRequest } from '../../../../testing/mock-api';
import { renderWithProviders } from '../../../../testing/render';
import { sessionFor } from '../../../../testing/session-fixtures';
import { buildWindow } from '../../calendar/testing/window-fixtures';
import { HygienePage } from './hygiene-page';

const NOW = Date.UTC(2026, 10, 25, 9, 30);
const DAY = 86_400_000;

const orphan = buildWindow('orphan', {
  reason: 'Legacy billing migration',
  targets: { monitorIds: [], monitorTags: ['team:legacy'] },
  scope: 'env:staging',
  status: 'active',
  downtimeIds: ['dt-1'],
});
const longRunning = buildWindow('long', {
  reason: 'Search cluster rebuild',
  targets: { monitorIds: [12], monitorTags: [], monitorNames: { '12': 'Search latency' } },
  status: 'active',
  downtimeIds: ['dt-2', 'dt-3'],
  schedule: { kind: 'once', start: NOW - 12 * DAY, end: NOW + DAY },
});
const forever = buildWindow('forever', { reason: null, scope: 'host:db-9', status: 'active', schedule: { kind: 'once', start: NOW - 3 * DAY, end: null } });
const olafs = buildWindow('olaf', {
  reason: 'Kafka upgrade',
  status: 'active',
  creator: { name: 'Olaf', handle: 'olaf', email: null, disabled: true },
  schedule: { kind: 'once', start: NOW - 9 * DAY, end: NOW + 2 * DAY },
});

function report(longActiveDays = 7): HygieneResponse {
  return {
    findings: [
      { window: orphan, kinds: ['matches_nothing'], details: ['No monitor carries team:legacy.'] },
      { window: longRunning, kinds: ['long_active'], details: ['Active for 12 days, since 13 November.'] },
      { window: forever, kinds: ['indefinite_no_reason'], details: ['It has no end, no reason and no ticket.'] },
      {
        window: olafs,
        kinds: ['long_active', 'disabled_creator'],
        details: ['Active for 9 days, since 16 November.', 'Planned by olaf, whose account is disabled.'],
      },
    ],
    longActiveDays,
    fetchedAt: NOW,
    stale: false,
  };
}

function renderHygiene(
  url = '/maintenance/hygiene',
  { role = 'admin', hygiene = (req: MockRequest) => reply.json(report(Number(req.url.searchParams.get('longActiveDays')))), cleanup }: {
    role?: Role;
    hygiene?: (req: MockRequest) => ReturnType<typeof reply.json> | Promise<ReturnType<typeof reply.json>>;
    cleanup?: (req: MockRequest) => ReturnType<typeof reply.json>;
  } = {},
) {
  const api = mockApi({
    'GET /api/session': sessionFor(role),
    'GET /api/maintenance/hygiene': hygiene,
    'GET /api/maintenance/windows': { windows: [], fetchedAt: NOW, stale: false },
    'POST /api/maintenance/cleanup': cleanup ?? (() => reply.json({ canceled: [], failed: [] })),
  });
  const rendered = renderWithProviders(<HygienePage />, {
    path: '/maintenance/hygiene',
    initialEntries: [url],
    extraRoutes: [{ path: '/maintenance/windows/:id', element: <h1>Window page</h1> }],
  });
  return { api, ...rendered };
}

const table = () => screen.findByRole('table', { name: 'Hygiene findings' });
const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});

describe('the report', () => {
  it('lists each finding with readable kind badges, its sentences and a link to the window', async () => {
    const { api } = renderHygiene();
    const findings = await table();
    expect(api.callsTo('GET', '/api/maintenance/hygiene')[0]!.url.search).toBe('?longActiveDays=7');
    expect(within(findings).getAllByRole('row')).toHaveLength(5);

    const orphanRow = rowOf('Legacy billing migration');
    expect(within(orphanRow).getByRole('list', { name: 'Kinds' })).toHaveTextContent('Matches nothing');
    expect(orphanRow).toHaveTextContent('No monitor carries team:legacy.');
    expect(orphanRow).toHaveTextContent('tagged team:legacy · scope env:staging');
    expect(within(orphanRow).getByRole('link')).toHaveAttribute('href', '/maintenance/windows/orphan');

    expect(within(rowOf('Search cluster rebuild')).getByRole('list', { name: 'Kinds' })).toHaveTextContent('Active over 7 days');
    expect(rowOf('Search cluster rebuild')).toHaveTextContent('Search latency');
    // No reason: the window is named by its scope.
    const foreverRow = rowOf('host:db-9');
    expect(within(foreverRow).getByRole('list', { name: 'Kinds' })).toHaveTextContent('No end, no reason or ticket');
    expect(foreverRow).toHaveTextContent('→ no end');
    const olafRow = rowOf('Kafka upgrade');
    expect(within(within(olafRow).getByRole('list', { name: 'Kinds' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Active over 7 days',
      'Creator disabled',
    ]);
    expect(olafRow).toHaveTextContent('Planned by olaf, whose account is disabled.');
    expect(olafRow).toHaveTextContent('Olaf (disabled)');

    expect(within(screen.getByRole('list', { name: 'Summary' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 window matches no monitor or group',
      '2 windows active longer than 7 days',
      '1 window with no end and no reason or ticket',
      '1 window created by a disabled user',
    ]);
    expect(screen.getByRole('navigation', { name: 'Maintenance' })).toBeInTheDocument();
  });

  it('keeps N in the URL, and asks for the report again when it changes, keeping the last one on screen meanwhile', async () => {
    const slow = deferred();
    const { api, user, router } = renderHygiene('/maintenance/hygiene?longActiveDays=14', {
      hygiene: async (req) => {
        const days = Number(req.url.searchParams.get('longActiveDays'));
        // Typing "30" passes through "3", which is a valid N and asks too: hold every new N, so
        // the report on screen stays the 14-day one however the keystrokes and replies interleave.
        if (days !== 14) await slow.promise;
        return reply.json(report(days));
      },
    });
    await table();
    const input = screen.getByRole('spinbutton', { name: 'Active longer than' });
    expect(input).toHaveValue(14);
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('2 windows active longer than 14 days');

    await user.clear(input);
    await user.type(input, '30');
    await waitFor(() => expect(router.state.location.search).toBe('?longActiveDays=30'));
    expect(await screen.findByText('Updating…')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Hygiene findings' })).toBeInTheDocument();
    expect(screen.getByText('2 windows active longer than 14 days')).toBeInTheDocument();

    slow.resolve();
    expect(await screen.findByText('2 windows active longer than 30 days')).toBeInTheDocument();
    expect(screen.queryByText('Updating…')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/maintenance/hygiene').map((c) => c.url.search)).toContain('?longActiveDays=30');
  });

  it('refuses a bad N with a clear error, keeping the last report and the URL', async () => {
    const { api, user, router } = renderHygiene('/maintenance/hygiene?longActiveDays=14');
    await table();
    const input = screen.getByRole('spinbutton', { name: 'Active longer than' });
    await user.clear(input);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter a whole number of days from 1 to 365');
    await user.type(input, '0');
    expect(screen.getByText('Enter a whole number of days from 1 to 365')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?longActiveDays=14');
    expect(api.callsTo('GET', '/api/maintenance/hygiene').every((c) => c.url.search === '?longActiveDays=14')).toBe(true);
    expect(screen.getByText('2 windows active longer than 14 days')).toBeInTheDocument();
  });

  it('says what was wrong with N in a link, and uses 7', async () => {
    const { api } = renderHygiene('/maintenance/hygiene?longActiveDays=lots');
    await table();
    expect(screen.getByRole('spinbutton', { name: 'Active longer than' })).toHaveAccessibleDescription('Enter a whole number of days from 1 to 365');
    expect(api.callsTo('GET', '/api/maintenance/hygiene')[0]!.url.search).toBe('?longActiveDays=7');
  });

  it('says “Nothing to tidy up” calmly when there are no findings', async () => {
    renderHygiene('/maintenance/hygiene', { hygiene: () => reply.json({ ...report(), findings: [] }) });
    expect(await screen.findByText('Nothing to tidy up')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Hygiene findings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Clean up/ })).not.toBeInTheDocument();
  });
});

describe('cleanup', () => {
  it('previews the selected windows first, then sends exactly their ids and shows each outcome', async () => {
    let cleanupBody: unknown;
    const { api, user } = renderHygiene('/maintenance/hygiene', {
      cleanup: (req) => {
        cleanupBody = req.body;
        return reply.json({ canceled: ['orphan'], failed: [{ id: 'long', error: 'Datadog answered 500 for downtime dt-3' }] });
      },
    });
    await table();
    const button = screen.getByRole('button', { name: 'Clean up windows…' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Select the windows to clean up');

    await user.click(screen.getByRole('checkbox', { name: 'Select Legacy billing migration' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Search cluster rebuild' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clean up 2 windows…' }));

    const dialog = screen.getByRole('dialog', { name: 'Clean up 2 windows?' });
    expect(dialog).toHaveTextContent('This cancels these 2 windows in Datadog, ending 3 downtimes.');
    const items = within(within(dialog).getByRole('list', { name: 'Windows to cancel' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('ReasonLegacy billing migration');
    expect(items[0]).toHaveTextContent('Targetstagged team:legacy');
    expect(items[0]).toHaveTextContent('Scopeenv:staging');
    expect(items[0]).toHaveTextContent('StatusActive');
    expect(items[1]).toHaveTextContent('TargetsSearch latency');
    expect(api.callsTo('POST', '/api/maintenance/cleanup')).toHaveLength(0);

    const loads = api.callsTo('GET', '/api/maintenance/hygiene').length;
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 2 windows' }));
    const results = await screen.findByRole('dialog', { name: 'Cleanup results' });
    expect(cleanupBody).toEqual({ windowIds: ['orphan', 'long'] });
    expect(within(results).getByRole('status')).toHaveTextContent('1 canceled, 1 failed.');
    const lines = within(within(results).getByRole('list', { name: 'Results per window' })).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent('Legacy billing migrationCanceled');
    expect(lines[1]).toHaveTextContent('Search cluster rebuildFailed: Datadog answered 500 for downtime dt-3');
    expect(lines[1]).toHaveClass('is-failed');
    await waitFor(() => expect(api.callsTo('GET', '/api/maintenance/hygiene').length).toBeGreaterThan(loads));

    await user.click(within(results).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The failed window stays selected, to try again; the canceled one does not.
    expect(screen.getByRole('checkbox', { name: 'Select Search cluster rebuild' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select Legacy billing migration' })).not.toBeChecked();
  });

  it('“Keep them” closes the preview and sends nothing', async () => {
    const { api, user } = renderHygiene();
    await table();
    await user.click(screen.getByRole('checkbox', { name: 'Select Kafka upgrade' }));
    await user.click(screen.getByRole('button', { name: 'Clean up 1 window…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clean up 1 window?' });
    expect(dialog).toHaveTextContent('This cancels this window in Datadog, ending 1 downtime.');
    expect(within(dialog).getByRole('button', { name: 'Keep them' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/maintenance/cleanup')).toHaveLength(0);
  });

  it('“Select all” selects every window in the report', async () => {
    let cleanupBody: unknown;
    const { user } = renderHygiene('/maintenance/hygiene', {
      cleanup: (req) => {
        cleanupBody = req.body;
        return reply.json({ canceled: ['orphan', 'long', 'forever', 'olaf'], failed: [] });
      },
    });
    await table();
    const all = screen.getByRole('checkbox', { name: 'Select all windows' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Kafka upgrade' }));
    expect((all as HTMLInputElement).indeterminate).toBe(true);
    await user.click(all);
    expect(all).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Clean up 4 windows…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel 4 windows' }));
    expect(await screen.findByText('4 windows canceled.')).toBeInTheDocument();
    expect(cleanupBody).toEqual({ windowIds: ['orphan', 'long', 'forever', 'olaf'] });
  });

  it('keeps the preview with the error when the whole request fails, and can try again', async () => {
    let attempts = 0;
    const { user } = renderHygiene('/maintenance/hygiene', {
      cleanup: () => {
        attempts += 1;
        return attempts === 1 ? reply.error(502, 'upstream_error', 'Datadog answered 503') : reply.json({ canceled: ['forever'], failed: [] });
      },
    });
    await table();
    await user.click(screen.getByRole('checkbox', { name: 'Select host:db-9' }));
    await user.click(screen.getByRole('button', { name: 'Clean up 1 window…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel 1 window' }));
    const dialog = screen.getByRole('dialog', { name: 'Clean up 1 window?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Nothing was cleaned up: Datadog answered 503');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1 window' }));
    expect(await screen.findByText('1 window canceled.')).toBeInTheDocument();
  });

  it.each(['viewer', 'responder'] as const)('a %s sees the findings but cannot clean up', async (role) => {
    renderHygiene('/maintenance/hygiene', { role });
    const findings = await table();
    expect(within(findings).queryAllByRole('checkbox')).toHaveLength(0);
    const button = screen.getByRole('button', { name: 'Clean up windows…' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Only admins can clean up windows');
  });
});
