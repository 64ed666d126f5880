import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../contract/auth';
import type { IncidentDetail, TimelineEntry } from '../../../contract/incidents';
import { buildEntry, buildIncident, buildTodo, people, sampleTimeline, summaryOf } from '../../../testing/incident-fixtures';
import { deferred, mockApi, reply, type MockReply, type MockRequest, type MockRoutes } from '../../../testing/mock-api';
import { appConfig, FIXTURE_NOW } from '../../../testing/monitor-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { sessionFor } from '../../../testing/session-fixtures';
import { IncidentDetailView } from './incident-detail';
import type { TeamChoicesProps } from './team-choices';

/** Stands in for the teams feature's picker (the route passes the real one). */
function StubTeamChoices({ selected, onChange, legend }: TeamChoicesProps) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {['payments', 'web'].map((h) => (
        <label key={h}>
          <input
            type="checkbox"
            checked={selected.includes(h)}
            onChange={() => onChange(selected.includes(h) ? selected.filter((x) => x !== h) : [...selected, h])}
          />
          {h}
        </label>
      ))}
    </fieldset>
  );
}

function setup(role: Role = 'responder', routes: MockRoutes = {}) {
  const state: { incident: IncidentDetail; entries: TimelineEntry[] } = {
    incident: buildIncident(12, {
      title: 'Checkout errors after deploy',
      todos: [
        buildTodo(1, { content: 'Post the status page update' }),
        buildTodo(2, { content: 'Page the DB team', completedAt: FIXTURE_NOW - 600_000 }),
      ],
    }),
    entries: [],
  };
  state.entries = sampleTimeline(state.incident).filter((e) => e.kind !== 'resolved');
  let seq = 100;
  const api = mockApi({
    'GET /api/config': appConfig,
    'GET /api/session': sessionFor(role),
    'GET /api/people': { people },
    'GET /api/incidents/:id': () => reply.json(state.incident),
    'GET /api/incidents/:id/timeline': () => reply.json({ entries: state.entries }),
    'PATCH /api/incidents/:id': (req: MockRequest) => {
      const { commanderId, ...rest } = req.body as Record<string, unknown>;
      const commander = commanderId === undefined ? state.incident.commander : (people.find((p) => p.id === commanderId) ?? null);
      state.incident = { ...state.incident, ...rest, commander };
      return reply.json(summaryOf(state.incident));
    },
    'POST /api/incidents/:id/resolve': () => {
      state.incident = { ...state.incident, state: 'resolved', resolvedAt: FIXTURE_NOW, customerImpactEnd: FIXTURE_NOW };
      state.entries = [...state.entries, buildEntry(seq++, 'resolved', FIXTURE_NOW, { summary: 'Incident resolved' })];
      return reply.json(summaryOf(state.incident));
    },
    'POST /api/incidents/:id/notes': (req: MockRequest) => {
      const entry = buildEntry(seq++, 'note', FIXTURE_NOW, { summary: 'Note by alice', actor: 'alice', detail: (req.body as { content: string }).content });
      state.entries = [...state.entries, entry];
      return reply.json(entry, 201);
    },
    'POST /api/incidents/:id/todos': (req: MockRequest) => {
      const todo = buildTodo(seq++, { content: (req.body as { content: string }).content, createdAt: FIXTURE_NOW });
      state.incident = { ...state.incident, todos: [...state.incident.todos, todo] };
      return reply.json(todo, 201);
    },
    'PATCH /api/incidents/:id/todos/:todoId': (req: MockRequest) => {
      const { completed } = req.body as { completed: boolean };
      state.incident = {
        ...state.incident,
        todos: state.incident.todos.map((t) => (t.id === req.params.todoId ? { ...t, completedAt: completed ? FIXTURE_NOW : null } : t)),
      };
      return reply.json(state.incident.todos.find((t) => t.id === req.params.todoId));
    },
    'DELETE /api/incidents/:id': () => reply.noContent(),
    ...routes,
  });
  const id = state.incident.id;
  const view = renderWithProviders(<IncidentDetailView id={id} teamChoices={StubTeamChoices} />, {
    path: '/incidents/:id',
    initialEntries: [`/incidents/${id}`],
    extraRoutes: [{ path: '/incidents', element: <p>The incident list</p> }],
  });
  return { api, state, id, ...view };
}

async function loaded() {
  await screen.findByRole('heading', { level: 1, name: 'IR-12 Checkout errors after deploy' });
  await screen.findByRole('list', { name: 'Timeline' });
}

