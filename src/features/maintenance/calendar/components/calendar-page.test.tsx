import { act, screen, within } from '@testing-library/react';
import { mockApi, reply } from '../../../../testing/mock-api';
import { renderWithProviders } from '../../../../testing/render';
import { sessionFor } from '../../../../testing/session-fixtures';
import type { MaintenanceWindow } from '../../../../contract/maintenance';
import { buildWindow, weeklySaturdayWindow, windowList } from '../testing/window-fixtures';
import { CalendarPage } from './calendar-page';

/** Berlin wall-clock time in November 2026 (UTC+1) as an instant. */
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 1, minute);
/** Wednesday 25 November 2026, 10:30 in Berlin. */
const NOW = berlin(25, 10, 30);

function renderCalendar(url: string, windows: MaintenanceWindow[], options: { stale?: boolean } = {}) {
  const api = mockApi({
    'GET /api/session': sessionFor('responder'),
    'GET /api/maintenance/windows': () => reply.json(windowList(windows, NOW, options.stale)),
  });
  const rendered = renderWithProviders(<CalendarPage />, {
    path: '/maintenance/calendar',
    initialEntries: [url],
    extraRoutes: [{ path: '/maintenance/windows/:id', element: <h1>Window page</h1> }],
  });
  return { api, ...rendered };
}

const day = (name: string) => screen.getByRole('region', { name });
const linksIn = (name: string) => within(day(name)).queryAllByRole('link');

beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the week view', () => {
  it('puts a weekly Saturday 02:00–04:00 window on Saturday and nowhere else', async () => {
    renderCalendar('/maintenance/calendar', [weeklySaturdayWindow()]);
    expect(await screen.findByRole('heading', { level: 2, name: '23 – 29 November 2026' })).toBeInTheDocument();
    const saturday = within(day('Saturday 28 November 2026')).getByRole('link');
    expect(saturday).toHaveAccessibleName('Nightly search reindex, Saturday 02:00–04:00');
    expect(saturday).toHaveAttribute('href', '/maintenance/windows/reindex');
    expect(saturday).toHaveTextContent('02:00–04:00');
    for (const other of ['Monday 23', 'Tuesday 24', 'Wednesday 25', 'Thursday 26', 'Friday 27', 'Sunday 29']) {
      expect(linksIn(`${other} November 2026`)).toHaveLength(0);
    }
    expect(screen.getByText('This week: 1 window.')).toBeInTheDocument();
    expect(screen.getByText('Times in Europe/Berlin')).toBeInTheDocument();
  });

  it('Next, Previous and Today move a week at a time and keep it in the URL', async () => {
    const { user, router } = renderCalendar('/maintenance/calendar?view=week&date=2026-11-25', [weeklySaturdayWindow()]);
    await user.click(await screen.findByRole('button', { name: 'Next week' }));
    expect(router.state.location.search).toBe('?view=week&date=2026-12-02');
    expect(await screen.findByRole('heading', { level: 2, name: '30 November – 6 December 2026' })).toBeInTheDocument();
    expect(linksIn('Saturday 5 December 2026')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    expect(router.state.location.search).toBe('?view=week&date=2026-11-18');
    expect(await screen.findByRole('heading', { level: 2, name: '16 – 22 November 2026' })).toBeInTheDocument();
    expect(linksIn('Saturday 21 November 2026')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(router.state.location.search).toBe('?view=week&date=2026-11-25');
    expect(await screen.findByRole('heading', { level: 2, name: '23 – 29 November 2026' })).toBeInTheDocument();
  });

  it('shows the browser’s local time for a window planned in another timezone', async () => {
    vi.stubEnv('TZ', 'America/New_York');
    const utc = weeklySaturdayWindow('utc', {
      schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-10-03T02:00', timezone: 'UTC', current: null },
    });
    renderCalendar('/maintenance/calendar?date=2026-11-25', [utc]);
    // 02:00 UTC on Saturday is 21:00 EST on Friday.
    const friday = within(await screen.findByRole('region', { name: 'Friday 27 November 2026' })).getByRole('link');
    expect(friday).toHaveAccessibleName('Nightly search reindex, Friday 21:00–23:00');
    expect(linksIn('Saturday 28 November 2026')).toHaveLength(0);
  });

  it('flags two windows on the same tag that overlap, and not a third on other monitors', async () => {
    const failover = buildWindow('failover', {
      reason: 'Payments DB failover',
      schedule: { kind: 'once', start: berlin(28, 3), end: berlin(28, 5) },
    });
    const other = buildWindow('search', {
      reason: 'Search cluster patch',
      targets: { monitorIds: [], monitorTags: ['team:search'] },
      schedule: { kind: 'once', start: berlin(28, 3), end: berlin(28, 4) },
    });
    renderCalendar('/maintenance/calendar?date=2026-11-25', [weeklySaturdayWindow(), failover, other]);
    const saturday = await screen.findByRole('region', { name: 'Saturday 28 November 2026' });
    const reindex = within(saturday).getByRole('link', { name: /^Nightly search reindex/ });
    expect(reindex).toHaveAccessibleName('Nightly search reindex, Saturday 02:00–04:00, overlaps with Payments DB failover');
    expect(reindex).toHaveTextContent('⚠ Overlap');
    expect(within(saturday).getByRole('link', { name: /^Payments DB failover/ })).toHaveAccessibleName(
      'Payments DB failover, Saturday 03:00–05:00, overlaps with Nightly search reindex',
    );
    const patch = within(saturday).getByRole('link', { name: /^Search cluster patch/ });
    expect(patch).toHaveAccessibleName('Search cluster patch, Saturday 03:00–04:00');
    expect(patch).not.toHaveTextContent('Overlap');
    expect(screen.getByText('This week: 3 windows, 2 overlapping.')).toBeInTheDocument();
  });

  it('draws the now-line on today’s column only, and moves it each minute', async () => {
    renderCalendar('/maintenance/calendar', [weeklySaturdayWindow()]);
    const today = await screen.findByRole('region', { name: 'Wednesday 25 November 2026' });
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(within(today).getByText('Now, 10:30')).toBeInTheDocument();
    expect(screen.getAllByText(/^Now, /)).toHaveLength(1);
    expect(day('Thursday 26 November 2026')).not.toHaveAttribute('aria-current');

    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(within(today).getByText('Now, 10:31')).toBeInTheDocument();
  });

  it('has no now-line in a week without today', async () => {
    renderCalendar('/maintenance/calendar?date=2026-12-02', [weeklySaturdayWindow()]);
    await screen.findByRole('region', { name: 'Saturday 5 December 2026' });
    expect(screen.queryByText(/^Now, /)).not.toBeInTheDocument();
    expect(screen.getByText('In the week shown: 1 window.')).toBeInTheDocument();
  });

  it('shows an entry that crosses midnight on each day it touches', async () => {
    const late = buildWindow('late', { reason: 'Kafka upgrade', schedule: { kind: 'once', start: berlin(27, 22), end: berlin(28, 1, 30) } });
    renderCalendar('/maintenance/calendar?date=2026-11-25', [late]);
    const friday = within(await screen.findByRole('region', { name: 'Friday 27 November 2026' })).getByRole('link');
    const saturday = within(day('Saturday 28 November 2026')).getByRole('link');
    for (const link of [friday, saturday]) expect(link).toHaveAccessibleName('Kafka upgrade, Friday 22:00 – Saturday 01:30');
    expect(friday).toHaveTextContent('from 22:00');
    expect(saturday).toHaveTextContent('until 01:30');
  });

  it('mutes ended windows and leaves canceled ones out', async () => {
    const ended = buildWindow('ended', { reason: 'Cert rotation', status: 'ended', schedule: { kind: 'once', start: berlin(24, 9), end: berlin(24, 10) } });
    const canceled = buildWindow('canceled', { reason: 'Called off', status: 'canceled', schedule: { kind: 'once', start: berlin(26, 9), end: berlin(26, 10) } });
    renderCalendar('/maintenance/calendar?date=2026-11-25', [ended, canceled]);
    const link = within(await screen.findByRole('region', { name: 'Tuesday 24 November 2026' })).getByRole('link');
    expect(link).toHaveAccessibleName('Cert rotation, Tuesday 09:00–10:00, ended');
    expect(link).toHaveClass('is-ended');
    expect(screen.queryByRole('link', { name: /Called off/ })).not.toBeInTheDocument();
  });

  it('opens the window on a click, and on Enter', async () => {
    const { user, router } = renderCalendar('/maintenance/calendar', [weeklySaturdayWindow()]);
    await user.click(await screen.findByRole('link', { name: /^Nightly search reindex/ }));
    expect(router.state.location.pathname).toBe('/maintenance/windows/reindex');
    expect(screen.getByRole('heading', { name: 'Window page' })).toBeInTheDocument();

    await act(() => router.navigate('/maintenance/calendar'));
    const link = await screen.findByRole('link', { name: /^Nightly search reindex/ });
    link.focus();
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/maintenance/windows/reindex');
  });

  it('says calmly when the week has no windows', async () => {
    renderCalendar('/maintenance/calendar', []);
    expect(await screen.findByText('No maintenance windows this week.')).toBeInTheDocument();
    expect(screen.getAllByRole('region')).toHaveLength(7);
  });
});

