import { screen, waitFor, within } from '@testing-library/react';
import { onTestFinished } from 'vitest';
import type { AuditRecord } from '../../../contract/auth';
import { mockApi, reply, type MockRequest } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { buildAuditRecord, sessionFor } from '../../../testing/session-fixtures';
import { AuditPage } from './audit-page';

/** Records 300 down to 1, newest first; pages of `limit` below `before`. */
const ALL: AuditRecord[] = Array.from({ length: 300 }, (_, i) => buildAuditRecord(300 - i));

function page(req: MockRequest) {
  const before = Number(req.url.searchParams.get('before') ?? Infinity);
  const limit = Number(req.url.searchParams.get('limit') ?? 100);
  const records = ALL.filter((r) => r.id < before).slice(0, limit);
  const last = records.at(-1);
  return reply.json({ records, nextBefore: last && last.id > 1 ? last.id : null });
}

function setup(url = '/admin/audit', routes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('admin'),
    'GET /api/audit': page,
    ...routes,
  });
  const view = renderWithProviders(<AuditPage />, { path: '/admin/audit', initialEntries: [url] });
  return { api, ...view };
}

function bodyRows() {
  return within(screen.getByRole('table', { name: 'Audit log' })).getAllByRole('row').slice(1);
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('AuditPage', () => {
  it('shows the records newest first: UTC time and relative, actor, role, action, target, outcome, statuses, request id, detail', async () => {
    setup('/admin/audit', {
      'GET /api/audit': () =>
        reply.json({
          records: [
            buildAuditRecord(12, {
              time: FIXTURE_NOW - 3 * 60_000,
              actor: 'vera',
              role: 'viewer',
              action: 'monitor.mute',
              target: 'monitor:1000012',
              outcome: 'denied',
              status: 403,
              upstreamStatus: null,
              requestId: 'req-abc',
              detail: 'role viewer may not mute',
            }),
            buildAuditRecord(11, { time: FIXTURE_NOW - 2 * 3_600_000, outcome: 'allowed', status: 200, upstreamStatus: 200 }),
          ],
          nextBefore: null,
        }),
    });
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Time (UTC)',
      'Actor',
      'Role',
      'Action',
      'Target',
      'Outcome',
      'Status',
      'Upstream',
      'Request id',
      'Detail',
    ]);
    const [first, second] = bodyRows();
    const cells = within(first!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('2025-06-03 11:57:00 UTC');
    expect(cells[0]).toHaveTextContent('3 min ago');
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('vera');
    expect(first).toHaveTextContent('viewer');
    expect(first).toHaveTextContent('monitor.mute');
    expect(first).toHaveTextContent('monitor:1000012');
    expect(first).toHaveTextContent('denied');
    expect(first).toHaveTextContent('403');
    expect(cells[6]).toHaveTextContent('—');
    expect(first).toHaveTextContent('req-abc');
    expect(first).toHaveTextContent('role viewer may not mute');
    expect(second).toHaveTextContent('2025-06-03 10:00:00 UTC');
    expect(screen.getByText('2 records')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('reads the filters from the URL, fills the form, and asks the BFF for exactly those', async () => {
    const { api } = setup('/admin/audit?actor=alice&outcome=denied&from=2025-06-03T10:00Z&to=2025-06-03T11:00Z');
    await screen.findByRole('table', { name: 'Audit log' });
    const form = screen.getByRole('form', { name: 'Filter audit records' });
    expect(within(form).getByLabelText('Actor')).toHaveValue('alice');
    expect(within(form).getByLabelText('Outcome')).toHaveValue('denied');
    expect(within(form).getByLabelText('From (UTC)')).toHaveValue('2025-06-03T10:00');
    expect(within(form).getByLabelText('To (UTC)')).toHaveValue('2025-06-03T11:00');
    const call = api.callsTo('GET', '/api/audit')[0]!;
    expect(Object.fromEntries(call.url.searchParams)).toEqual({
      actor: 'alice',
      outcome: 'denied',
      from: String(Date.UTC(2025, 5, 3, 10, 0)),
      to: String(Date.UTC(2025, 5, 3, 11, 0) + 59_999),
      limit: '100',
    });
    expect(call.headers.get('X-CSRF')).toBe('1');
  });

  it('writes applied filters to the URL and loads them; Clear filters empties both', async () => {
    const { api, user, router } = setup();
    await screen.findByRole('table', { name: 'Audit log' });
    const form = screen.getByRole('form', { name: 'Filter audit records' });
    await user.type(within(form).getByLabelText('Action'), 'user.disable');
    await user.type(within(form).getByLabelText('Target'), 'user:alice');
    await user.selectOptions(within(form).getByLabelText('Outcome'), 'allowed');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?action=user.disable&target=user%3Aalice&outcome=allowed'));
    await waitFor(() => expect(api.callsTo('GET', '/api/audit')).toHaveLength(2));
    expect(Object.fromEntries(api.callsTo('GET', '/api/audit')[1]!.url.searchParams)).toEqual({
      action: 'user.disable',
      target: 'user:alice',
      outcome: 'allowed',
      limit: '100',
    });

    // The new filters render once their records are in.
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(within(await screen.findByRole('form', { name: 'Filter audit records' })).getByLabelText('Action')).toHaveValue('');
  });

  it('refuses a time range that ends before it starts', async () => {
    const { user, router } = setup();
    await screen.findByRole('table', { name: 'Audit log' });
    const form = screen.getByRole('form', { name: 'Filter audit records' });
    await user.type(within(form).getByLabelText('From (UTC)'), '2025-06-03T12:00');
    await user.type(within(form).getByLabelText('To (UTC)'), '2025-06-03T09:00');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('"From" must be before "To"');
    expect(router.state.location.search).toBe('');
  });

  it('loads more with `before`, appending older records, until there are none', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Audit log' });
    expect(bodyRows()).toHaveLength(100);
    expect(screen.getByText('100 records (more available)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(200));
    expect(api.callsTo('GET', '/api/audit')[1]!.url.searchParams.get('before')).toBe('201');
    expect(within(bodyRows()[100]!).getByRole('cell', { name: 'req-200' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(300));
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('300 records')).toBeInTheDocument();
  });

  it('shows a failed "Load more" inline and keeps what is loaded', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Audit log' });
    api.use({ 'GET /api/audit': () => reply.error(500, 'internal', 'Audit store busy', { requestId: 'req-busy' }) });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(/Couldn't load more records/)).toBeInTheDocument();
    expect(screen.getByText(/Audit store busy/)).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(100);
  });

  it('says so when nothing matches, with a way back to all records', async () => {
    const { user, router } = setup('/admin/audit?actor=nobody', {
      'GET /api/audit': (req: MockRequest) =>
        req.url.searchParams.get('actor') ? reply.json({ records: [], nextBefore: null }) : page(req),
    });
    expect(await screen.findByText('No audit records match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all records' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(bodyRows()).toHaveLength(100));
  });

  it('exports CSV through fetch, with X-CSRF and the same filters, saved from a Blob URL', async () => {
    // jsdom has no object URLs: stand them in for this test only.
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:watchdeck/1');
    const revokeObjectURL = vi.fn();
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    onTestFinished(() => {
      Object.assign(URL, original);
    });
    const clicks: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const { api, user } = setup('/admin/audit?actor=alice&outcome=denied', {
      'GET /api/audit.csv': () =>
        reply.text('id,time,actor\n12,2025-06-03T11:57:00Z,alice\n', 'text/csv; charset=utf-8', {
          'Content-Disposition': 'attachment; filename="watchdeck-audit.csv"',
        }),
    });
    await screen.findByRole('table', { name: 'Audit log' });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Saved watchdeck-audit.csv')).toBeInTheDocument();

    const call = api.callsTo('GET', '/api/audit.csv')[0]!;
    expect(call.headers.get('X-CSRF')).toBe('1');
    expect(Object.fromEntries(call.url.searchParams)).toEqual({ actor: 'alice', outcome: 'denied' });
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(await blob.text()).toContain('12,2025-06-03T11:57:00Z,alice');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.download).toBe('watchdeck-audit.csv');
    expect(clicks[0]!.getAttribute('href')).toBe('blob:watchdeck/1');
    expect(clicks[0]!.isConnected).toBe(false);
    click.mockRestore();
  });

  it('shows a failed export inline', async () => {
    const { user } = setup('/admin/audit', {
      'GET /api/audit.csv': () => reply.error(403, 'forbidden', 'Only an admin can export the audit log'),
    });
    await screen.findByRole('table', { name: 'Audit log' });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Export failed: Only an admin can export the audit log');
  });
});
