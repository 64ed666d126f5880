import { screen, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import { mockApi, reply } from '../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { buildCheckResult, recentChecks, recentResults } from '../../../testing/service-check-fixtures';
import { sessionFor } from '../../../testing/session-fixtures';
import type { RecentChecksResponse } from '../../../contract/service-checks';
import { RecentResults } from './recent-results';
import { ServiceChecksPage } from './service-checks-page';

function setup(recent: RecentChecksResponse = recentChecks(recentResults)) {
  const api = mockApi({ 'GET /api/service-checks/recent': () => reply.json(recent) });
  return { api, ...renderWithProviders(<RecentResults />) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('RecentResults', () => {
  it('shows the latest status per check (rows) and host (columns), in colour, shape and text', async () => {
    setup();
    const region = await screen.findByRole('region', { name: 'Recent results' });
    const grid = within(region).getByRole('table', { name: 'Latest status by check and host' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Check', 'app-1', 'app-2', 'db-1']);
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['app.ok', 'db.can_connect']);

    const critical = within(grid).getByRole('button', { name: 'app.ok on app-1: CRITICAL 3 min ago' });
    expect(critical).toHaveClass('st-alert');
    expect(critical.querySelector('[aria-hidden="true"]')).toHaveTextContent('▲');
    // The time, message and tags are its description, shown as a tooltip on hover and focus.
    expect(critical).toHaveAccessibleDescription(/connection refused on :8080/);
    expect(critical).toHaveAccessibleDescription(/env:prod/);
    expect(critical).toHaveAccessibleDescription(/by alice/);
    expect(within(grid).getByRole('button', { name: 'app.ok on app-2: OK 30 s ago' })).toHaveAccessibleDescription(/No message/);
    expect(within(grid).getByRole('button', { name: /db.can_connect on db-1: UNKNOWN/ })).toHaveClass('st-unknown');

    // app.ok never ran on db-1.
    const appOkRow = within(grid).getByRole('rowheader', { name: 'app.ok' }).closest('tr')!;
    expect(within(appOkRow).getAllByRole('cell')[2]).toHaveTextContent('No result');
  });

  it('says where the results come from when Datadog cannot list them', async () => {
    setup();
    expect(await screen.findByText('Only results submitted through watchdeck: Datadog cannot list service check runs')).toBeInTheDocument();
  });

  it('Escape hides a cell’s tooltip until focus or the pointer leaves', async () => {
    const { user } = setup();
    const cell = await screen.findByRole('button', { name: /app.ok on app-1/ });
    await user.click(cell);
    expect(cell.parentElement).not.toHaveClass('is-dismissed');
    await user.keyboard('{Escape}');
    expect(cell.parentElement).toHaveClass('is-dismissed');
    await user.tab();
    expect(cell.parentElement).not.toHaveClass('is-dismissed');
  });

  it('lists the results instead when there are many hosts, with the message in a column', async () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      buildCheckResult({ check: 'disk.ok', host: `host-${String(i).padStart(2, '0')}`, status: i === 4 ? 2 : 0, message: i === 4 ? 'disk full' : null }),
    );
    setup(recentChecks(many, 'local'));
    const list = await screen.findByRole('table', { name: 'Latest result per check and host' });
    expect(screen.queryByRole('table', { name: 'Latest status by check and host' })).not.toBeInTheDocument();
    expect(within(list).getAllByRole('row')).toHaveLength(11);
    const row = within(list).getByText('host-04').closest('tr')!;
    expect(row).toHaveTextContent('CRITICAL');
    expect(row).toHaveTextContent('disk full');
    expect(screen.queryByText(/Only results submitted through watchdeck/)).not.toBeInTheDocument();
  });

  it('says when there are no results yet', async () => {
    setup(recentChecks([]));
    expect(await screen.findByText('No service check results yet.')).toBeInTheDocument();
  });
});

describe('ServiceChecksPage', () => {
  function renderPage(role: Role) {
    mockApi({ 'GET /api/session': sessionFor(role), 'GET /api/service-checks/recent': () => reply.json(recentChecks(recentResults)) });
    return renderWithProviders(<ServiceChecksPage />);
  }

  it.each(['responder', 'admin'] as const)('a %s gets the submit form and the grid', async (role) => {
    renderPage(role);
    expect(await screen.findByRole('heading', { level: 1, name: 'Service checks' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit check' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Recent results' })).toBeInTheDocument();
  });

  it('a viewer sees the grid only', async () => {
    renderPage('viewer');
    expect(await screen.findByRole('region', { name: 'Recent results' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit check' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Check' })).not.toBeInTheDocument();
    expect(screen.getByText(/Responders and admins submit check results/)).toBeInTheDocument();
  });
});
