import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, reply } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW, listResponse, monitors } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { MonitorList } from './monitor-list';
import { SEARCH_URL_DELAY_MS } from '../hooks/use-list-filters';

function setup(url = '/monitors', routes = {}) {
  const api = mockApi({ 'GET /api/config': appConfig, 'GET /api/session': sessionFor('responder'), 'GET /api/monitors': listResponse(), ...routes });
  const view = renderWithProviders(<MonitorList />, { path: '/monitors', initialEntries: [url] });
  return { api, ...view };
}

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'Monitors' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('link').textContent ?? '');
}

function facet(name: string) {
  return within(screen.getByRole('group', { name: 'Filter by status' })).getByRole('button', {
    name: new RegExp(`^${name}: \\d+ monitors?$`),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('MonitorList', () => {
  it('renders one row per monitor with state, name link, type, tags, priority, groups and mute marker', async () => {
    setup();
    await screen.findByRole('table', { name: 'Monitors' });
    const row = screen.getByRole('link', { name: 'High CPU on web tier' }).closest('tr')!;
    const cells = within(row);
    expect(cells.getByText('Alert')).toBeInTheDocument();
    expect(cells.getByRole('link')).toHaveAttribute('href', '/monitors/1');
    expect(cells.getByText('metric alert')).toBeInTheDocument();
    expect(cells.getByRole('list', { name: 'Tags' })).toHaveTextContent('team:web');
    expect(cells.getByText('P2')).toBeInTheDocument();
    expect(cells.getByRole('img', { name: 'Groups: 1 Alert, 1 Warn, 2 OK' })).toHaveAttribute('title', '1 Alert, 1 Warn, 2 OK');

    const muted = screen.getByRole('link', { name: 'Checkout latency p99' }).closest('tr')!;
    expect(muted).toHaveTextContent('Muted · 2h 13m left');
    expect(screen.getByRole('link', { name: 'Nightly batch heartbeat' }).closest('tr')).toHaveTextContent('Muted indefinitely');
    expect(screen.getByRole('link', { name: 'Disk space on db hosts' }).closest('tr')).toHaveTextContent('3 groups muted');
    expect(screen.getByRole('link', { name: 'Disk space on db hosts' }).closest('tr')).toHaveTextContent('—');
  });

  it('sorts worst first by default, then by name', async () => {
    setup();
    await screen.findByRole('table', { name: 'Monitors' });
    expect(rowNames()).toEqual([
      'Auth service 5xx',
      'High CPU on web tier',
      'Payments API error rate',
      'Disk space on db hosts',
      'Checkout latency p99',
      'Nightly batch heartbeat',
    ]);
  });

  it('sorts by priority and name from the URL, and writes a new sort to the URL', async () => {
    const { router, user } = setup('/monitors?sort=priority');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(rowNames()).toEqual([
      'Payments API error rate',
      'Auth service 5xx',
      'High CPU on web tier',
      'Checkout latency p99',
      'Nightly batch heartbeat',
      'Disk space on db hosts',
    ]);
    await user.click(screen.getByRole('button', { name: /^Monitor/ }));
    expect(router.state.location.search).toBe('?sort=name');
    expect(rowNames()[0]).toBe('Auth service 5xx');
    expect(screen.getByRole('columnheader', { name: /Monitor/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: /^Monitor/ }));
    expect(router.state.location.search).toBe('?sort=name&dir=desc');
    expect(rowNames()[0]).toBe('Payments API error rate');
  });

  it('shows status facet counts computed over the other active filters', async () => {
    setup('/monitors?tag=env:prod&status=Alert');
    await screen.findByRole('table', { name: 'Monitors' });
    // env:prod: monitors 1 (Alert), 2 (Warn), 3 (OK), 4 (No Data); the status filter itself does not narrow the counts.
    expect(facet('Alert')).toHaveAccessibleName('Alert: 1 monitor');
    expect(facet('Warn')).toHaveAccessibleName('Warn: 1 monitor');
    expect(facet('No Data')).toHaveAccessibleName('No Data: 1 monitor');
    expect(facet('OK')).toHaveAccessibleName('OK: 1 monitor');
    expect(facet('Unknown')).toHaveAccessibleName('Unknown: 0 monitors');
    expect(facet('Alert')).toHaveAttribute('aria-pressed', 'true');
    expect(rowNames()).toEqual(['High CPU on web tier']);
  });

  it('counts facets over all monitors when no other filter is active', async () => {
    setup();
    await screen.findByRole('table', { name: 'Monitors' });
    expect(facet('Alert')).toHaveAccessibleName('Alert: 2 monitors');
    expect(facet('OK')).toHaveAccessibleName('OK: 2 monitors');
    expect(facet('Warn')).toHaveAccessibleName('Warn: 1 monitor');
  });

  it('applies every filter from the URL (status, muted, type, tag, q)', async () => {
    setup('/monitors?status=OK&status=No%20Data&muted=yes&tag=team:data');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(rowNames()).toEqual(['Disk space on db hosts', 'Nightly batch heartbeat']);
  });

  it('matches free text against name, query and tags', async () => {
    setup('/monitors?q=payments-api');
    await screen.findByRole('table', { name: 'Monitors' });
    expect(rowNames()).toEqual(['Payments API error rate']);
    expect(screen.getByRole('searchbox', { name: 'Search monitors' })).toHaveValue('payments-api');
  });

  it('writes filters to the URL and the back button restores them', async () => {
    const { router, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.click(facet('Alert'));
    expect(router.state.location.search).toBe('?status=Alert');
    expect(rowNames()).toEqual(['Auth service 5xx', 'High CPU on web tier']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Muted' }), 'no');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'query alert');
    expect(router.state.location.search).toBe('?status=Alert&muted=no&type=query+alert');
    expect(rowNames()).toEqual(['Auth service 5xx']);

    await user.type(screen.getByRole('combobox', { name: 'Add tag filter (key:value)' }), 'team:identity{Enter}');
    expect(new URLSearchParams(router.state.location.search).getAll('tag')).toEqual(['team:identity']);

    await user.type(screen.getByRole('searchbox', { name: 'Search monitors' }), 'auth');
    // The list follows every key; the URL takes the text once typing pauses.
    expect(rowNames()).toEqual(['Auth service 5xx']);
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('auth'));

    // Typing adds one history entry (not one per key): back removes the text, then the tag.
    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe('?status=Alert&muted=no&type=query+alert&tag=team%3Aidentity'));
    expect(screen.getByRole('searchbox', { name: 'Search monitors' })).toHaveValue('');
    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe('?status=Alert&muted=no&type=query+alert'));
    expect(rowNames()).toEqual(['Auth service 5xx']);
  });

  it('filters on every key but writes the search to the URL once, after a pause', async () => {
    const { router } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    const search = screen.getByRole('searchbox', { name: 'Search monitors' });
    const navigations: { action: string; search: string }[] = [];
    const stop = router.subscribe((state) => navigations.push({ action: state.historyAction, search: state.location.search }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const text of ['w', 'we', 'web']) {
        fireEvent.change(search, { target: { value: text } });
        await act(async () => vi.advanceTimersByTime(SEARCH_URL_DELAY_MS - 1));
      }
      // The list follows every key; the URL has not moved yet.
      expect(rowNames()).toEqual(['High CPU on web tier']);
      expect(router.state.location.search).toBe('');
      await act(async () => vi.advanceTimersByTime(1));
      expect(router.state.location.search).toBe('?q=web');

      // Typing on replaces that entry; another filter goes to the URL at once, with the text so far.
      fireEvent.change(search, { target: { value: 'web tier' } });
      await act(async () => vi.advanceTimersByTime(SEARCH_URL_DELAY_MS));
      fireEvent.change(search, { target: { value: 'web tier cpu' } });
      fireEvent.click(facet('Alert'));
      await act(async () => vi.advanceTimersByTime(0));
      expect(new URLSearchParams(router.state.location.search).get('q')).toBe('web tier cpu');
      expect(new URLSearchParams(router.state.location.search).getAll('status')).toEqual(['Alert']);
      // The timer of the text written with the facet does not write it again.
      await act(async () => vi.advanceTimersByTime(SEARCH_URL_DELAY_MS * 2));
    } finally {
      vi.useRealTimers();
      stop();
    }
    expect(navigations.map((n) => [n.action, new URLSearchParams(n.search).get('q')])).toEqual([
      ['PUSH', 'web'],
      ['REPLACE', 'web tier'],
      ['PUSH', 'web tier cpu'],
    ]);
  });

  it('the back button wins over search text not yet written', async () => {
    const { router, user } = setup('/monitors?q=auth');
    await screen.findByRole('table', { name: 'Monitors' });
    await act(() => router.navigate('/monitors?q=web'));
    const search = screen.getByRole('searchbox', { name: 'Search monitors' });
    await waitFor(() => expect(search).toHaveValue('web'));
    await user.type(search, 'x');
    await act(() => router.navigate(-1));
    await waitFor(() => expect(search).toHaveValue('auth'));
    expect(rowNames()).toEqual(['Auth service 5xx']);
    await new Promise((resolve) => setTimeout(resolve, SEARCH_URL_DELAY_MS + 50));
    expect(router.state.location.search).toBe('?q=auth');
    expect(search).toHaveValue('auth');
  });

  it('rejects a typed tag filter that is not key:value', async () => {
    const { router, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    await user.type(screen.getByRole('combobox', { name: 'Add tag filter (key:value)' }), 'payments{Enter}');
    expect(screen.getByText('Use key:value, e.g. team:payments')).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('"/" focuses the search box; Esc clears it, then blurs', async () => {
    const { user, router } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    const search = screen.getByRole('searchbox', { name: 'Search monitors' });
    await user.keyboard('/');
    expect(search).toHaveFocus();
    await user.keyboard('web tier');
    expect(rowNames()).toEqual(['High CPU on web tier']);
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    expect(router.state.location.search).toBe('');
    expect(search).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(search).not.toHaveFocus();
  });

  it('shows the empty state with Clear filters', async () => {
    const { user, router } = setup('/monitors?q=nothing-matches-this');
    expect(await screen.findByText('No monitors match these filters')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Monitors' });
    await user.click(within(table).getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    expect(rowNames()).toHaveLength(monitors.length);
  });

  it('keeps the data on screen and shows a stale banner when a refresh fails', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Monitors' });
    expect(screen.getByText('Updated 0 s ago')).toBeInTheDocument();
    expect(screen.queryByText(/Can't reach/)).not.toBeInTheDocument();

    api.use({ 'GET /api/monitors': () => reply.error(502, 'upstream_error', 'Datadog answered 503', { requestId: 'req-9' }) });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    const banner = await screen.findByText(/Can't reach Datadog/);
    expect(banner.closest('[role="status"]')).toHaveTextContent(
      /Can't reach Datadog — showing data from \d\d:\d\d:\d\d \(0 s ago\)\. Retrying every 30 s\./,
    );
    expect(banner.closest('[role="status"]')).toHaveTextContent('req-9');
    expect(rowNames()).toHaveLength(monitors.length);
  });

  it('shows the stale banner when the BFF answers with stale data', async () => {
    setup('/monitors', { 'GET /api/monitors': listResponse(monitors, { stale: true, fetchedAt: FIXTURE_NOW - 3 * 60_000 }) });
    const banner = await screen.findByText(/Can't reach Datadog/);
    expect(banner.closest('[role="status"]')).toHaveTextContent('(3 min ago)');
    expect(rowNames()).toHaveLength(monitors.length);
  });
});
