import { screen, waitFor, within } from '@testing-library/react';
import type { User } from '../../../contract/auth';
import { mockApi, reply, type MockRequest } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { buildUser, sessionFor, users } from '../../../testing/session-fixtures';
import { UsersPage } from './users-page';

function setup(routes = {}) {
  let list: User[] = [...users];
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('admin'),
    'GET /api/users': () => reply.json({ users: list }),
    'POST /api/users': (req: MockRequest) => {
      const body = req.body as { username: string; role: User['role'] };
      const user = buildUser(body.username, { role: body.role, createdAt: FIXTURE_NOW, lastLoginAt: null });
      list = [...list, user];
      return reply.json(user, 201);
    },
    'PATCH /api/users/:username': (req: MockRequest) => {
      const change = req.body as Partial<User> & { password?: string };
      const { password: _password, ...visible } = change;
      list = list.map((u) => (u.username === req.params.username ? { ...u, ...visible } : u));
      return reply.json(list.find((u) => u.username === req.params.username));
    },
    ...routes,
  });
  const view = renderWithProviders(<UsersPage />, { path: '/admin/users', initialEntries: ['/admin/users'] });
  return { api, ...view };
}

function row(username: string) {
  return within(screen.getByRole('table', { name: 'Users' }))
    .getByRole('rowheader', { name: new RegExp(`^${username}`) })
    .closest('tr')!;
}

