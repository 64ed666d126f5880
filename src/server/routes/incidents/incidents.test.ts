import {
  IncidentDetailSchema,
  IncidentListResponseSchema,
  IncidentSummarySchema,
} from '../../../contract/incidents';
import { NOW, UUID_A } from '../../testing/fixtures';
import {
  INCIDENT_ID,
  rawIncident,
  rawSearch,
  rawTodo,
  rawTodoList,
  USER_ADA,
  USER_GRACE,
  userBrief,
} from '../../testing/incident-fixtures';
import { apiError, CANARY, setup, TEST_USERS } from '../../testing/test-app';

type Fake = ReturnType<typeof setup>['fake'];
const SEARCH = '/api/v2/incidents/search';
const ONE = `/api/v2/incidents/${INCIDENT_ID}`;
const TODOS = `${ONE}/relationships/todos`;
const ALL_STATES = 'state:(active OR stable OR resolved OR completed)';
const HOUR = 3_600_000;

const attrsOf = (body: unknown) => (body as { data: { attributes: Record<string, unknown> } }).data.attributes;

describe('GET /api/incidents', () => {
  it('searches Datadog with the filters, newest first, and answers the page with totals and facets', async () => {
    const { call, fake } = setup({ as: 'viewer' });
    fake.on('GET', SEARCH, {
      body: rawSearch([rawIncident({ commander: { id: USER_ADA, name: 'Ada' }, teams: ['payments'] })], {
        total: 1,
        state: [{ name: 'active', count: 1 }, { name: 'stable', count: 0 }],
        severity: [{ name: 'SEV-1', count: 0 }, { name: 'SEV-2', count: 1 }],
      }),
    });
    const answer = await call('GET', '/api/incidents?state=active&state=stable&severity=SEV-1&severity=SEV-2&team=payments&q=checkout%20down&size=10');
    expect(answer.status).toBe(200);
    const body = IncidentListResponseSchema.parse(answer.json);
    expect(body).toMatchObject({
      total: 1,
      offset: 0,
      size: 10,
      nextOffset: null,
      facets: { state: { active: 1, stable: 0 }, severity: { 'SEV-1': 0, 'SEV-2': 1 } },
    });
    expect(body.incidents[0]).toMatchObject({
      id: INCIDENT_ID,
      publicId: 12,
      title: 'Checkout is down',
      severity: 'SEV-2',
      state: 'active',
      teams: ['payments'],
      commander: { id: USER_ADA, name: 'Ada', handle: 'ada@example.com' },
      createdAt: NOW - HOUR,
      detectedAt: NOW - HOUR - 60_000,
    });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect([req?.method, req?.path, req?.body]).toEqual(['GET', SEARCH, undefined]);
    expect(req?.query).toEqual({
      query: 'state:(active OR stable) AND severity:(SEV-1 OR SEV-2) AND teams:payments AND "checkout down"',
      sort: '-created',
      'page[size]': '10',
      'page[offset]': '0',
    });
    expect(req?.headers['dd-api-key']).toBe(CANARY.apiKey);
  });

  it('takes one state as a list too, and searches every state when none is given', async () => {
    const { call, fake } = setup();
    fake.on('GET', SEARCH, { body: rawSearch([]) });
    await call('GET', '/api/incidents?state=resolved');
    await call('GET', '/api/incidents');
    expect(fake.requests.map((r) => r.query.query)).toEqual(['state:resolved', ALL_STATES]);
    expect(fake.requests[1]?.query).toMatchObject({ 'page[size]': '25', 'page[offset]': '0' });
  });

  it('quotes what the user typed, so it can never become query syntax', async () => {
    const { call, fake } = setup();
    fake.on('GET', SEARCH, { body: rawSearch([]) });
    await call('GET', `/api/incidents?state=${encodeURIComponent('active) OR (x')}&q=${encodeURIComponent('a" OR "b')}`);
    expect(fake.requests[0]?.query.query).toBe('state:"active) OR (x" AND "a OR b"');
  });

  describe('pagination', () => {
    const page = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => rawIncident({ id: `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`, publicId: from + i }));

    it('gives the next offset while there are more, and null on the last page', async () => {
      const { call, fake } = setup();
      fake.on('GET', SEARCH, (req) => {
        const offset = Number(req.query['page[offset]']);
        return { body: rawSearch(page(offset === 0 ? 2 : 1, offset), { total: 3, offset }) };
      });
      const first = IncidentListResponseSchema.parse((await call('GET', '/api/incidents?size=2')).json);
      expect([first.incidents.length, first.total, first.nextOffset]).toEqual([2, 3, 2]);
      const last = IncidentListResponseSchema.parse((await call('GET', '/api/incidents?size=2&offset=2')).json);
      expect([last.incidents.length, last.offset, last.total, last.nextOffset]).toEqual([1, 2, 3, null]);
      // An exactly full last page (Datadog still sends next_offset on it) ends too.
      fake.on('GET', SEARCH, { body: rawSearch(page(2, 0), { total: 2 }) });
      expect(IncidentListResponseSchema.parse((await call('GET', '/api/incidents?size=2&q=x')).json).nextOffset).toBeNull();
    });

    it('answers an empty page with no next offset', async () => {
      const { call, fake } = setup();
      fake.on('GET', SEARCH, { body: rawSearch([], { total: 0, state: [], severity: [] }) });
      const body = IncidentListResponseSchema.parse((await call('GET', '/api/incidents')).json);
      expect(body).toMatchObject({ incidents: [], total: 0, nextOffset: null, facets: { state: {}, severity: {} } });
    });

    it('answers an offset past the end with no incidents, the real total, and no next offset', async () => {
      const { call, fake } = setup();
      fake.on('GET', SEARCH, { body: rawSearch([], { total: 5, offset: 50 }) });
      const body = IncidentListResponseSchema.parse((await call('GET', '/api/incidents?offset=50&size=10')).json);
      expect(body).toMatchObject({ incidents: [], total: 5, offset: 50, size: 10, nextOffset: null });
      expect(fake.requests[0]?.query['page[offset]']).toBe('50');
    });
  });

  it.each([
    ['an unknown parameter', '?status=active', 'query.status'],
    ['a page over 100', '?size=101', 'query.size'],
    ['a negative offset', '?offset=-1', 'query.offset'],
    ['a repeated team', '?team=a&team=b', 'query.team'],
    ['too many states', `?${Array.from({ length: 9 }, () => 'state=active').join('&')}`, 'query.state'],
  ])('rejects %s with 400 and nothing upstream', async (_name, qs, field) => {
    const { call, fake } = setup();
    const answer = await call('GET', `/api/incidents${qs}`);
    expect(answer.status).toBe(400);
    expect(Object.keys(apiError(answer).fields ?? {})).toContain(field);
    expect(fake.requests).toHaveLength(0);
  });
});

