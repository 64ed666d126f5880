import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEVERITIES } from '../../../contract/incidents';
import { toDateTimeLocalValue } from '../../../lib/format-time';
import { buildIncident, people, summaryOf, uuid } from '../../../testing/incident-fixtures';
import { mockApi, reply, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { DeclareIncidentDialog } from './declare-dialog';

const onClose = vi.fn();

function setup(routes: MockRoutes = {}) {
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor('responder'),
    'GET /api/people': { people },
    'POST /api/incidents': () => reply.json(summaryOf(buildIncident(31, { id: uuid(31) })), 201),
    ...routes,
  });
  const view = renderWithProviders(<DeclareIncidentDialog onClose={onClose} />, {
    path: '/incidents',
    extraRoutes: [{ path: '/incidents/:id', element: <p>Incident page</p> }],
  });
  const dialog = () => screen.getByRole('dialog', { name: 'Declare an incident' });
  const submit = () => view.user.click(within(dialog()).getByRole('button', { name: 'Declare incident' }));
  return { api, dialog, submit, ...view };
}

beforeEach(() => {
  onClose.mockReset();
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('DeclareIncidentDialog', () => {
  it('refuses an empty title next to the field, focuses it, and sends nothing', async () => {
    const { api, submit } = setup();
    await submit();
    const title = screen.getByRole('textbox', { name: /^Title/ });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('A title is required');
    expect(title).toHaveFocus();
    expect(api.callsTo('POST', '/api/incidents')).toHaveLength(0);
  });

  it('offers only the contract’s severities, and rejects any other value without sending', async () => {
    const { api, user, submit } = setup();
    const severity = screen.getByRole('combobox', { name: 'Severity' });
    expect(within(severity).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual([...SEVERITIES]);
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Checkout errors');
    // A value the list does not have (forced in, as a script could): the select holds "", which the schema refuses.
    fireEvent.change(severity, { target: { value: 'SEV-9' } });
    await submit();
    expect(severity).toHaveAttribute('aria-invalid', 'true');
    expect(severity.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Invalid option/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/incidents')).toHaveLength(0);
  });

  it('with customer impact on, asks for the scope and offers a start that defaults to now', async () => {
    const { api, user, submit } = setup();
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Checkout errors');
    await user.click(screen.getByRole('checkbox', { name: 'Customers are affected' }));
    expect(screen.getByLabelText(/Impact started/)).toHaveValue(toDateTimeLocalValue(FIXTURE_NOW));
    await submit();
    expect(screen.getByRole('textbox', { name: 'Impact scope' })).toHaveAccessibleDescription('Describe the customer impact');
    expect(api.callsTo('POST', '/api/incidents')).toHaveLength(0);
  });

  it('refuses a notification handle without @ and keeps the list as it was', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: /^Notify/ }), 'slack-ops{Enter}');
    expect(screen.getByText('A handle starts with @')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Handles to notify' })).not.toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: /^Notify/ }));
    await user.type(screen.getByRole('textbox', { name: /^Notify/ }), '@slack-ops{Enter}');
    expect(screen.getByRole('list', { name: 'Handles to notify' })).toHaveTextContent('@slack-ops');
    expect(screen.queryByText('A handle starts with @')).not.toBeInTheDocument();
  });

  it('shows the BFF’s 400 field errors next to their fields', async () => {
    const { user, submit } = setup({
      'POST /api/incidents': () =>
        reply.error(400, 'validation_failed', 'The request is not valid', { fields: { 'body.title': ['A title with this name is open already'] } }),
    });
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Checkout errors');
    await submit();
    expect(await screen.findByText('A title with this name is open already')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveAccessibleDescription('A title with this name is open already');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends the whole request and opens the new incident', async () => {
    const { api, user, submit, router } = setup();
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), '  Checkout errors after deploy ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'SEV-2');
    await user.click(screen.getByRole('checkbox', { name: 'Customers are affected' }));
    await user.type(screen.getByRole('textbox', { name: 'Impact scope' }), 'EU card payments fail');
    fireEvent.change(screen.getByLabelText(/Impact started/), { target: { value: '2025-06-03T11:30' } });
    await screen.findByRole('option', { name: 'Grace Hopper (grace@example.com)' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Commander' }), 'u-grace');
    await user.type(screen.getByRole('textbox', { name: 'Teams' }), 'payments, web');
    await user.type(screen.getByRole('textbox', { name: /^Notify/ }), '@slack-incidents{Enter}');
    await submit();

    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${uuid(31)}`));
    expect(api.callsTo('POST', '/api/incidents')[0]!.body).toEqual({
      title: 'Checkout errors after deploy',
      severity: 'SEV-2',
      customerImpacted: true,
      customerImpactScope: 'EU card payments fail',
      customerImpactStart: new Date(2025, 5, 3, 11, 30).getTime(),
      commanderId: 'u-grace',
      teams: ['payments', 'web'],
      notificationHandles: ['@slack-incidents'],
    });
    expect(onClose).toHaveBeenCalled();
  });
});
