import { screen, waitFor, within } from '@testing-library/react';
import { mockApi, reply, type MockRequest } from '../../../testing/mock-api';
import { appConfig, buildDowntime, cpuDetail, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { unavailableHistory } from '../../../testing/service-check-fixtures';
import { LAST_MUTE_END_KEY } from '../utils/last-mute-end';
import { MonitorDetailView } from './monitor-detail';

const HOUR = 3_600_000;

function setup(routes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('admin'),
    'GET /api/monitors/:id': cpuDetail(),
    'GET /api/monitors/:id/history': unavailableHistory(),
    'POST /api/monitors/:id/mute': (req: MockRequest) => reply.json(buildDowntime({ scope: (req.body as { scope: string }).scope })),
    ...routes,
  });
  const view = renderWithProviders(<MonitorDetailView id={1} />, { path: '/monitors/:id', initialEntries: ['/monitors/1'] });
  return { api, ...view };
}

async function openMute(user: ReturnType<typeof setup>['user']) {
  await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
  await user.click(screen.getByRole('button', { name: 'Mute…' }));
  return screen.getByRole('dialog', { name: 'Mute High CPU on web tier' });
}

function previewItems(dialog: HTMLElement): string[] {
  const list = within(dialog).queryByRole('list', { name: 'Groups this mute matches' });
  return list ? within(list).getAllByRole('listitem').map((li) => li.textContent ?? '') : [];
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('MuteDialog', () => {
  it('previews every group for the whole monitor and says so on the button', async () => {
    const { user } = setup();
    const dialog = await openMute(user);
    expect(within(dialog).getByRole('radio', { name: /The whole monitor/ })).toBeChecked();
    expect(within(dialog).getByRole('heading', { name: 'Preview: mutes 4 of 4 groups' })).toBeInTheDocument();
    expect(previewItems(dialog)).toEqual([
      '▲Alert env:prod,host:web-1',
      '◆Warn env:prod,host:web-2',
      '✓OK env:prod,host:web-3',
      '✓OK env:staging,host:web-9',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 1 hour' })).toBeInTheDocument();
  });

  it('from a group row: scopes to that group’s tags, previews exactly that group, and sends that scope', async () => {
    const { api, user } = setup();
    await screen.findByRole('heading', { name: 'High CPU on web tier', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Mute group env:prod,host:web-2' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'One group' })).toBeChecked();
    expect(within(dialog).getByText('env:prod AND host:web-2')).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Preview: mutes 1 of 4 groups' })).toBeInTheDocument();
    expect(previewItems(dialog)).toEqual(['◆Warn env:prod,host:web-2']);

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Replacing a disk');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 1 group for 1 hour' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/monitors/1/mute')[0]!.body).toEqual({
      scope: 'env:prod AND host:web-2',
      end: FIXTURE_NOW + HOUR,
      reason: 'Replacing a disk',
    });
  });

  it('previews a typed scope live: exactly the matching groups, none, all, or the parse error', async () => {
    const { user } = setup();
    const dialog = await openMute(user);
    await user.click(within(dialog).getByRole('radio', { name: 'A scope I type' }));
    const scope = within(dialog).getByRole('textbox', { name: 'Scope' });

    await user.type(scope, 'env:prod AND host:web-*');
    expect(within(dialog).getByRole('heading', { name: 'Preview: mutes 3 of 4 groups' })).toBeInTheDocument();
    expect(previewItems(dialog)).toEqual([
      '▲Alert env:prod,host:web-1',
      '◆Warn env:prod,host:web-2',
      '✓OK env:prod,host:web-3',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Mute 3 groups for 1 hour' })).toBeInTheDocument();

    await user.clear(scope);
    await user.type(scope, 'env:nowhere');
    expect(within(dialog).getByRole('heading', { name: 'Preview: mutes 0 of 4 groups' })).toBeInTheDocument();
    expect(within(dialog).getByText(/matches none of this monitor’s groups/)).toBeInTheDocument();
    expect(previewItems(dialog)).toEqual([]);

    await user.clear(scope);
    await user.type(scope, 'host:web-* AND NOT env:qa');
    expect(within(dialog).getByText(/matches all 4 groups: the same as muting the whole monitor/)).toBeInTheDocument();

    await user.clear(scope);
    await user.type(scope, 'env:prod OR env:staging');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/OR is not allowed at the top level/);
    expect(scope).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('heading', { name: /Preview/ })).not.toBeInTheDocument();
  });

  it('requires a reason to mute indefinitely and sends end null with it', async () => {
    const { api, user } = setup();
    const dialog = await openMute(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Indefinitely' }));
    expect(within(dialog).getByText(/a reason is required: it tells the next on-call/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor indefinitely' }));
    expect(within(dialog).getByText('A reason is required to mute indefinitely')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Host retired');
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor indefinitely' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/monitors/1/mute')[0]!.body).toEqual({ scope: '*', end: null, reason: 'Host retired' });
  });

  it('remembers the end of a successful mute for the list\'s m shortcut, and not of a failed one', async () => {
    const { api, user } = setup({
      'POST /api/monitors/:id/mute': () => reply.error(502, 'upstream_error', 'Datadog answered 503'),
    });
    const dialog = await openMute(user);
    await user.click(within(dialog).getByRole('radio', { name: '4 hours' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Kernel patch');
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 4 hours' }));
    expect(await within(dialog).findByText(/Mute failed, nothing was changed/)).toBeInTheDocument();
    expect(localStorage.getItem(LAST_MUTE_END_KEY)).toBeNull();

    api.use({ 'POST /api/monitors/:id/mute': () => reply.json(buildDowntime()) });
    await user.click(within(dialog).getByRole('button', { name: 'Mute the whole monitor for 4 hours' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(localStorage.getItem(LAST_MUTE_END_KEY)).toBe('4h');
  });

  it('Until… must be in the future', async () => {
    const { api, user } = setup();
    const dialog = await openMute(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Until…' }));
    const input = within(dialog).getByLabelText('End date and time (your local time)');
    await user.type(input, '2020-01-01T10:00');
    expect(within(dialog).getByText('The end must be in the future')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /^Mute the whole monitor until/ }));
    expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(0);

    await user.clear(input);
    await user.type(input, '2030-01-01T10:00');
    expect(within(dialog).queryByText('The end must be in the future')).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Datacenter move');
    await user.click(within(dialog).getByRole('button', { name: /^Mute the whole monitor until/ }));
    await waitFor(() => expect(api.callsTo('POST', '/api/monitors/1/mute')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/monitors/1/mute')[0]!.body).toEqual({
      scope: '*',
      end: new Date(2030, 0, 1, 10, 0).getTime(),
      reason: 'Datacenter move',
    });
  });

  it('shows a 400’s field errors next to their fields and the error inline; the dialog stays open', async () => {
    const { user } = setup({
      'POST /api/monitors/:id/mute': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', {
          requestId: 'req-400',
          fields: { scope: ['Datadog rejects scopes on this tag'] },
        }),
    });
    const dialog = await openMute(user);
    await user.click(within(dialog).getByRole('radio', { name: 'A scope I type' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Scope' }), 'env:prod');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Deploy');
    await user.click(within(dialog).getByRole('button', { name: 'Mute 3 groups for 1 hour' }));
    expect(await within(dialog).findByText('Datadog rejects scopes on this tag')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Scope' })).toHaveAttribute('aria-invalid', 'true');
    const inline = within(dialog).getByText(/The request is not valid/).closest('.inline-error')!;
    expect(inline).toHaveTextContent('Mute failed, nothing was changed: The request is not valid');
    expect(inline).toHaveTextContent('validation_failed · request req-400');
  });

  it('is an accessible modal: labelled, Esc closes, focus returns to the button', async () => {
    const { user } = setup();
    const dialog = await openMute(user);
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('radio', { name: /The whole monitor/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mute…' })).toHaveFocus();
  });
});