/** Datadog's create: the attributes asked for, the fields it fills in, the commander embedded. */
function onCreate(fake: Fake) {
  fake.on('POST', '/api/v2/incidents', (req) => {
    const body = req.body as { data: { attributes: Record<string, unknown>; relationships?: { commander_user: { data: { id: string } } } } };
    const a = body.data.attributes;
    const fields = a.fields as Record<string, { value: unknown }>;
    const commanderId = body.data.relationships?.commander_user.data.id;
    const incident = rawIncident({
      title: a.title as string,
      severity: fields.severity?.value as string,
      teams: (fields.teams?.value as string[] | undefined) ?? null,
      created: NOW,
      impacted: a.customer_impacted as boolean,
      impactScope: (a.customer_impact_scope as string | undefined) ?? null,
      impactStart: a.customer_impact_start ? Date.parse(a.customer_impact_start as string) : null,
      commander: commanderId ? { id: commanderId, name: 'Grace' } : null,
      attributes: { notification_handles: a.notification_handles ?? null },
    });
    return { status: 201, body: { data: incident }, headers: { 'Content-Type': 'application/vnd.api+json' } };
  });
}

describe('POST /api/incidents', () => {
  it('declares the incident with state, severity and teams in fields, the commander, handles and a first cell naming the user', async () => {
    const { call, fake, store } = setup();
    onCreate(fake);
    const answer = await call('POST', '/api/incidents', {
      title: '  Checkout is down  ',
      severity: 'SEV-2',
      customerImpacted: true,
      customerImpactScope: 'EU shoppers cannot pay',
      customerImpactStart: NOW - 600_000,
      commanderId: USER_GRACE,
      teams: ['payments', 'web'],
      notificationHandles: ['@slack-payments', '@pagerduty-web'],
    });
    expect(answer.status).toBe(201);
    const incident = IncidentSummarySchema.parse(answer.json);
    expect(incident).toMatchObject({
      id: INCIDENT_ID,
      title: 'Checkout is down',
      severity: 'SEV-2',
      state: 'active',
      teams: ['payments', 'web'],
      customerImpacted: true,
      customerImpactScope: 'EU shoppers cannot pay',
      customerImpactStart: NOW - 600_000,
      commander: { id: USER_GRACE, name: 'Grace' },
      notificationHandles: [
        { handle: '@slack-payments', displayName: 'slack-payments' },
        { handle: '@pagerduty-web', displayName: 'pagerduty-web' },
      ],
    });
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([['POST', '/api/v2/incidents', {}]]);
    expect(fake.requests[0]?.body).toEqual({
      data: {
        type: 'incidents',
        attributes: {
          title: 'Checkout is down',
          customer_impacted: true,
          fields: {
            state: { type: 'dropdown', value: 'active' },
            severity: { type: 'dropdown', value: 'SEV-2' },
            teams: { type: 'autocomplete', value: ['payments', 'web'] },
          },
          customer_impact_scope: 'EU shoppers cannot pay',
          customer_impact_start: new Date(NOW - 600_000).toISOString(),
          notification_handles: [
            { display_name: 'slack-payments', handle: '@slack-payments' },
            { display_name: 'pagerduty-web', handle: '@pagerduty-web' },
          ],
          initial_cells: [{ cell_type: 'markdown', content: { content: `Declared by ${TEST_USERS.responder} via watchdeck` }, important: false }],
        },
        relationships: { commander_user: { data: { type: 'users', id: USER_GRACE } } },
      },
    });
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([
      expect.objectContaining({ kind: 'declared', actor: TEST_USERS.responder, at: NOW, summary: 'Declared as SEV-2', detail: 'Checkout is down' }),
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'incident.declare',
      target: `incident:${INCIDENT_ID}`,
      actor: TEST_USERS.responder,
      outcome: 'allowed',
      status: 201,
      upstreamStatus: 201,
      detail: 'severity=SEV-2 customerImpacted=true',
    });
  });

  it('sends only what was given: no impact details, no teams, no commander, no handles', async () => {
    const { call, fake } = setup();
    onCreate(fake);
    const answer = await call('POST', '/api/incidents', { title: 'Search is slow', severity: 'SEV-4', customerImpacted: false });
    expect(answer.status).toBe(201);
    expect(fake.requests[0]?.body).toEqual({
      data: {
        type: 'incidents',
        attributes: {
          title: 'Search is slow',
          customer_impacted: false,
          fields: { state: { type: 'dropdown', value: 'active' }, severity: { type: 'dropdown', value: 'SEV-4' } },
          initial_cells: [{ cell_type: 'markdown', content: { content: `Declared by ${TEST_USERS.responder} via watchdeck` }, important: false }],
        },
      },
    });
    expect(IncidentSummarySchema.parse(answer.json)).toMatchObject({ commander: null, teams: [], customerImpacted: false });
  });

  it('starts the customer impact now when no start is given', async () => {
    const { call, fake } = setup();
    onCreate(fake);
    await call('POST', '/api/incidents', { title: 'x', severity: 'SEV-1', customerImpacted: true, customerImpactScope: 'everyone' });
    expect(attrsOf(fake.requests[0]?.body)).toMatchObject({ customer_impact_scope: 'everyone', customer_impact_start: new Date(NOW).toISOString() });
  });

  it.each([
    ['an empty title', { title: '   ', severity: 'SEV-2', customerImpacted: false }, ['title']],
    ['an unknown severity', { title: 'x', severity: 'SEV-9', customerImpacted: false }, ['severity']],
    ['no customer impact flag', { title: 'x', severity: 'SEV-2' }, ['customerImpacted']],
    ['an impact with no scope', { title: 'x', severity: 'SEV-2', customerImpacted: true }, ['customerImpactScope']],
    ['impact details without impact', { title: 'x', severity: 'SEV-2', customerImpacted: false, customerImpactScope: 'y' }, ['customerImpacted']],
    ['a handle without @', { title: 'x', severity: 'SEV-2', customerImpacted: false, notificationHandles: ['slack'] }, ['notificationHandles.0']],
    ['an author the client claims', { title: 'x', severity: 'SEV-2', customerImpacted: false, declaredBy: 'ceo' }, ['declaredBy']],
  ])('rejects %s with 400 validation_failed, its field, and nothing upstream', async (_name, body, fields) => {
    const { call, fake, store } = setup();
    const answer = await call('POST', '/api/incidents', body);
    expect(answer.status).toBe(400);
    const error = apiError(answer);
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(fields);
    expect(fake.requests).toHaveLength(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'incident.declare', outcome: 'invalid', status: 400 });
  });

  it('escapes markdown in the name it writes into the first cell', async () => {
    const { declaredCell, markdownText } = await import('./upstream-bodies');
    expect(markdownText('a_b [x](http://evil) <img>')).toBe('a\\_b \\[x\\]\\(http://evil\\) \\<img\\>');
    expect(declaredCell({ username: 'mal*lory', role: 'responder', authMode: 'proxy' })).toBe('Declared by mal\\*lory via watchdeck');
  });
});

