import { screen, waitFor } from '@testing-library/react';
import { mockApi, reply } from '../../../testing/mock-api';
import { renderWithProviders } from '../../../testing/render';
import { buildWindow, HOUR, MINUTE, NOW, weeklyWindow, windowList } from '../testing/window-fixtures';
import type { MaintenanceWindow } from '../../../contract/maintenance';
import { maintenanceQueries } from '../api/window-queries';
import { ActiveWindowsBanner } from './active-windows-banner';

function setup(windows: MaintenanceWindow[]) {
  mockApi({ 'GET /api/maintenance/windows': () => reply.json(windowList(windows)) });
  return renderWithProviders(<ActiveWindowsBanner />);
}

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ActiveWindowsBanner', () => {
  it('shows the count of active windows and the nearest end, linking to /maintenance', async () => {
    setup([
      buildWindow({ id: 'a', schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 3 * HOUR } }),
      buildWindow({ id: 'b', schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 45 * MINUTE } }),
      weeklyWindow(),
    ]);
    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent('2 maintenance windows active · next ends 12:45 (in 45 min)');
    expect(screen.getByRole('link')).toHaveAttribute('href', '/maintenance');
    expect(banner).not.toHaveClass('mw-banner--soon');
  });

  it('turns to "ending soon" within 10 minutes, saying it in words too', async () => {
    setup([buildWindow({ schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 8 * MINUTE } })]);
    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent('1 maintenance window active · next ends 12:08 (in 8 min) · ending soon');
    expect(banner).toHaveClass('mw-banner--soon');
  });

  it('keeps the ticking countdown out of the live region', async () => {
    setup([buildWindow()]);
    const banner = await screen.findByRole('status');
    expect(banner.querySelector('[aria-hidden="true"]:not(.mw-banner__icon)')).toHaveTextContent('(in 2h)');
  });

  it('says when no active window has an end', async () => {
    setup([buildWindow({ schedule: { kind: 'once', start: NOW - HOUR, end: null } })]);
    expect(await screen.findByRole('status')).toHaveTextContent('1 maintenance window active · none has an end');
  });

  it('shows nothing when no window is active', async () => {
    const { container, queryClient } = setup([weeklyWindow(), buildWindow({ status: 'ended' })]);
    // The banner is empty while the windows load too: wait for them to be in (a fixed 50 ms could
    // end before the answer on a loaded machine, and the checks below would then check nothing).
    await waitFor(() => expect(queryClient.getQueryData(maintenanceQueries.list().queryKey)).toBeDefined());
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(container.textContent).toBe('');
  });
});
