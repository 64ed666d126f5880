import { screen, waitFor, within } from '@testing-library/react';
import type { MonitorHistoryResponse } from '../../../contract/service-checks';
import { formatShortTime } from '../../../lib/format-time';
import { mockApi, reply } from '../../../testing/mock-api';
import { appConfig, buildDowntime, cpuDetail, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { DOWNTIME_ID, monitorHistory, unavailableHistory } from '../../../testing/service-check-fixtures';
import { sessionFor } from '../../../testing/session-fixtures';
import { monitorQueries } from '../api/monitor-queries';
import { MonitorDetailView } from './monitor-detail';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const hm = (at: number) => formatShortTime(at, FIXTURE_NOW);

function setup(history: MonitorHistoryResponse | (() => ReturnType<typeof reply.json>) = monitorHistory(), entry = '/monitors/1') {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('viewer'),
    'GET /api/monitors/:id': cpuDetail({ downtimes: [buildDowntime({ id: DOWNTIME_ID, scope: 'host:web-1', endAt: null })] }),
    'GET /api/monitors/:id/history': typeof history === 'function' ? history : () => reply.json(history),
  });
  const view = renderWithProviders(<MonitorDetailView id={1} />, { path: '/monitors/:id', initialEntries: [entry] });
  return { api, ...view };
}

const region = () => screen.getByRole('region', { name: 'Status history' });

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('the status history on the monitor page', () => {
  it('draws one strip per group, worst first, with a titled segment per status', async () => {
    setup();
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    expect(within(region()).getByRole('heading', { name: 'Status history (last 24 h)' })).toBeInTheDocument();
    const strips = await within(region()).findAllByRole('group');
    expect(strips.map((s) => s.getAttribute('aria-label'))).toEqual([
      'env:prod,host:web-1: 3 changes',
      'env:prod,host:web-2: 0 changes',
      'env:prod,host:web-3: 1 change',
    ]);

    const web1 = within(strips[0]!).getAllByRole('img');
    expect(web1.map((r) => r.textContent)).toEqual([
      `OK from ${hm(FIXTURE_NOW - 24 * HOUR)} to ${hm(FIXTURE_NOW - 2 * HOUR)}`,
      `Alert from ${hm(FIXTURE_NOW - 2 * HOUR)} to ${hm(FIXTURE_NOW - HOUR)}`,
      `OK from ${hm(FIXTURE_NOW - HOUR)} to ${hm(FIXTURE_NOW - 30 * MINUTE)}`,
      'Alert from ' + hm(FIXTURE_NOW - 30 * MINUTE) + ' to now',
      `Muted from ${hm(FIXTURE_NOW - 90 * MINUTE)} to now by downtime ${DOWNTIME_ID.slice(0, 8)} (host:web-1)`,
    ]);
    expect(within(strips[0]!).getByRole('img', { name: `Alert from ${hm(FIXTURE_NOW - 2 * HOUR)} to ${hm(FIXTURE_NOW - HOUR)}` })).toHaveClass(
      'history-seg',
      'st-alert',
    );

    // Geometry: the Alert from 2 h to 1 h ago covers 1/24 of the strip, ending 1 h before its right edge.
    const alert = web1[1]!;
    expect(alert).toHaveAttribute('x', `${Number(((22 / 24) * 100).toFixed(3))}%`);
    expect(alert).toHaveAttribute('width', `${Number(((1 / 24) * 100).toFixed(3))}%`);

    // Warn the whole window; web-3 only from when it appeared, 6 h ago.
    expect(within(strips[1]!).getAllByRole('img')).toHaveLength(1);
    expect(within(strips[1]!).getByRole('img')).toHaveAttribute('width', '100%');
    expect(within(strips[2]!).getByRole('img')).toHaveAttribute('x', '75%');
  });

  it('overlays the mute as a hatched band over the muted stretch', async () => {
    setup();
    const strips = await within(await screen.findByRole('region', { name: 'Status history' })).findAllByRole('group');
    const mute = within(strips[0]!).getByRole('img', { name: /^Muted/ });
    expect(mute).toHaveClass('history-mute');
    const patternId = region().querySelector('pattern')!.id;
    expect(mute).toHaveAttribute('fill', `url(#${patternId})`);
    expect(mute).toHaveAttribute('x', `${Number(((22.5 / 24) * 100).toFixed(3))}%`);
    expect(mute).toHaveAttribute('width', `${Number(((1.5 / 24) * 100).toFixed(3))}%`);
    // Unmuted groups have no band; the legend explains the hatch.
    expect(within(strips[1]!).queryByRole('img', { name: /^Muted/ })).not.toBeInTheDocument();
    expect(within(within(region()).getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓OK',
      '▲Alert',
      '◆Warn',
      'Muted',
    ]);
  });

  it('labels the time axis from 24 h ago to now', async () => {
    setup();
    await within(await screen.findByRole('region', { name: 'Status history' })).findAllByRole('group');
    const labels = [...region().querySelectorAll('.history-axis__label')].map((t) => t.textContent);
    expect(labels).toHaveLength(5);
    expect(labels[4]).toBe('now');
    expect(labels[2]).toBe(hm(FIXTURE_NOW - 12 * HOUR).slice(-5));
  });

  it('says in one line that there is no history outside embedded mode', async () => {
    setup(unavailableHistory());
    expect(await within(await screen.findByRole('region', { name: 'Status history' })).findByText(/^No status history here/)).toBeInTheDocument();
    expect(within(region()).queryByRole('group')).not.toBeInTheDocument();
  });

  it('shows 12 groups of many, and all of them on request', async () => {
    const initial = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`host:h-${String(i).padStart(2, '0')}`, 'OK']));
    const { user } = setup(monitorHistory({ initial, transitions: [], mutes: [] }));
    const history = await screen.findByRole('region', { name: 'Status history' });
    expect(await within(history).findAllByRole('group')).toHaveLength(12);
    await user.click(within(history).getByRole('button', { name: 'Show all 15 groups' }));
    expect(within(history).getAllByRole('group')).toHaveLength(15);
    await user.click(within(history).getByRole('button', { name: 'Show the first 12' }));
    expect(within(history).getAllByRole('group')).toHaveLength(12);
  });

  it('keeps the rest of the page when the history fails, with Retry there', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const { user } = setup(() => (fail ? reply.error(502, 'upstream_error', 'Datadog answered 500') : reply.json(monitorHistory())));
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    expect(await within(region()).findByRole('alert')).toHaveTextContent("Couldn't load the status history: Datadog answered 500");
    expect(screen.getByRole('table', { name: 'Groups' })).toBeInTheDocument();
    fail = false;
    await user.click(within(region()).getByRole('button', { name: 'Retry' }));
    expect(await within(region()).findAllByRole('group')).toHaveLength(3);
  });

  it('loads again whenever the monitor does', async () => {
    const { api, queryClient } = setup();
    await within(await screen.findByRole('region', { name: 'Status history' })).findAllByRole('group');
    expect(api.callsTo('GET', '/api/monitors/1/history')).toHaveLength(1);
    vi.setSystemTime(FIXTURE_NOW + 30_000);
    await queryClient.refetchQueries({ queryKey: monitorQueries.detail(1).queryKey });
    await waitFor(() => expect(api.callsTo('GET', '/api/monitors/1/history')).toHaveLength(2));
  });
});