function onGet(fake: Fake, incident: Record<string, unknown>, included: unknown[] = []) {
  fake.on('GET', `/api/v2/incidents/${incident.id as string}`, { body: { data: incident, included } });
}

describe('GET /api/incidents/:id', () => {
  it('answers the incident with its todos, naming the commander from the included users', async () => {
    const { call, fake } = setup({ as: 'viewer' });
    onGet(fake, rawIncident({ commanderId: USER_GRACE }), [userBrief(USER_GRACE, 'Grace')]);
    fake.on('GET', TODOS, { body: rawTodoList([rawTodo({ completed: NOW - 60_000, assignees: ['@ada', { id: 'USLACKBOT', name: 'Slackbot', source: 'slack' }] })]) });
    const answer = await call('GET', `/api/incidents/${INCIDENT_ID}`);
    expect(answer.status).toBe(200);
    const detail = IncidentDetailSchema.parse(answer.json);
    expect(detail.commander).toEqual({ id: USER_GRACE, name: 'Grace', handle: 'grace@example.com', email: 'grace@example.com' });
    expect(detail.todos).toEqual([
      { id: expect.any(String), content: 'Restore lost data.', completedAt: NOW - 60_000, dueAt: null, assignees: ['@ada', 'Slackbot'], createdAt: NOW - 1_800_000 },
    ]);
    expect(fake.requests.map((r) => [r.method, r.path, r.query]).sort()).toEqual([
      ['GET', ONE, { include: 'users' }],
      ['GET', TODOS, { 'page[size]': '100', 'page[offset]': '0' }],
    ]);
  });

  it('names an unknown commander by id', async () => {
    const { call, fake } = setup();
    onGet(fake, rawIncident({ commanderId: USER_GRACE }));
    fake.on('GET', TODOS, { body: rawTodoList([]) });
    const detail = IncidentDetailSchema.parse((await call('GET', `/api/incidents/${INCIDENT_ID}`)).json);
    expect(detail.commander).toEqual({ id: USER_GRACE, name: null, handle: USER_GRACE, email: null });
  });

  it('answers 404 with Datadog’s message for an unknown incident', async () => {
    const { call, fake } = setup();
    fake.on('GET', /.*/, { status: 404, body: { errors: [`incident ${INCIDENT_ID} not found`] } });
    const answer = await call('GET', `/api/incidents/${INCIDENT_ID}`);
    expect(answer.status).toBe(404);
    expect(apiError(answer)).toMatchObject({ code: 'not_found', upstream: [`incident ${INCIDENT_ID} not found`] });
  });

  it.each(['42', 'not-a-uuid', '..%2F..%2Fv1%2Forg', `${INCIDENT_ID}x`])('rejects the id %j with 400 and nothing upstream', async (id) => {
    const { call, fake } = setup();
    const answer = await call('GET', `/api/incidents/${id}`);
    expect(answer.status).toBe(400);
    expect(apiError(answer).fields).toEqual({ 'params.id': ['must be a UUID'] });
    expect(fake.requests).toHaveLength(0);
  });
});

