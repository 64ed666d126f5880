import { TimelineEntrySchema, TimelineResponseSchema, TodoSchema } from '../../../contract/incidents';
import { iso, NOW, rawDowntime, UUID_A, UUID_B } from '../../testing/fixtures';
import { INCIDENT_ID, rawIncident, rawTodo, rawTodoList, rawUserFull, TODO_ID, USER_GRACE } from '../../testing/incident-fixtures';
import { apiError, setup, TEST_USERS } from '../../testing/test-app';

type Fake = ReturnType<typeof setup>['fake'];
const ONE = `/api/v2/incidents/${INCIDENT_ID}`;
const TODOS = `${ONE}/relationships/todos`;
const TRANSITIONS = `${ONE}/transitions`;
const MIN = 60_000;

describe('POST /api/incidents/:id/notes', () => {
  it('keeps the note in the BFF store, by the signed-in user, and answers it as a timeline entry', async () => {
    const { call, fake, store } = setup();
    fake.on('GET', ONE, { body: { data: rawIncident() } });
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/notes`, { content: '  Rolled back deploy 4121  ' });
    expect(answer.status).toBe(201);
    const entry = TimelineEntrySchema.parse(answer.json);
    expect(entry).toEqual({
      id: expect.stringMatching(/^event:\d+$/),
      at: NOW,
      kind: 'note',
      actor: TEST_USERS.responder,
      summary: 'Note',
      detail: 'Rolled back deploy 4121',
      from: null,
      to: null,
      source: 'watchdeck',
      link: null,
    });
    // Datadog has no timeline API: the incident is only read, to be sure it exists.
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([['GET', ONE]]);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([
      expect.objectContaining({ kind: 'note', actor: TEST_USERS.responder, detail: 'Rolled back deploy 4121' }),
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'incident.note', target: `incident:${INCIDENT_ID}`, detail: 'length=23' });
  });

  it('keeps no note for an incident Datadog does not know', async () => {
    const { call, fake, store } = setup();
    fake.on('GET', ONE, { status: 404, body: { errors: [`incident ${INCIDENT_ID} not found`] } });
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/notes`, { content: 'x' });
    expect(answer.status).toBe(404);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
  });

  it.each([
    ['an empty note', { content: '   ' }, ['content']],
    ['an author the client claims', { content: 'x', actor: 'ceo' }, ['actor']],
    ['a note over 10,000 characters', { content: 'x'.repeat(10_001) }, ['content']],
  ])('rejects %s with 400 and nothing upstream', async (_name, body, fields) => {
    const { call, fake, store } = setup();
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/notes`, body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, fields]);
    expect(fake.requests).toHaveLength(0);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
  });
});

function onTodos(fake: Fake, todos: Record<string, unknown>[]) {
  fake.on('GET', TODOS, { body: rawTodoList(todos) });
  fake.on('PATCH', `${TODOS}/${TODO_ID}`, (req) => {
    const a = (req.body as { data: { attributes: Record<string, unknown> } }).data.attributes;
    const base = rawTodo() as { attributes: Record<string, unknown> };
    return { body: { data: { ...base, attributes: { ...base.attributes, ...a } } } };
  });
}

describe('POST /api/incidents/:id/todos', () => {
  it('creates the todo upstream (assignees required there) and records who added it', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', TODOS, (req) => {
      const a = (req.body as { data: { attributes: { content: string } } }).data.attributes;
      return { status: 201, body: { data: rawTodo({ content: a.content, created: NOW, assignees: [] }) } };
    });
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/todos`, { content: 'Page payments', dueAt: NOW + 30 * MIN });
    expect(answer.status).toBe(201);
    expect(TodoSchema.parse(answer.json)).toEqual({ id: TODO_ID, content: 'Page payments', completedAt: null, dueAt: null, assignees: [], createdAt: NOW });
    expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        TODOS,
        { data: { type: 'incident_todos', attributes: { content: 'Page payments', assignees: [], due_date: new Date(NOW + 30 * MIN).toISOString() } } },
      ],
    ]);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([
      expect.objectContaining({ kind: 'todo', summary: 'Todo added: Page payments', ref: TODO_ID, actor: TEST_USERS.responder }),
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'incident.todo.create', target: `incident:${INCIDENT_ID}/todo:${TODO_ID}` });
  });

  it('rejects an empty todo with 400 and nothing upstream', async () => {
    const { call, fake } = setup();
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/todos`, { content: '' });
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['content']]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('PATCH /api/incidents/:id/todos/:todoId', () => {
  it('completes a todo now, sending back its content and assignees, and records it', async () => {
    const { call, fake, store } = setup();
    const slack = { id: 'USLACKBOT', name: 'Slackbot', source: 'slack' };
    onTodos(fake, [rawTodo({ assignees: ['@ada', slack] })]);
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}/todos/${TODO_ID}`, { completed: true });
    expect(answer.status).toBe(200);
    expect(TodoSchema.parse(answer.json)).toMatchObject({ id: TODO_ID, completedAt: NOW, assignees: ['@ada', 'Slackbot'] });
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', TODOS],
      ['PATCH', `${TODOS}/${TODO_ID}`],
    ]);
    expect(fake.requests[1]?.body).toEqual({
      data: {
        type: 'incident_todos',
        attributes: { content: 'Restore lost data.', assignees: ['@ada', slack], completed: new Date(NOW).toISOString(), due_date: null },
      },
    });
    expect(store.incidentEvents.list(INCIDENT_ID).map((e) => [e.kind, e.ref, e.actor])).toEqual([['todo_completed', TODO_ID, TEST_USERS.responder]]);
  });

  it('reopens a completed todo (completed = null) and records it', async () => {
    const { call, fake, store } = setup();
    onTodos(fake, [rawTodo({ completed: NOW - MIN })]);
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}/todos/${TODO_ID}`, { completed: false });
    expect(TodoSchema.parse(answer.json).completedAt).toBeNull();
    expect((fake.requests[1]?.body as { data: { attributes: { completed: unknown } } }).data.attributes.completed).toBeNull();
    expect(store.incidentEvents.list(INCIDENT_ID).map((e) => e.kind)).toEqual(['todo_reopened']);
  });

  it('rewords a todo, keeps a completed one’s time, and records only what changed', async () => {
    const { call, fake, store } = setup();
    onTodos(fake, [rawTodo({ completed: NOW - MIN })]);
    await call('PATCH', `/api/incidents/${INCIDENT_ID}/todos/${TODO_ID}`, { completed: true, content: 'Restore the lost orders' });
    expect((fake.requests[1]?.body as { data: { attributes: unknown } }).data.attributes).toMatchObject({
      content: 'Restore the lost orders',
      // Datadog's own string, sent back as it was.
      completed: iso(NOW - MIN),
    });
    expect(store.incidentEvents.list(INCIDENT_ID).map((e) => [e.kind, e.from, e.to])).toEqual([
      ['todo', 'Restore lost data.', 'Restore the lost orders'],
    ]);
  });

  it('answers 404 for a todo the incident does not have, without changing anything', async () => {
    const { call, fake } = setup();
    onTodos(fake, [rawTodo({ id: UUID_B })]);
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}/todos/${TODO_ID}`, { completed: true });
    expect([answer.status, apiError(answer).code]).toEqual([404, 'not_found']);
    expect(fake.calls('PATCH')).toHaveLength(0);
  });

  it.each([
    ['nothing to change', {}],
    ['a completed flag that is not a boolean', { completed: 'yes' }],
  ])('rejects %s with 400 and nothing upstream', async (_name, body) => {
    const { call, fake } = setup();
    expect((await call('PATCH', `/api/incidents/${INCIDENT_ID}/todos/${TODO_ID}`, body)).status).toBe(400);
    expect((await call('PATCH', `/api/incidents/${INCIDENT_ID}/todos/not-a-uuid`, { completed: true })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('GET /api/incidents/:id/timeline', () => {
  const created = NOW - 60 * MIN;

  function incidentUpstream(fake: Fake, o: Parameters<typeof rawIncident>[0] = {}) {
    fake.on('GET', ONE, { body: { data: rawIncident({ created, ...o }) } });
    fake.on('GET', TODOS, { body: rawTodoList([rawTodo({ created: created + 5 * MIN, completed: created + 20 * MIN })]) });
  }

  it('assembles milestones, todos, watchdeck events, mutes while open and outside transitions, in time order', async () => {
    let now = created - 10 * MIN;
    const { call, callAs, fake, store } = setup({ now: () => now });
    incidentUpstream(fake, { impacted: true, impactScope: 'EU', impactStart: created - 2 * MIN });
    fake.on('GET', TRANSITIONS, {
      body: {
        data: [
          { type: 'incident_transitions', id: '1', attributes: { field: 'severity', from: 'SEV-2', to: 'SEV-1', timestamp: new Date(created + 10 * MIN).toISOString() } },
          // The local Datadog's shape: the user by id only.
          {
            type: 'incident_transition',
            id: '2',
            attributes: { field: 'state', from: 'active', to: 'stable', at: new Date(created + 30 * MIN).toISOString() },
            relationships: { user: { data: { type: 'users', id: USER_GRACE } } },
          },
        ],
      },
    });
    fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    fake.on('GET', '/api/v2/users', { body: { data: [rawUserFull(USER_GRACE, 'Sam Okafor')] } });

    // A mute before the incident existed: not on its timeline.
    await call('POST', '/api/monitors/7/mute', { scope: '*', end: now + 60 * MIN, reason: 'before' });
    now = created + 10 * MIN;
    store.incidentEvents.append([
      { incidentId: INCIDENT_ID, at: now, kind: 'severity', actor: 'alice', summary: 'Severity SEV-2 → SEV-1', detail: null, from: 'SEV-2', to: 'SEV-1', ref: null },
    ]);
    now = created + 15 * MIN;
    await call('POST', '/api/monitors/42/mute', { scope: 'host:web-1', end: now + 60 * MIN, reason: 'failover' });
    now = created + 40 * MIN;
    // A viewer reads it.
    fake.requests.length = 0;
    const answer = await callAs('viewer', 'GET', `/api/incidents/${INCIDENT_ID}/timeline`);
    expect(answer.status).toBe(200);
    const { entries } = TimelineResponseSchema.parse(answer.json);
    expect(entries.map((e) => `${e.source}:${e.kind}`)).toEqual([
      'milestone:impact_start',
      'milestone:detected',
      'milestone:declared',
      'todo:todo',
      'watchdeck:severity',
      'mute:mute',
      'todo:todo_completed',
      'transition:state',
    ]);
    const mute = entries.find((e) => e.source === 'mute');
    expect(mute).toMatchObject({ actor: TEST_USERS.responder, summary: 'Muted monitor 42', link: '/monitors/42', at: created + 15 * MIN });
    expect(mute?.detail).toContain('scope=host:web-1');
    expect(entries.find((e) => e.source === 'transition')).toMatchObject({ summary: 'State active → stable', actor: 'Sam Okafor' });
    expect(fake.requests.map((r) => [r.method, r.path, r.query]).sort()).toEqual([
      ['GET', ONE, { include: 'users' }],
      ['GET', TODOS, { 'page[size]': '100', 'page[offset]': '0' }],
      ['GET', TRANSITIONS, {}],
      ['GET', '/api/v2/users', { 'page[size]': '100' }],
    ]);
  });

  it('survives a Datadog without the transitions endpoint, and does not ask a real one', async () => {
    const pointed = setup();
    incidentUpstream(pointed.fake);
    const answer = await pointed.call('GET', `/api/incidents/${INCIDENT_ID}/timeline`);
    expect(answer.status).toBe(200);
    expect(pointed.fake.unhandled.map((r) => r.path)).toEqual([TRANSITIONS]);
    expect(TimelineResponseSchema.parse(answer.json).entries.map((e) => e.kind)).toEqual(['detected', 'declared', 'todo', 'todo_completed']);

    const real = setup({ config: { mode: 'real' } });
    incidentUpstream(real.fake);
    expect((await real.call('GET', `/api/incidents/${INCIDENT_ID}/timeline`)).status).toBe(200);
    expect(real.fake.calls('GET', TRANSITIONS)).toHaveLength(0);
  });

  it('ignores transitions it cannot read, keeping the rest', async () => {
    const { call, fake } = setup();
    incidentUpstream(fake);
    fake.on('GET', TRANSITIONS, {
      body: [
        { field: 'state', from: 'active', to: 'stable', at: created + MIN },
        { field: 'state', from: 'stable', to: 'active' },
        'garbage',
        { kind: 'severity', previous: 'SEV-3', value: 'SEV-2', created: new Date(created + 2 * MIN).toISOString(), user: { name: 'Mei' } },
      ],
    });
    const { entries } = TimelineResponseSchema.parse((await call('GET', `/api/incidents/${INCIDENT_ID}/timeline`)).json);
    expect(entries.filter((e) => e.source === 'transition').map((e) => [e.kind, e.from, e.to, e.actor])).toEqual([
      ['state', 'active', 'stable', null],
      ['severity', 'SEV-3', 'SEV-2', 'Mei'],
    ]);
  });

  it('answers 404 for an unknown incident and 400 for a bad id, with nothing upstream for the latter', async () => {
    const { call, fake } = setup();
    fake.on('GET', /.*/, { status: 404, body: { errors: ['incident not found'] } });
    expect((await call('GET', `/api/incidents/${INCIDENT_ID}/timeline`)).status).toBe(404);
    fake.requests.length = 0;
    expect((await call('GET', '/api/incidents/x/timeline')).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});
