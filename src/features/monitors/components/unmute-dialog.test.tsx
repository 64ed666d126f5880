import { screen, waitFor, within } from '@testing-library/react';
import type { MonitorDetail } from '../../../contract/monitors';
import { deferred, mockApi, reply, type MockReply } from '../../../testing/mock-api';
import { appConfig, buildDowntime, buildGroup, cpuDetail, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { unavailableHistory } from '../../../testing/service-check-fixtures';
import { MonitorDetailView } from './monitor-detail';

const HOUR = 3_600_000;
const DT_ALL = '00000000-0000-4000-8000-0000000000a1';
const DT_STAGING_TAGS = '00000000-0000-4000-8000-0000000000a2';
const DT_WEB1 = '00000000-0000-4000-8000-0000000000a3';

/** Monitor 1, every group muted: "*" for 2 h, web-1 alone indefinitely, and a tag-targeted downtime on staging. */
function mutedDetail(): MonitorDetail {
  return cpuDetail({
    groups: [
      buildGroup('env:prod,host:web-1', 'Alert', { muted: true, mutedUntil: null }),
      buildGroup('env:prod,host:web-2', 'Warn', { muted: true, mutedUntil: FIXTURE_NOW + 2 * HOUR }),
      buildGroup('env:prod,host:web-3', 'OK', { muted: true, mutedUntil: FIXTURE_NOW + 2 * HOUR }),
      buildGroup('env:staging,host:web-9', 'No Data', { muted: true, mutedUntil: null }),
    ],
    mute: { state: 'all', endsAt: FIXTURE_NOW + 2 * HOUR, mutedGroups: 4, downtimes: 3 },
    downtimes: [
      buildDowntime({ id: DT_ALL, scope: '*', endAt: FIXTURE_NOW + 2 * HOUR, message: 'Deploy window' }),
      buildDowntime({ id: DT_WEB1, scope: 'host:web-1', endAt: null, message: 'Broken disk' }),
      buildDowntime({
        id: DT_STAGING_TAGS,
        scope: 'env:staging',
        monitorId: null,
        monitorTags: ['team:web'],
        endAt: null,
        message: 'Staging freeze',
      }),
    ],
  });
}

function setup(routes = {}) {
  const api = mockApi({ 'GET /api/config': appConfig, 'GET /api/session': sessionFor('responder'), 'GET /api/monitors/:id': mutedDetail(), 'GET /api/monitors/:id/history': unavailableHistory(), ...routes });
  const view = renderWithProviders(<MonitorDetailView id={1} />, { path: '/monitors/:id', initialEntries: ['/monitors/1'] });
  return { api, ...view };
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('UnmuteDialog', () => {
  it('offers each active scope or all, and warns which non-OK groups would notify at once', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Unmute…' }));
    const dialog = screen.getByRole('dialog', { name: 'Unmute High CPU on web tier' });
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual([
      'Scope *',
      'Scope host:web-1',
      'Scope env:staging',
      'Everything muted on this monitor',
    ]);
    expect(within(dialog).getByRole('radio', { name: 'Everything muted on this monitor' })).toBeChecked();

    // All: the "*" and web-1 downtimes go; the tag-targeted staging one stays, so web-9 stays muted.
    const warning = within(dialog).getByRole('alert');
    expect(warning).toHaveTextContent('2 groups not OK will notify at once');
    expect(within(warning).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '▲Alert env:prod,host:web-1',
      '◆Warn env:prod,host:web-2',
    ]);
    expect(within(dialog).getByText(/1 downtime here targets monitor tags/)).toBeInTheDocument();

    // "*" alone: web-1 stays muted by its own downtime, so only web-2 would notify.
    await user.click(within(dialog).getByRole('radio', { name: 'Scope *' }));
    expect(within(within(dialog).getByRole('alert')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '◆Warn env:prod,host:web-2',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Unmute 2 groups' })).toBeInTheDocument();
  });

  it('says when nothing would notify', async () => {
    const { user } = setup({
      'GET /api/monitors/:id': cpuDetail({
        groups: [buildGroup('env:prod,host:web-3', 'OK', { muted: true, mutedUntil: FIXTURE_NOW + HOUR })],
        mute: { state: 'partial', endsAt: FIXTURE_NOW + HOUR, mutedGroups: 1, downtimes: 1 },
        downtimes: [buildDowntime({ scope: 'host:web-3', endAt: FIXTURE_NOW + HOUR })],
      }),
    });
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Unmute…' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'Scope host:web-3' })).toBeChecked();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).getByText('All 1 group this unmutes is OK; nothing should notify at once.')).toBeInTheDocument();
  });

  it('sends {all:true}, shows the change at once, then what was cancelled and what was skipped', async () => {
    const gate = deferred<MockReply>();
    const { api, user } = setup({ 'POST /api/monitors/:id/unmute': () => gate.promise });
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Unmute…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Unmute everything' }));

    const web2 = within(screen.getByRole('table', { name: 'Groups' }))
      .getByRole('rowheader', { name: /^env:prod,host:web-2/ })
      .closest('tr')!;
    await waitFor(() => expect(web2).toHaveTextContent('unmute pending'));
    // The warning keeps showing what it was computed from while the request runs.
    expect(within(dialog).getByRole('alert')).toHaveTextContent('2 groups not OK will notify at once');

    gate.resolve(
      reply.json({
        canceled: [DT_ALL, DT_WEB1],
        skipped: [{ id: DT_STAGING_TAGS, scope: 'env:staging', reason: 'Targets monitor tags team:web; also mutes other monitors' }],
      }),
    );
    const done = await screen.findByRole('dialog', { name: 'Unmuted High CPU on web tier' });
    expect(within(done).getByText('Cancelled 2 downtimes.')).toBeInTheDocument();
    expect(within(done).getByRole('heading', { name: 'Not cancelled (1)' })).toBeInTheDocument();
    expect(within(done).getByText(/Targets monitor tags team:web; also mutes other monitors/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/monitors/1/unmute')[0]!.body).toEqual({ all: true });
  });

  it('sends the chosen scope', async () => {
    const { api, user } = setup({ 'POST /api/monitors/:id/unmute': reply.json({ canceled: [DT_WEB1], skipped: [] }).body as object });
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Unmute…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Scope host:web-1' }));
    await user.click(within(dialog).getByRole('button', { name: /^Unmute \d+ groups?$/ }));
    await screen.findByText('Cancelled 1 downtime.');
    expect(api.callsTo('POST', '/api/monitors/1/unmute')[0]!.body).toEqual({ scope: 'host:web-1' });
  });

  it('rolls back and explains when the unmute fails', async () => {
    const { user } = setup({
      'POST /api/monitors/:id/unmute': () => reply.error(429, 'rate_limited', 'Datadog is rate-limiting', { retryAfter: 20 }),
    });
    await screen.findByRole('table', { name: 'Groups' });
    await user.click(screen.getByRole('button', { name: 'Unmute…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Unmute everything' }));
    const error = await within(dialog).findByText(/Datadog is rate-limiting/);
    expect(error.closest('.inline-error')).toHaveTextContent('Unmute failed, nothing was changed');
    expect(error.closest('.inline-error')).toHaveTextContent('try again in 20 s');
    const web2 = within(screen.getByRole('table', { name: 'Groups' }))
      .getByRole('rowheader', { name: /^env:prod,host:web-2/ })
      .closest('tr')!;
    expect(web2).not.toHaveTextContent('pending');
    expect(web2).toHaveTextContent(/in 2h \(/);
  });
});

describe('Downtimes and cancel', () => {
  it('lists downtimes with scope, creator, message, time left, and tag targeting', async () => {
    setup();
    const section = (await screen.findByRole('heading', { name: /Downtimes/ })).closest('section')!;
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('active*');
    expect(items[0]).toHaveTextContent('Deploy window');
    expect(items[0]).toHaveTextContent('By Ada Lovelace');
    expect(items[0]).toHaveTextContent(/2h left \(ends \d\d:\d\d\)/);
    expect(items[2]).toHaveTextContent('also mutes other monitors tagged team:web');
    expect(items[2]).toHaveTextContent('indefinitely');
  });

  it('confirms a cancel with what unmutes and which non-OK groups notify, then deletes it', async () => {
    const { api, user } = setup({ 'DELETE /api/downtimes/:id': () => reply.noContent() });
    await screen.findByRole('heading', { name: /Downtimes/ });
    await user.click(screen.getByRole('button', { name: 'Cancel downtime *' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel downtime?' });
    // web-1 stays muted by its own downtime; staging by the tag-targeted one.
    expect(dialog).toHaveTextContent('This unmutes 2 groups of this monitor.');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('1 group not OK will notify at once:');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('env:prod,host:web-2');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel downtime' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', `/api/downtimes/${DT_ALL}`)).toHaveLength(1);
  });

  it('warns that cancelling a tag-targeted downtime unmutes other monitors', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { name: /Downtimes/ });
    await user.click(screen.getByRole('button', { name: 'Cancel downtime env:staging' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel downtime?' });
    expect(dialog).toHaveTextContent('also mutes other monitors tagged team:web; cancelling it unmutes them too');
    // web-9 is also under the "*" downtime, so nothing here unmutes.
    expect(dialog).toHaveTextContent('No group of this monitor is muted by this downtime alone');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