/** Datadog's PATCH: applies fields, attributes and the commander to the stored incident and answers it. */
function onPatch(fake: Fake, start: Record<string, unknown>) {
  let current = structuredClone(start) as { id: string; attributes: Record<string, unknown>; relationships: Record<string, unknown> };
  fake.on('GET', ONE, () => ({ body: { data: current } }));
  fake.on('PATCH', ONE, (req) => {
    const data = (req.body as { data: { attributes?: Record<string, unknown>; relationships?: { commander_user: { data: { id: string } | null } } } }).data;
    const { fields, ...attrs } = data.attributes ?? {};
    const a = { ...current.attributes, ...attrs };
    a.fields = { ...(current.attributes.fields as object), ...(fields as object | undefined) };
    const f = a.fields as Record<string, { value: unknown }>;
    a.state = f.state?.value;
    a.severity = f.severity?.value;
    delete a.commander;
    const rel = { ...current.relationships };
    if (data.relationships) {
      const c = data.relationships.commander_user.data;
      rel.commander_user = { data: c ? { type: 'users', id: c.id } : null };
      a.commander = c ? { data: userBrief(c.id, c.id === USER_ADA ? 'Ada' : 'Grace') } : null;
    }
    current = { ...current, attributes: a, relationships: rel };
    return { body: { data: current }, headers: { 'Content-Type': 'application/vnd.api+json' } };
  });
  return () => current;
}