function timelineTexts(): string[] {
  return within(screen.getByRole('list', { name: 'Timeline' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

beforeEach(() => {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
});

describe('the incident header', () => {
  it('shows IR-n and title, and severity, state, commander and teams as controls', async () => {
    setup();
    await loaded();
    expect(screen.getByRole('combobox', { name: 'Severity' })).toHaveValue('SEV-2');
    expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('active');
    expect(screen.getByRole('combobox', { name: 'Commander' })).toHaveValue('u-ada');
    expect(screen.getByRole('button', { name: 'Teams: payments. Change' })).toBeInTheDocument();
  });

  it('changes the severity with one pick: PATCH {severity} only, shown at once, and the timeline reloads', async () => {
    const gate = deferred<MockReply>();
    const { api, user, state } = setup('responder', {
      'PATCH /api/incidents/:id': async (req: MockRequest) => {
        const reply_ = await gate.promise;
        state.incident = { ...state.incident, ...(req.body as object) };
        state.entries = [...state.entries];
        return reply_;
      },
    });
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'SEV-1');
    expect(screen.getByRole('combobox', { name: 'Severity' })).toHaveValue('SEV-1');
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/incidents/${state.incident.id}`)[0]!.body).toEqual({ severity: 'SEV-1' });
    gate.resolve(reply.json(summaryOf({ ...state.incident, severity: 'SEV-1' })));
    await waitFor(() => expect(screen.queryByText('Saving…')).not.toBeInTheDocument());
    await waitFor(() => expect(api.callsTo('GET', `/api/incidents/${state.incident.id}/timeline`)).toHaveLength(2));
    expect(screen.getByRole('combobox', { name: 'Severity' })).toHaveValue('SEV-1');
  });

  it('puts a refused change back and says why, next to the control', async () => {
    const { user } = setup('responder', {
      'PATCH /api/incidents/:id': () => reply.error(502, 'upstream_error', 'Datadog answered 500', { requestId: 'req-sev' }),
    });
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'SEV-0');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Severity not changed: Datadog answered 500');
    expect(alert).toHaveTextContent('req-sev');
    expect(screen.getByRole('combobox', { name: 'Severity' })).toHaveValue('SEV-2');
  });

  it('renames the incident: PATCH {title} only, the heading shows it, and focus goes back to Rename', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Title' });
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Checkout errors after deploy');
    await user.clear(field);
    await user.type(field, '  Checkout 502s after the 14:00 deploy {Enter}');
    expect(api.callsTo('PATCH', `/api/incidents/${id}`).map((c) => c.body)).toEqual([{ title: 'Checkout 502s after the 14:00 deploy' }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'IR-12 Checkout 502s after the 14:00 deploy' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument());
    // The field closes from the rename's onSuccess; the focus moves in an effect after that commit.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus());
  });

  it('refuses an empty or too long title in place, and Escape leaves the title as it was', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A title is required');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(field, { target: { value: 'x'.repeat(257) } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('At most 256 characters (257 now)');
    expect(api.callsTo('PATCH', `/api/incidents/${id}`)).toHaveLength(0);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'IR-12 Checkout errors after deploy' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus();
    expect(api.callsTo('PATCH', `/api/incidents/${id}`)).toHaveLength(0);
  });

  it('a refused rename puts the old title back and keeps the field open with the text typed, and why', async () => {
    const { user } = setup('responder', {
      'PATCH /api/incidents/:id': () => reply.error(502, 'upstream_error', 'Datadog answered 500', { requestId: 'req-title' }),
    });
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(field);
    await user.type(field, 'Checkout outage{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Title not changed: Datadog answered 500');
    expect(alert).toHaveTextContent('req-title');
    expect(screen.getByRole('heading', { level: 1, name: 'IR-12 Checkout errors after deploy' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Checkout outage');
  });

  it('a rename refused after Cancel still says so, beside the title', async () => {
    const gate = deferred<MockReply>();
    const { user } = setup('responder', { 'PATCH /api/incidents/:id': () => gate.promise });
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(field);
    await user.type(field, 'Checkout outage{Enter}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();
    gate.resolve(reply.error(502, 'upstream_error', 'Datadog answered 500'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Title not changed: Datadog answered 500');
    expect(screen.getByRole('heading', { level: 1, name: 'IR-12 Checkout errors after deploy' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('changes state and commander with one pick each', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'stable');
    await screen.findByRole('option', { name: 'Grace Hopper (grace@example.com)' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Commander' }), 'u-grace');
    await waitFor(() => expect(api.callsTo('PATCH', `/api/incidents/${id}`)).toHaveLength(2));
    expect(api.callsTo('PATCH', `/api/incidents/${id}`).map((c) => c.body)).toEqual([{ state: 'stable' }, { commanderId: 'u-grace' }]);
    expect(screen.getByRole('combobox', { name: 'Commander' })).toHaveValue('u-grace');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Commander' }), '');
    await waitFor(() => expect(api.callsTo('PATCH', `/api/incidents/${id}`).at(-1)!.body).toEqual({ commanderId: null }));
  });

  it('changes the teams through a dialog with checkboxes and "Save teams"', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: /^Teams/ }));
    const dialog = screen.getByRole('dialog', { name: 'Teams on IR-12' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'web' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save teams' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', `/api/incidents/${id}`)[0]!.body).toEqual({ teams: ['payments', 'web'] });
    expect(screen.getByRole('button', { name: 'Teams: payments, web. Change' })).toBeInTheDocument();
  });
});

describe('actions', () => {
  it('Resolve… confirms, says impact ends, POSTs resolve, and the state shows resolved', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve IR-12?' });
    expect(dialog).toHaveTextContent('The customer impact that began');
    expect(dialog).toHaveTextContent('1 todo is still open');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve IR-12' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', `/api/incidents/${id}/resolve`)).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('resolved');
    expect(screen.queryByRole('button', { name: 'Resolve…' })).not.toBeInTheDocument();
    await waitFor(() => expect(timelineTexts().at(-1)).toMatch(/Incident resolved/));
    expect(screen.getByRole('region', { name: 'Customer impact' })).not.toHaveTextContent('Ongoing');
  });

  it('adds a note: an empty one is refused in place; the text is sent as typed and lands on the timeline', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByRole('textbox', { name: 'Add a note' })).toHaveAccessibleDescription('Write something');
    expect(api.callsTo('POST', `/api/incidents/${id}/notes`)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Add a note' }), 'Failover done.{Shift>}{Enter}{/Shift}Watching.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Add a note' })).toHaveValue(''));
    expect(api.callsTo('POST', `/api/incidents/${id}/notes`)[0]!.body).toEqual({ content: 'Failover done.\nWatching.' });
    await waitFor(() => expect(timelineTexts().at(-1)).toContain('Failover done.\nWatching.'));
  });

  it('adds, completes and reopens todos', async () => {
    const { api, user, id, state } = setup();
    await loaded();
    const todos = screen.getByRole('region', { name: 'Todos' });
    expect(todos).toHaveTextContent('1 of 2 done');
    await user.click(within(todos).getByRole('button', { name: 'Add todo' }));
    expect(within(todos).getByText('Write the todo')).toBeInTheDocument();
    await user.type(within(todos).getByRole('textbox', { name: 'New todo' }), 'Write the postmortem');
    await user.click(within(todos).getByRole('button', { name: 'Add todo' }));
    await within(todos).findByRole('checkbox', { name: 'Write the postmortem' });
    expect(api.callsTo('POST', `/api/incidents/${id}/todos`)[0]!.body).toEqual({ content: 'Write the postmortem' });

    const open = within(todos).getByRole('checkbox', { name: 'Post the status page update' });
    expect(open).not.toBeChecked();
    await user.click(open);
    expect(open).toBeChecked();
    const done = within(todos).getByRole('checkbox', { name: 'Page the DB team' });
    expect(done).toBeChecked();
    await user.click(done);
    expect(done).not.toBeChecked();
    const todoCalls = () => api.callsTo('PATCH', /\/todos\//);
    await waitFor(() => expect(todoCalls()).toHaveLength(2));
    expect(todoCalls().map((c) => [c.path, c.body])).toEqual([
      [`/api/incidents/${id}/todos/${state.incident.todos[0]!.id}`, { completed: true }],
      [`/api/incidents/${id}/todos/${state.incident.todos[1]!.id}`, { completed: false }],
    ]);
    await waitFor(() => expect(todos).toHaveTextContent('1 of 3 done'));
  });

  it('edits customer impact, refusing an end before its start without sending', async () => {
    const { api, user, id } = setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Edit customer impact…' }));
    const dialog = screen.getByRole('dialog', { name: 'Customer impact on IR-12' });
    fireEvent.change(within(dialog).getByLabelText(/Impact started/), { target: { value: '2025-06-03T10:00' } });
    fireEvent.change(within(dialog).getByLabelText(/Impact ended/), { target: { value: '2025-06-03T09:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save customer impact' }));
    expect(within(dialog).getByLabelText(/Impact ended/)).toHaveAccessibleDescription('The end is before the start');
    expect(api.callsTo('PATCH', `/api/incidents/${id}`)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Impact ended/), { target: { value: '2025-06-03T11:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save customer impact' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PATCH', `/api/incidents/${id}`)[0]!.body).toEqual({
      customerImpacted: true,
      customerImpactScope: 'EU customers cannot pay by card',
      customerImpactStart: new Date(2025, 5, 3, 10, 0).getTime(),
      customerImpactEnd: new Date(2025, 5, 3, 11, 0).getTime(),
    });
  });

  it('admins delete after a confirmation that names the incident, then land on the list', async () => {
    const { api, user, id, router } = setup('admin');
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Delete incident…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete IR-12 "Checkout errors after deploy"?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete IR-12' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents'));
    expect(api.callsTo('DELETE', `/api/incidents/${id}`)).toHaveLength(1);
    // The router's state changes first; the page it points to is rendered in a transition after.
    expect(await screen.findByText('The incident list')).toBeInTheDocument();
  });
});

describe('what each role sees', () => {
  it('a viewer reads everything and changes nothing', async () => {
    setup('viewer');
    await loaded();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.getByText('SEV-2')).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace (ada@example.com)')).toBeInTheDocument();
    for (const name of ['Rename', 'Resolve…', 'Delete incident…', 'Add note', 'Add todo', 'Edit customer impact…', /^Teams/]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('textbox', { name: 'Add a note' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Todos' })).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByRole('region', { name: 'Todos' })).toHaveTextContent('Post the status page update (open)');
  });

  it('a responder changes the incident but cannot delete it', async () => {
    setup('responder');
    await loaded();
    expect(screen.getByRole('button', { name: 'Resolve…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete incident…' })).not.toBeInTheDocument();
  });
});