describe('a link to one downtime (#downtime-<id>)', () => {
  it('gives each downtime its anchor id, and highlights and focuses the one linked to', async () => {
    setup(unavailableHistory(), `/monitors/1#downtime-${DOWNTIME_ID}`);
    const downtimes = await screen.findByRole('heading', { name: /Downtimes/ });
    const item = downtimes.closest('section')!.querySelector(`#downtime-${DOWNTIME_ID}`)!;
    expect(item).toHaveClass('downtime', 'is-targeted');
    await waitFor(() => expect(item).toHaveFocus());
  });

  it('says so when the linked downtime no longer applies', async () => {
    setup(unavailableHistory(), '/monitors/1#downtime-0badc0de-0000-4000-8000-000000000000');
    expect(await screen.findByText(/no longer applies to this monitor/)).toHaveTextContent('Downtime 0badc0de no longer applies');
    expect(document.querySelector('.is-targeted')).toBeNull();
  });

  it('leaves the downtimes alone without such a link', async () => {
    setup(unavailableHistory());
    await screen.findByRole('heading', { name: /Downtimes/ });
    expect(document.querySelector(`#downtime-${DOWNTIME_ID}`)).not.toHaveClass('is-targeted');
    expect(screen.queryByText(/no longer applies/)).not.toBeInTheDocument();
  });
});
