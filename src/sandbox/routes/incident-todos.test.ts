import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const I = DEMO_ANCHORS.incidents;
const OWNER = DEMO_ANCHORS.apiKeyOwner.uuid;
const open: TempSandbox[] = [];
function make(): TempSandbox {
  const t = createTempSandbox();
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

const base = (id: string) => `/api/v2/incidents/${id}/relationships/todos`;
const todo = (attributes: Json): Json => ({ data: { type: 'incident_todos', attributes } });

describe('incident todos', () => {
  it('lists the seeded todos, oldest first, without embedded users', async () => {
    const t = make();
    const r = await t.call('GET', base(I.activeSev2.id));
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(I.activeSev2.todoCount);
    expect(r.body.meta).toEqual({ pagination: { offset: 0, size: I.activeSev2.todoCount } });
    const [first, second] = r.body.data;
    expect(first).toMatchObject({ type: 'incident_todos', attributes: { incident_id: I.activeSev2.id, completed: expect.any(String), due_date: null } });
    expect(second.attributes).toMatchObject({ completed: null, due_date: expect.any(String) });
    expect(first.attributes).not.toHaveProperty('created_by');
    expect(first.attributes.created_by_uuid).toBe(I.activeSev2.commander.uuid);
    expect((await t.call('GET', base(I.stable.id))).body).toEqual({ data: [], meta: { pagination: { offset: 0, size: 0 } } });
  });

  it('creates (201, users embedded), gets, updates and deletes a todo', async () => {
    const t = make();
    const c = await t.call('POST', base(I.stable.id), todo({ content: 'Re-enable pay-db-2 reads', assignees: ['@priya.natarajan@acme-shop.example'], due_date: '2025-03-11T09:00:00Z' }));
    expect(c.status).toBe(201);
    const id = c.body.data.id;
    expect(c.body.data.attributes).toMatchObject({
      content: 'Re-enable pay-db-2 reads',
      assignees: ['@priya.natarajan@acme-shop.example'],
      due_date: '2025-03-11T09:00:00+00:00',
      completed: null,
      incident_id: I.stable.id,
      created_by: { data: { type: 'users', id: OWNER } },
      last_modified_by: { data: { id: OWNER } },
    });
    const got = await t.call('GET', `${base(I.stable.id)}/${id}`);
    expect(got.body.data.attributes.content).toBe('Re-enable pay-db-2 reads');
    expect(got.body.data.attributes).not.toHaveProperty('last_modified_by');

    t.clock.advance(60_000);
    const done = await t.call('PATCH', `${base(I.stable.id)}/${id}`, todo({ completed: '2025-03-10T12:01:00.000000+00:00' }));
    expect(done.status).toBe(200);
    expect(done.body.data.attributes).toMatchObject({ completed: '2025-03-10T12:01:00+00:00', content: 'Re-enable pay-db-2 reads' });
    expect(Date.parse(done.body.data.attributes.modified)).toBe(t.clock.now);
    const reopened = await t.call('PATCH', `${base(I.stable.id)}/${id}`, todo({ completed: null, assignees: [], content: 'Re-enable reads' }));
    expect(reopened.body.data.attributes).toMatchObject({ completed: null, assignees: [], content: 'Re-enable reads' });

    const del = await t.call('DELETE', `${base(I.stable.id)}/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await t.call('GET', `${base(I.stable.id)}/${id}`)).body).toEqual({ errors: [`todo ${id} not found`] });
    expect((await t.call('DELETE', `${base(I.stable.id)}/${id}`)).status).toBe(404);
  });

  it('keeps anonymous (Slack) assignees as recorded', async () => {
    const t = make();
    const slackbot = { id: 'USLACKBOT', icon: 'https://a.slack-edge.com/80588/img/slackbot_48.png', name: 'Slackbot', source: 'slack' };
    const c = await t.call('POST', base(I.stable.id), todo({ content: 'x', assignees: ['@a@b.c', slackbot] }));
    expect(c.body.data.attributes.assignees).toEqual(['@a@b.c', slackbot]);
  });

  it.each([
    ['no content', { assignees: [] }, "'content' is a required property"],
    ['no assignees', { content: 'x' }, "'assignees' is a required property"],
    ['empty content', { content: '', assignees: [] }, "'' is too short"],
    ['assignees not an array', { content: 'x', assignees: '@a' }, "'@a' is not of type 'array'"],
    ['bad due date', { content: 'x', assignees: [], due_date: 'tomorrow' }, "Invalid due_date: 'tomorrow' is not an ISO-8601 date-time"],
    ['unknown attribute', { content: 'x', assignees: [], priority: 1 }, "Additional properties are not allowed ('priority' was unexpected)"],
  ])('400 for %s', async (_n, attributes, message) => {
    const t = make();
    const r = await t.call('POST', base(I.stable.id), todo(attributes));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: [message] });
  });

  it('404 for an unknown incident or todo; a todo of another incident is not found', async () => {
    const t = make();
    const missing = '00000000-0000-4000-8000-00000000000a';
    expect((await t.call('GET', base(missing))).body).toEqual({ errors: [`incident ${missing} not found`] });
    expect((await t.call('POST', base(missing), todo({ content: 'x', assignees: [] }))).status).toBe(404);
    const other = (await t.call('GET', base(I.activeSev2.id))).body.data[0].id;
    expect((await t.call('GET', `${base(I.stable.id)}/${other}`)).status).toBe(404);
    expect((await t.call('PATCH', `${base(I.stable.id)}/${other}`, todo({ content: 'y' }))).status).toBe(404);
    expect((await t.call('POST', base(I.stable.id), { data: { type: 'todos', attributes: {} } })).body).toEqual({ errors: ["'todos' is not one of ['incident_todos']"] });
  });
});