describe('PATCH /api/incidents/:id', () => {
  it('reads the incident, writes state and severity through fields, and records one event per changed field', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident({ commander: { id: USER_ADA, name: 'Ada' }, commanderId: USER_ADA, teams: ['web'] }));
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}`, {
      state: 'stable',
      severity: 'SEV-1',
      commanderId: USER_GRACE,
      teams: ['web', 'payments'],
      title: 'Checkout down in EU',
    });
    expect(answer.status).toBe(200);
    expect(IncidentSummarySchema.parse(answer.json)).toMatchObject({
      state: 'stable',
      severity: 'SEV-1',
      commander: { id: USER_GRACE, name: 'Grace' },
      teams: ['web', 'payments'],
      title: 'Checkout down in EU',
    });
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', ONE],
      ['PATCH', ONE],
    ]);
    expect(fake.requests[1]?.query).toEqual({});
    expect(fake.requests[1]?.body).toEqual({
      data: {
        id: INCIDENT_ID,
        type: 'incidents',
        attributes: {
          fields: {
            state: { type: 'dropdown', value: 'stable' },
            severity: { type: 'dropdown', value: 'SEV-1' },
            teams: { type: 'autocomplete', value: ['web', 'payments'] },
          },
          title: 'Checkout down in EU',
        },
        relationships: { commander_user: { data: { type: 'users', id: USER_GRACE } } },
      },
    });
    const events = store.incidentEvents.list(INCIDENT_ID);
    expect(events.map((e) => [e.kind, e.from, e.to, e.actor, e.at])).toEqual([
      ['state', 'active', 'stable', TEST_USERS.responder, NOW],
      ['severity', 'SEV-2', 'SEV-1', TEST_USERS.responder, NOW],
      ['commander', 'Ada', 'Grace', TEST_USERS.responder, NOW],
      ['teams', 'web', 'payments, web', TEST_USERS.responder, NOW],
      ['title', 'Checkout is down', 'Checkout down in EU', TEST_USERS.responder, NOW],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'incident.update',
      target: `incident:${INCIDENT_ID}`,
      outcome: 'allowed',
      detail: 'fields=commanderId,severity,state,teams,title',
    });
  });

  it('removes the commander with {data:null}', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident({ commanderId: USER_ADA }));
    fake.on('GET', ONE, { body: { data: rawIncident({ commanderId: USER_ADA }), included: [userBrief(USER_ADA, 'Ada')] } });
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}`, { commanderId: null });
    expect(IncidentSummarySchema.parse(answer.json).commander).toBeNull();
    expect(fake.requests[1]?.body).toEqual({ data: { id: INCIDENT_ID, type: 'incidents', relationships: { commander_user: { data: null } } } });
    expect(store.incidentEvents.list(INCIDENT_ID).map((e) => e.summary)).toEqual(['Commander Ada removed']);
  });

  it('writes the customer impact as ISO times and records one impact event', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident());
    const start = NOW - HOUR;
    await call('PATCH', `/api/incidents/${INCIDENT_ID}`, { customerImpacted: true, customerImpactScope: 'EU', customerImpactStart: start });
    expect(attrsOf(fake.requests[1]?.body)).toEqual({ customer_impacted: true, customer_impact_scope: 'EU', customer_impact_start: new Date(start).toISOString() });
    expect(store.incidentEvents.list(INCIDENT_ID).map((e) => [e.kind, e.summary])).toEqual([['impact_start', 'Customer impact started']]);
  });

  it('records nothing when the change changes nothing', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident());
    expect((await call('PATCH', `/api/incidents/${INCIDENT_ID}`, { severity: 'SEV-2' })).status).toBe(200);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
  });

  it.each([
    ['an empty title', { title: '' }, ['title']],
    ['an unknown severity', { severity: 'SEV-7' }, ['severity']],
    ['an unknown state', { state: 'exploded' }, ['state']],
    ['an impact end before its start', { customerImpactStart: NOW, customerImpactEnd: NOW - 1 }, ['customerImpactEnd']],
    ['nothing to change', {}, ['body']],
    ['an unknown field', { priority: 'P1' }, ['priority', 'body']],
  ])('rejects %s with 400 validation_failed and nothing upstream', async (_name, body, fields) => {
    const { call, fake, store } = setup();
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}`, body);
    expect(answer.status).toBe(400);
    expect(apiError(answer).code).toBe('validation_failed');
    expect(Object.keys(apiError(answer).fields ?? {})).toEqual(fields);
    expect(fake.requests).toHaveLength(0);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
  });

  it('rejects an end before the start the incident already has, after reading it and before changing anything', async () => {
    const { call, fake } = setup();
    onPatch(fake, rawIncident({ impacted: true, impactScope: 'EU', impactStart: NOW - 600_000 }));
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}`, { customerImpactEnd: NOW - HOUR });
    expect(answer.status).toBe(400);
    expect(apiError(answer).fields).toEqual({ customerImpactEnd: ['The end is before the start'] });
    expect(fake.calls('PATCH')).toHaveLength(0);
  });

  it('passes Datadog’s JSON:API error messages through and records nothing', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident());
    fake.on('PATCH', ONE, {
      status: 400,
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { errors: [{ title: 'Bad Request', detail: 'invalid field value for severity' }] },
    });
    const answer = await call('PATCH', `/api/incidents/${INCIDENT_ID}`, { severity: 'SEV-1' });
    expect(answer.status).toBe(400);
    expect(apiError(answer)).toMatchObject({ code: 'upstream_rejected', upstream: ['invalid field value for severity'] });
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
  });
});