describe('the month view', () => {
  it('shows the weekly window on every Saturday, and today highlighted', async () => {
    renderCalendar('/maintenance/calendar?view=month&date=2026-11-25', [weeklySaturdayWindow()]);
    expect(await screen.findByRole('heading', { level: 2, name: 'November 2026' })).toBeInTheDocument();
    expect(screen.getByText('In November 2026: 1 window, 6 occurrences.')).toBeInTheDocument();
    const regions = screen.getAllByRole('region');
    expect(regions).toHaveLength(42);
    const entriesByDay = Object.fromEntries(
      regions
        .filter((r) => within(r).queryAllByRole('link').length > 0)
        .map((r) => [r.getAttribute('aria-label'), within(r).getAllByRole('link').map((l) => l.getAttribute('aria-label'))]),
    );
    // Saturdays before today (Wednesday 25 November) are over, so they read as ended.
    const past = ['Nightly search reindex, Saturday 02:00–04:00, ended'];
    const coming = ['Nightly search reindex, Saturday 02:00–04:00'];
    expect(entriesByDay).toEqual({
      'Saturday 31 October 2026': past,
      'Saturday 7 November 2026': past,
      'Saturday 14 November 2026': past,
      'Saturday 21 November 2026': past,
      'Saturday 28 November 2026': coming,
      'Saturday 5 December 2026': coming,
    });
    const today = day('Wednesday 25 November 2026');
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(today).toHaveClass('is-today');
    expect(within(today).getByText('Today')).toBeInTheDocument();
    expect(screen.getAllByRole('region').filter((r) => r.getAttribute('aria-current') === 'date')).toHaveLength(1);
    expect(screen.queryByText(/^Now, /)).not.toBeInTheDocument();
    expect(day('Saturday 31 October 2026')).toHaveClass('is-outside');
  });

  it('shows three entries a day, then “+N more”, which opens that week', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      buildWindow(`w${i}`, {
        reason: `Job ${i}`,
        targets: { monitorIds: [i + 1], monitorTags: [] },
        schedule: { kind: 'once', start: berlin(12, 1 + i), end: berlin(12, 2 + i) },
      }),
    );
    const { user, router } = renderCalendar('/maintenance/calendar?view=month&date=2026-11-25', many);
    const thursday = await screen.findByRole('region', { name: 'Thursday 12 November 2026' });
    expect(within(thursday).getAllByRole('link').map((l) => l.textContent)).toEqual(['01:00–02:00Job 0', '02:00–03:00Job 1', '03:00–04:00Job 2']);
    await user.click(within(thursday).getByRole('button', { name: '+2 more on Thursday 12 November 2026: show its week' }));
    expect(router.state.location.search).toBe('?view=week&date=2026-11-12');
    expect(await screen.findByRole('heading', { level: 2, name: '9 – 15 November 2026' })).toBeInTheDocument();
    expect(within(day('Thursday 12 November 2026')).getAllByRole('link')).toHaveLength(5);
  });

  it('the view toggle works from the keyboard, and Next moves a month', async () => {
    const { user, router } = renderCalendar('/maintenance/calendar?date=2026-11-25', [weeklySaturdayWindow()]);
    const week = await screen.findByRole('radio', { name: 'Week' });
    expect(week).toBeChecked();
    week.focus();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 2, name: 'November 2026' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Month' })).toBeChecked();
    expect(router.state.location.search).toBe('?date=2026-11-25&view=month');
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'December 2026' })).toBeInTheDocument();
  });
});

describe('the page', () => {
  it('falls back on a bad link and says what it did', async () => {
    renderCalendar('/maintenance/calendar?view=year&date=2026-02-30', [weeklySaturdayWindow()]);
    expect(await screen.findByText('The link asks for a “year” view; showing the week. Use week or month.')).toBeInTheDocument();
    expect(screen.getByText('The link’s date “2026-02-30” is not a date like 2026-11-28; showing today.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '23 – 29 November 2026' })).toBeInTheDocument();
  });

  it('keeps the windows on screen with a stale banner when the BFF served its last good copy', async () => {
    renderCalendar('/maintenance/calendar', [weeklySaturdayWindow()], { stale: true });
    expect(await screen.findByText("Can't reach Datadog")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Nightly search reindex/ })).toBeInTheDocument();
  });

  it('has the maintenance tabs, with Calendar current', async () => {
    renderCalendar('/maintenance/calendar', []);
    const tabs = await screen.findByRole('navigation', { name: 'Maintenance' });
    expect(within(tabs).getByRole('link', { name: 'Calendar' })).toHaveAttribute('aria-current', 'page');
  });
});
