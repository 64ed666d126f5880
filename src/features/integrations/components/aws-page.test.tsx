import { screen, waitFor, within } from '@testing-library/react';
import { awsTrustPolicy, type AwsAccount } from '../../../contract/integrations';
import { awsList, buildAwsAccount, overviewResponse } from '../../../testing/datadog-integration-fixtures';
import { mockApi, reply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { AwsPage } from './aws-page';

function setup(routes: MockRoutes = {}) {
  const state = { accounts: [buildAwsAccount()] as AwsAccount[] };
  const api = mockApi({
    'GET /api/integrations/aws': () => reply.json(awsList(state.accounts)),
    'GET /api/integrations': overviewResponse(),
    'POST /api/integrations/aws': (req: MockRequest) => {
      const body = req.body as AwsAccount;
      state.accounts = [...state.accounts, body];
      return reply.json({ account: body, externalId: 'ext-7f3a9c' }, 201);
    },
    'PUT /api/integrations/aws/:accountId/:roleName': (req: MockRequest) => {
      const body = req.body as AwsAccount;
      state.accounts = state.accounts.map((a) => (a.accountId === req.params.accountId ? body : a));
      return reply.json(body);
    },
    'DELETE /api/integrations/aws/:accountId/:roleName': (req: MockRequest) => {
      state.accounts = state.accounts.filter((a) => a.accountId !== req.params.accountId);
      return reply.noContent();
    },
    ...routes,
  });
  const view = renderWithProviders(<AwsPage />, { path: '/integrations/aws' });
  return { api, state, ...view };
}

async function openAdd(user: ReturnType<typeof setup>['user']) {
  await screen.findByRole('heading', { level: 1, name: 'AWS' });
  await user.click(screen.getByRole('button', { name: 'Add AWS account' }));
  return screen.getByRole('dialog', { name: 'Add an AWS account' });
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('AwsPage', () => {
  it('lists the accounts with their tags, namespaces and last change', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'AWS accounts' });
    const row = within(table).getByRole('rowheader', { name: '123456789012' }).closest('tr')!;
    expect(row).toHaveTextContent('DatadogIntegrationRole');
    expect(within(row).getByRole('list', { name: 'Filter tags of 123456789012' })).toHaveTextContent('env:prod');
    expect(row).toHaveTextContent('Not collected: sqs');
    expect(screen.getByText(/Last changed/)).toHaveTextContent('Last changed 10 min ago by root-admin');
  });

  it('checks fields with the contract schema on blur and on submit, sending nothing while invalid', async () => {
    const { user, api } = setup();
    const dialog = await openAdd(user);
    const accountId = within(dialog).getByRole('textbox', { name: 'Account ID' });
    await user.type(accountId, '12345');
    await user.tab();
    expect(accountId).toHaveAttribute('aria-invalid', 'true');
    expect(accountId).toHaveAccessibleDescription('The 12-digit id of the AWS account. An AWS account id is 12 digits');

    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    const roleName = within(dialog).getByRole('textbox', { name: 'Role name' });
    expect(roleName).toHaveAttribute('aria-invalid', 'true');
    expect(roleName).toHaveAccessibleDescription(/A role name is 1–64 letters/);
    expect(accountId).toHaveFocus();
    expect(api.callsTo('POST', '/api/integrations/aws')).toHaveLength(0);

    // Fixing the field clears its error as it is typed.
    await user.type(accountId, '6789012');
    expect(accountId).not.toHaveAttribute('aria-invalid');
  });

  it('adds an account with tag chips and namespace switches, then shows the trust policy to copy', async () => {
    const { user, api } = setup();
    const dialog = await openAdd(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Account ID' }), '210987654321');
    await user.type(within(dialog).getByRole('textbox', { name: 'Role name' }), 'DatadogRole');
    await user.type(within(dialog).getByRole('textbox', { name: 'Filter tags' }), 'env:prod,team:web{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: 'Host tags' }), 'bad tag{Enter}');
    expect(within(dialog).getByText('Tags have no spaces or commas, at most 200 characters')).toBeInTheDocument();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Host tags' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Host tags' }), 'account:staging{Enter}');
    const ec2 = within(dialog).getByRole('switch', { name: 'ec2' });
    expect(ec2).toBeChecked();
    await user.click(ec2);
    expect(ec2).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/integrations/aws')[0]!.body).toEqual({
      accountId: '210987654321',
      roleName: 'DatadogRole',
      filterTags: ['env:prod', 'team:web'],
      hostTags: ['account:staging'],
      namespaceRules: { ec2: false },
    });

    const next = screen.getByRole('region', { name: 'Next step: create the role in AWS' });
    // Focused by an effect of the commit that closed the dialog, which may run a moment later.
    await waitFor(() => expect(within(next).getByRole('heading', { name: 'Next step: create the role in AWS' })).toHaveFocus());
    expect(next).toHaveTextContent('ext-7f3a9c');
    expect(next).toHaveTextContent(/create the role|Create role/);
    const policy = within(next).getByLabelText('IAM trust policy');
    expect(policy.tagName).toBe('PRE');
    expect(policy.textContent).toBe(awsTrustPolicy('ext-7f3a9c'));

    await user.click(within(next).getByRole('button', { name: 'Copy trust policy' }));
    expect(await navigator.clipboard.readText()).toBe(awsTrustPolicy('ext-7f3a9c'));
    expect(within(next).getAllByRole('status').some((s) => s.textContent === 'Copied')).toBe(true);

    // The new account is listed once the list loaded again.
    expect(await within(screen.getByRole('table', { name: 'AWS accounts' })).findByRole('rowheader', { name: '210987654321' })).toBeInTheDocument();
    await user.click(within(next).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('region', { name: 'Next step: create the role in AWS' })).not.toBeInTheDocument();
  });

  it('does not send while a refused tag is still in its box', async () => {
    const { user, api } = setup();
    const dialog = await openAdd(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Account ID' }), '210987654321');
    await user.type(within(dialog).getByRole('textbox', { name: 'Role name' }), 'DatadogRole');
    await user.type(within(dialog).getByRole('textbox', { name: 'Filter tags' }), 'env: prod');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    const tags = within(dialog).getByRole('textbox', { name: 'Filter tags' });
    expect(tags).toHaveValue('env: prod');
    expect(tags).toHaveAttribute('aria-invalid', 'true');
    expect(tags).toHaveFocus();
    expect(api.callsTo('POST', '/api/integrations/aws')).toHaveLength(0);
  });

  it('shows server field errors next to their fields, keeping what was typed', async () => {
    const { user } = setup({
      'POST /api/integrations/aws': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', { fields: { accountId: ['This account is already integrated'] } }),
    });
    const dialog = await openAdd(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Account ID' }), '123456789012');
    await user.type(within(dialog).getByRole('textbox', { name: 'Role name' }), 'OtherRole');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    const accountId = within(dialog).getByRole('textbox', { name: 'Account ID' });
    await waitFor(() => expect(accountId).toHaveAccessibleDescription(/This account is already integrated/));
    expect(accountId).toHaveAttribute('aria-invalid', 'true');
    // The failed save asks for the focus (onError); an effect moves it once the error is rendered.
    await waitFor(() => expect(accountId).toHaveFocus());
    expect(accountId).toHaveValue('123456789012');
    expect(within(dialog).getByRole('textbox', { name: 'Role name' })).toHaveValue('OtherRole');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The AWS account was not added');
  });

  it('edits an account with PUT, keeping its id, and turning a namespace back on', async () => {
    const { user, api } = setup();
    await screen.findByRole('table', { name: 'AWS accounts' });
    await user.click(screen.getByRole('button', { name: 'Edit 123456789012' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit AWS account 123456789012' });
    expect(within(dialog).getByRole('textbox', { name: 'Account ID' })).toHaveAttribute('readonly');
    expect(within(dialog).getByRole('list', { name: /Filter tags/ })).toHaveTextContent('env:prod');
    await user.click(within(dialog).getByRole('button', { name: 'Remove env:prod' }));
    await user.click(within(dialog).getByRole('switch', { name: 'sqs' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', '/api/integrations/aws/123456789012/DatadogIntegrationRole')[0]!.body).toEqual({
      accountId: '123456789012',
      roleName: 'DatadogIntegrationRole',
      filterTags: [],
      hostTags: ['account:prod'],
      namespaceRules: { sqs: true },
    });
  });

  it('removes an account after a confirmation that names it', async () => {
    const { user, api } = setup();
    await screen.findByRole('table', { name: 'AWS accounts' });
    await user.click(screen.getByRole('button', { name: 'Remove 123456789012…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove AWS account 123456789012?' });
    expect(dialog).toHaveTextContent('DatadogIntegrationRole');
    expect(dialog).toHaveTextContent('AWS adds no @-handles');
    await user.click(within(dialog).getByRole('button', { name: 'Remove 123456789012' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', '/api/integrations/aws/123456789012/DatadogIntegrationRole')).toHaveLength(1);
    expect(await screen.findByText('No AWS accounts yet')).toBeInTheDocument();
  });
});