describe('POST /api/incidents/:id/resolve', () => {
  it('resolves now and ends an open customer impact now, recording both', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident({ impacted: true, impactScope: 'EU', impactStart: NOW - HOUR }));
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/resolve`);
    expect(answer.status).toBe(200);
    expect(IncidentSummarySchema.parse(answer.json)).toMatchObject({ state: 'resolved', resolvedAt: NOW, customerImpactEnd: NOW });
    expect(fake.requests[1]?.body).toEqual({
      data: {
        id: INCIDENT_ID,
        type: 'incidents',
        attributes: { fields: { state: { type: 'dropdown', value: 'resolved' } }, resolved: new Date(NOW).toISOString(), customer_impact_end: new Date(NOW).toISOString() },
      },
    });
    expect(store.incidentEvents.list(INCIDENT_ID).map((e) => [e.kind, e.summary, e.actor])).toEqual([
      ['state', 'State active → resolved', TEST_USERS.responder],
      ['impact_end', 'Customer impact ended', TEST_USERS.responder],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'incident.resolve', target: `incident:${INCIDENT_ID}`, outcome: 'allowed' });
  });

  it('leaves an impact that already ended, and an incident without impact, alone', async () => {
    const { call, fake } = setup();
    onPatch(fake, rawIncident({ impacted: true, impactScope: 'EU', impactStart: NOW - HOUR, impactEnd: NOW - 60_000 }));
    await call('POST', `/api/incidents/${INCIDENT_ID}/resolve`);
    expect(attrsOf(fake.requests[1]?.body)).not.toHaveProperty('customer_impact_end');
  });

  it('changes nothing when the incident is resolved already', async () => {
    const { call, fake, store } = setup();
    onPatch(fake, rawIncident({ state: 'resolved', resolved: NOW - HOUR }));
    const answer = await call('POST', `/api/incidents/${INCIDENT_ID}/resolve`);
    expect([answer.status, IncidentSummarySchema.parse(answer.json).resolvedAt]).toEqual([200, NOW - HOUR]);
    expect(fake.calls('PATCH')).toHaveLength(0);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
  });
});

describe('DELETE /api/incidents/:id', () => {
  it('deletes upstream, answers 204, and forgets the incident’s events; a second delete is 404', async () => {
    const { callAs, fake, store } = setup();
    store.incidentEvents.append([{ incidentId: INCIDENT_ID, at: NOW, kind: 'note', actor: 'a', summary: 'Note', detail: 'x', from: null, to: null, ref: null }]);
    store.incidentEvents.append([{ incidentId: UUID_A, at: NOW, kind: 'note', actor: 'a', summary: 'Note', detail: 'y', from: null, to: null, ref: null }]);
    fake.enqueue({ status: 204 }, { status: 404, body: { errors: [`incident ${INCIDENT_ID} not found`] } });
    const answer = await callAs('admin', 'DELETE', `/api/incidents/${INCIDENT_ID}`);
    expect([answer.status, answer.text]).toEqual([204, '']);
    expect(fake.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([['DELETE', ONE, {}, undefined]]);
    expect(store.incidentEvents.list(INCIDENT_ID)).toEqual([]);
    expect(store.incidentEvents.list(UUID_A)).toHaveLength(1);
    const again = await callAs('admin', 'DELETE', `/api/incidents/${INCIDENT_ID}`);
    expect(again.status).toBe(404);
    expect(apiError(again).upstream).toEqual([`incident ${INCIDENT_ID} not found`]);
    expect(store.audit.query({ limit: 2 }).map((r) => [r.action, r.outcome, r.status])).toEqual([
      ['incident.delete', 'failed', 404],
      ['incident.delete', 'allowed', 204],
    ]);
  });
});

describe('incident reads: coalesced per role, last good copy when Datadog fails (SECURITY 29, 31)', () => {
  it('turns 20 concurrent identical list requests into one search', async () => {
    const { call, fake } = setup();
    fake.on('GET', SEARCH, { body: rawSearch([rawIncident()]), delayMs: 30 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/api/incidents')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(fake.calls('GET', SEARCH)).toHaveLength(1);
  });

  it('serves the last good list and incident, marked stale with their time, when Datadog then fails', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.on('GET', SEARCH, { body: rawSearch([rawIncident()]) });
    fake.on('GET', ONE, { body: { data: rawIncident() } });
    fake.on('GET', TODOS, { body: rawTodoList([]) });
    await call('GET', '/api/incidents');
    await call('GET', `/api/incidents/${INCIDENT_ID}`);
    now += 60_000;
    fake.on('GET', /.*/, { status: 503, body: {} });
    const list = await call('GET', '/api/incidents');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ stale: true, fetchedAt: NOW, total: 1 });
    const one = await call('GET', `/api/incidents/${INCIDENT_ID}`);
    expect(one.json).toMatchObject({ stale: true, fetchedAt: NOW, id: INCIDENT_ID });
    // A 404 is an answer, not an outage: never covered by an old copy.
    fake.on('GET', /.*/, { status: 404, body: { errors: ['gone'] } });
    now += 60_000;
    expect((await call('GET', `/api/incidents/${INCIDENT_ID}`)).status).toBe(404);
  });

  it('asks again after a change made through watchdeck', async () => {
    const { call, fake } = setup();
    fake.on('GET', SEARCH, { body: rawSearch([rawIncident()]) });
    onCreate(fake);
    await call('GET', '/api/incidents');
    await call('POST', '/api/incidents', { title: 'x', severity: 'SEV-3', customerImpacted: false });
    await call('GET', '/api/incidents');
    expect(fake.calls('GET', SEARCH)).toHaveLength(2);
  });
});