function addForm() {
  return screen.getByRole('form', { name: 'Add user' });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('UsersPage', () => {
  it('lists every user: username, role, Active/Disabled, last sign-in and created; marks you', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Username',
      'Role',
      'Status',
      'Last sign-in',
      'Created',
      'Actions',
    ]);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'alice',
      'olaf',
      'root-admin (you)',
      'vera',
    ]);
    expect(within(row('alice')).getByRole('combobox', { name: 'Role of alice' })).toHaveValue('responder');
    expect(row('alice')).toHaveTextContent('Active');
    expect(row('alice')).toHaveTextContent('2 h ago');
    expect(row('olaf')).toHaveTextContent('Disabled');
    expect(within(row('olaf')).getByRole('button', { name: 'Enable olaf' })).toBeInTheDocument();
    expect(row('vera')).toHaveTextContent('never');
    expect(within(row('vera')).getByRole('button', { name: 'Disable vera' })).toBeInTheDocument();
    expect(within(row('vera')).getByRole('button', { name: 'Reset password for vera' })).toBeInTheDocument();
    expect(screen.getByText('4 users, 3 active')).toBeInTheDocument();
  });

  it('adds a user, checking the fields first with the contract’s rules', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Users' });
    const form = addForm();
    await user.type(within(form).getByLabelText('Username'), 'Bob Smith');
    await user.type(within(form).getByLabelText('Password'), 'short');
    expect(within(form).getByText('Too short: 7 more characters needed.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByText(/2-64 characters: lower-case letters/)).toBeInTheDocument();
    expect(within(form).getByText('At least 12 characters')).toBeInTheDocument();
    expect(within(form).getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Username')).toHaveFocus();
    expect(api.callsTo('POST', '/api/users')).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Username'));
    await user.type(within(form).getByLabelText('Username'), 'bob');
    await user.clear(within(form).getByLabelText('Password'));
    await user.type(within(form).getByLabelText('Password'), 'correct-horse-battery');
    expect(within(form).getByText('Strong.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'responder');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));

    expect(await within(form).findByText('Added bob (responder).')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/users')[0]!.body).toEqual({ username: 'bob', password: 'correct-horse-battery', role: 'responder' });
    expect(api.callsTo('POST', '/api/users')[0]!.headers.get('X-CSRF')).toBe('1');
    await waitFor(() => expect(row('bob')).toHaveTextContent('never'));
    expect(within(form).getByLabelText('Username')).toHaveValue('');
  });

  it('shows a taken username (409) and the BFF’s field errors next to their fields', async () => {
    const { api, user } = setup({
      'POST /api/users': () => reply.error(409, 'conflict', 'The username alice is taken'),
    });
    await screen.findByRole('table', { name: 'Users' });
    const form = addForm();
    await user.type(within(form).getByLabelText('Username'), 'alice');
    await user.type(within(form).getByLabelText('Password'), 'correct-horse-battery');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(await within(form).findByText('The username alice is taken')).toHaveClass('field__error');
    expect(within(form).getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');

    api.use({
      'POST /api/users': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', {
          fields: { 'body.password': ['This password is on a list of breached passwords'] },
        }),
    });
    await user.clear(within(form).getByLabelText('Username'));
    await user.type(within(form).getByLabelText('Username'), 'carol');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(await within(form).findByText('This password is on a list of breached passwords')).toBeInTheDocument();
    expect(within(form).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('changes a role only after confirming', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Users' });
    await user.selectOptions(within(row('vera')).getByRole('combobox', { name: 'Role of vera' }), 'responder');
    let dialog = screen.getByRole('dialog', { name: "Change vera's role?" });
    expect(dialog).toHaveTextContent('vera goes from viewer to responder');
    expect(within(dialog).getByRole('button', { name: 'Make vera a responder' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('PATCH', /\/api\/users\//)).toHaveLength(0);
    expect(within(row('vera')).getByRole('combobox', { name: 'Role of vera' })).toHaveValue('viewer');

    await user.selectOptions(within(row('vera')).getByRole('combobox', { name: 'Role of vera' }), 'responder');
    dialog = screen.getByRole('dialog', { name: "Change vera's role?" });
    await user.click(within(dialog).getByRole('button', { name: 'Make vera a responder' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', '/api/users/vera')[0]!.body).toEqual({ role: 'responder' });
    expect(within(row('vera')).getByRole('combobox', { name: 'Role of vera' })).toHaveValue('responder');
  });

  it('shows the BFF refusing to demote yourself, in the dialog, and changes nothing', async () => {
    const { user } = setup({
      // As the BFF answers it: the reason is in the fields.
      'PATCH /api/users/:username': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', {
          requestId: 'req-self',
          fields: { role: ['You cannot demote yourself'] },
        }),
    });
    await screen.findByRole('table', { name: 'Users' });
    await user.selectOptions(within(row('root-admin')).getByRole('combobox', { name: 'Role of root-admin' }), 'viewer');
    const dialog = screen.getByRole('dialog', { name: "Change root-admin's role?" });
    await user.click(within(dialog).getByRole('button', { name: 'Make root-admin a viewer' }));
    const error = await within(dialog).findByRole('alert');
    expect(error).toHaveTextContent('The role was not changed: You cannot demote yourself');
    expect(error).toHaveTextContent('req-self');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(row('root-admin')).getByRole('combobox', { name: 'Role of root-admin' })).toHaveValue('admin');
  });

  it('disables a user after a confirm that says they are signed out at once', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Users' });
    await user.click(within(row('alice')).getByRole('button', { name: 'Disable alice' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable alice?' });
    expect(dialog).toHaveTextContent('alice is signed out at once');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Disable alice' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', '/api/users/alice')[0]!.body).toEqual({ disabled: true });
    expect(row('alice')).toHaveTextContent('Disabled');
    // The dialog gives the focus back in its effect's cleanup, which may run a moment after it is gone.
    await waitFor(() => expect(within(row('alice')).getByRole('button', { name: 'Enable alice' })).toHaveFocus());
  });

  it('enables a disabled user', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Users' });
    await user.click(within(row('olaf')).getByRole('button', { name: 'Enable olaf' }));
    const dialog = screen.getByRole('dialog', { name: 'Enable olaf?' });
    await user.click(within(dialog).getByRole('button', { name: 'Enable olaf' }));
    await waitFor(() => expect(row('olaf')).toHaveTextContent('Active'));
    expect(api.callsTo('PATCH', '/api/users/olaf')[0]!.body).toEqual({ disabled: false });
  });

  it('shows a 409 (last admin) when disabling, and keeps the dialog open', async () => {
    const { user } = setup({
      'PATCH /api/users/:username': () => reply.error(409, 'conflict', 'That would leave no active admin'),
    });
    await screen.findByRole('table', { name: 'Users' });
    await user.click(within(row('root-admin')).getByRole('button', { name: 'Disable root-admin' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable root-admin?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disable root-admin' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('root-admin was not disabled: That would leave no active admin');
  });

  it('resets a password in a dialog, with the strength hint and the length rule', async () => {
    const { api, user } = setup();
    await screen.findByRole('table', { name: 'Users' });
    await user.click(within(row('vera')).getByRole('button', { name: 'Reset password for vera' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset password for vera' });
    const field = within(dialog).getByLabelText('New password');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('autocomplete', 'new-password');
    await user.type(field, 'tooshort');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(within(dialog).getByText('At least 12 characters')).toBeInTheDocument();
    expect(api.callsTo('PATCH', /\/api\/users\//)).toHaveLength(0);

    await user.type(field, '-and-now-long-enough');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(screen.getByRole('dialog')).findByRole('status')).toHaveTextContent('The new password is set');
    expect(api.callsTo('PATCH', '/api/users/vera')[0]!.body).toEqual({ password: 'tooshort-and-now-long-enough' });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
