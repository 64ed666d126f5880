import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { toDateTimeLocalValue } from '../../../lib/format-time';
import { deferred, mockApi, reply, type MockReply } from '../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { SubmitCheckForm } from './submit-check-form';

const MINUTE = 60_000;

function setup(routes = {}) {
  const api = mockApi({
    'POST /api/service-checks': () => reply.json({ accepted: true, messageDropped: false }, 202),
    ...routes,
  });
  const view = renderWithProviders(<SubmitCheckForm />);
  return { api, ...view };
}

const textbox = (name: string) => screen.getByRole('textbox', { name });
const submitButton = () => screen.getByRole('button', { name: 'Submit check' });
const posts = (api: ReturnType<typeof setup>['api']) => api.callsTo('POST', '/api/service-checks');

async function fillValid(user: ReturnType<typeof setup>['user'], status = 'CRITICAL') {
  await user.type(textbox('Check'), 'app.ok');
  await user.type(textbox('Host'), 'app-1');
  await user.click(within(screen.getByRole('group', { name: 'Status' })).getByRole('radio', { name: status }));
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('SubmitCheckForm', () => {
  it('has the labelled fields, the four statuses in a group, and one primary Submit check button', () => {
    setup();
    expect(screen.getByRole('form', { name: 'Submit a service check' })).toBeInTheDocument();
    for (const name of ['Check', 'Host', 'Tags', 'Message']) expect(textbox(name)).toBeInTheDocument();
    const status = screen.getByRole('group', { name: 'Status' });
    expect(within(status).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['0', '1', '2', '3']);
    for (const name of ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN']) expect(within(status).getByRole('radio', { name })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Now' })).toBeChecked();
    expect(screen.getAllByRole('button').filter((b) => b.getAttribute('type') === 'submit')).toEqual([submitButton()]);
    expect(submitButton()).toHaveClass('btn--primary');
  });

  it('checks a bad check name when focus leaves it, clears the error once fixed, and sends nothing', async () => {
    const { api, user } = setup();
    await user.type(textbox('Check'), '1bad');
    expect(screen.queryByText(/A check name starts with a letter/)).not.toBeInTheDocument();
    await user.tab();
    expect(textbox('Check')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox('Check')).toHaveAccessibleDescription(/A check name starts with a letter/);

    await user.click(submitButton());
    expect(posts(api)).toHaveLength(0);
    expect(textbox('Check')).toHaveFocus();
    expect(screen.getByText('Choose a status')).toBeInTheDocument();

    await user.clear(textbox('Check'));
    await user.type(textbox('Check'), 'app.ok');
    expect(textbox('Check')).not.toHaveAttribute('aria-invalid');
  });

  it('refuses a time 11 minutes old with the contract’s words, and sends nothing', async () => {
    const { api, user } = setup();
    await fillValid(user);
    await user.click(screen.getByRole('radio', { name: 'Earlier…' }));
    const picker = screen.getByLabelText('Time of the result (your local time)');
    expect(picker).toHaveAttribute('type', 'datetime-local');
    expect(picker).toHaveAttribute('min', toDateTimeLocalValue(FIXTURE_NOW - 10 * MINUTE));
    expect(picker).toHaveAttribute('max', toDateTimeLocalValue(FIXTURE_NOW));

    fireEvent.change(picker, { target: { value: toDateTimeLocalValue(FIXTURE_NOW - 11 * MINUTE) } });
    await user.click(submitButton());
    expect(posts(api)).toHaveLength(0);
    expect(picker).toHaveAttribute('aria-invalid', 'true');
    expect(picker).toHaveAccessibleDescription(/Datadog refuses a result more than 10 minutes old/);
    expect(picker).toHaveFocus();

    // Back to "now": the error goes, and the result is sent without a timestamp.
    await user.click(screen.getByRole('radio', { name: 'Now' }));
    expect(screen.queryByText('Datadog refuses a result more than 10 minutes old')).not.toBeInTheDocument();
    await user.click(submitButton());
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ check: 'app.ok', host: 'app-1', status: 2, tags: [] });
  });

  it('sends a picked time within the last 10 minutes as epoch ms', async () => {
    const { api, user } = setup();
    await fillValid(user, 'WARNING');
    await user.click(screen.getByRole('radio', { name: 'Earlier…' }));
    fireEvent.change(screen.getByLabelText('Time of the result (your local time)'), { target: { value: toDateTimeLocalValue(FIXTURE_NOW - 4 * MINUTE) } });
    await user.click(submitButton());
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ check: 'app.ok', host: 'app-1', status: 1, tags: [], timestamp: FIXTURE_NOW - 4 * MINUTE });
  });

  it('counts the message live, warns near 500, and refuses 501 characters without sending', async () => {
    const { api, user } = setup();
    const count = () => screen.getByText(/\d+ \/ 500/).closest('p')!;
    expect(count()).toHaveAttribute('aria-live', 'polite');
    expect(count()).toHaveTextContent('0 / 500');
    await user.type(textbox('Message'), 'hello');
    expect(count()).toHaveTextContent('5 / 500');
    expect(textbox('Message')).toHaveAccessibleDescription('5 / 500');

    await user.paste('x'.repeat(455));
    expect(count()).toHaveTextContent('460 / 500 · 40 left');
    expect(count()).toHaveClass('is-near');

    await user.paste('y'.repeat(41));
    expect(count()).toHaveTextContent('501 / 500 · 1 too many');
    expect(count()).toHaveClass('is-over');

    await fillValid(user);
    await user.click(submitButton());
    expect(posts(api)).toHaveLength(0);
    expect(textbox('Message')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('At most 500 characters')).toBeInTheDocument();
  });

  it('says next to the message that Datadog drops it when the status is OK', async () => {
    const { user } = setup();
    const status = screen.getByRole('group', { name: 'Status' });
    expect(screen.queryByText('Datadog drops the message of an OK check')).not.toBeInTheDocument();
    await user.click(within(status).getByRole('radio', { name: 'OK' }));
    expect(textbox('Message')).toHaveAccessibleDescription(/Datadog drops the message of an OK check/);
    await user.click(within(status).getByRole('radio', { name: 'CRITICAL' }));
    expect(screen.queryByText('Datadog drops the message of an OK check')).not.toBeInTheDocument();
  });

  it('submits, says so in a toast, and keeps check, host and tags for the next result', async () => {
    const gate = deferred<MockReply>();
    const { api, user, toasts } = setup({ 'POST /api/service-checks': () => gate.promise });
    await fillValid(user);
    await user.type(textbox('Tags'), 'env:prod{Enter}team:web,');
    await user.type(textbox('Message'), 'connection refused');
    await user.click(submitButton());

    expect(submitButton()).toBeDisabled();
    expect(screen.getByText('Submitting…')).toBeInTheDocument();
    expect(posts(api)[0]!.body).toEqual({
      check: 'app.ok',
      host: 'app-1',
      status: 2,
      tags: ['env:prod', 'team:web'],
      message: 'connection refused',
    });
    gate.resolve(reply.json({ accepted: true, messageDropped: false }, 202));

    await waitFor(() => expect(toasts.getSnapshot().map((t) => t.message)).toEqual(['CRITICAL for app.ok on app-1 submitted']));
    expect(textbox('Check')).toHaveValue('app.ok');
    expect(textbox('Host')).toHaveValue('app-1');
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'env:prod×',
      'team:web×',
    ]);
    expect(textbox('Message')).toHaveValue('');
    expect(screen.getByRole('radio', { name: 'CRITICAL' })).not.toBeChecked();
    expect(submitButton()).toBeEnabled();

    // The next result for the same check and host needs only a status.
    await user.click(screen.getByRole('radio', { name: 'OK' }));
    await user.click(submitButton());
    await waitFor(() => expect(posts(api)).toHaveLength(2));
    expect(posts(api)[1]!.body).toEqual({ check: 'app.ok', host: 'app-1', status: 0, tags: ['env:prod', 'team:web'] });
  });

  it('mentions a dropped OK message in the toast', async () => {
    const { user, toasts } = setup({ 'POST /api/service-checks': () => reply.json({ accepted: true, messageDropped: true }, 202) });
    await fillValid(user, 'OK');
    await user.type(textbox('Message'), 'all good');
    await user.click(submitButton());
    await waitFor(() => expect(toasts.getSnapshot()).toHaveLength(1));
    expect(toasts.getSnapshot()[0]).toMatchObject({ message: 'OK for app.ok on app-1 submitted', detail: expect.stringMatching(/dropped its message/) });
  });

  it('refuses a tag with a space in the chip input, and will not send while it is still typed', async () => {
    const { api, user } = setup();
    await fillValid(user);
    await user.type(textbox('Tags'), 'bad tag{Enter}');
    expect(screen.getByText('Tags have no spaces or commas, at most 200 characters')).toBeInTheDocument();
    await user.click(submitButton());
    expect(posts(api)).toHaveLength(0);
    expect(textbox('Tags')).toHaveFocus();
  });

  it('shows a 400’s field errors on their fields, and other failures inline', async () => {
    const { user } = setup({
      'POST /api/service-checks': () =>
        reply.error(400, 'invalid_request', 'The check run was refused', {
        fields: { 'body.host': ['Unknown host for this org'] },
      }),
    });
    await fillValid(user);
    await user.click(submitButton());
    expect(await screen.findByText('Unknown host for this org')).toBeInTheDocument();
    expect(textbox('Host')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(textbox('Host')).toHaveFocus());
    // Editing the field takes its server error away.
    await user.type(textbox('Host'), 'x');
    expect(screen.queryByText('Unknown host for this org')).not.toBeInTheDocument();
  });

  it('shows an upstream failure inline with its code, keeping everything typed', async () => {
    const { user } = setup({
      'POST /api/service-checks': () =>
        reply.error(502, 'upstream_error', 'Datadog answered 500', { requestId: 'req-502' }),
    });
    await fillValid(user);
    await user.type(textbox('Message'), 'down');
    await user.click(submitButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The check was not submitted: Datadog answered 500');
    expect(alert).toHaveTextContent('req-502');
    expect(textbox('Message')).toHaveValue('down');
    expect(screen.getByRole('radio', { name: 'CRITICAL' })).toBeChecked();
  });
});
