import type { Todo } from '../../../contract/incidents';
import { changeEvents, declaredEvent, noteEvent, stamp, todoChangeEvents, todoCreatedEvent } from './incident-events';
import { incidentSummary as incident, SUMMARY_T0 } from '../../testing/incident-fixtures';

const T0 = SUMMARY_T0;
const ada = { id: 'u-ada', name: 'Ada', handle: 'ada@example.com', email: 'ada@example.com' };
const grace = { id: 'u-grace', name: null, handle: 'grace@example.com', email: null };


describe('incident change events', () => {
  it('records one event per changed field, with from and to, in a fixed order', () => {
    const before = incident({ commander: ada, teams: ['web'] });
    const after = incident({ state: 'stable', severity: 'SEV-1', commander: grace, teams: ['web', 'api'], title: 'Checkout and cart down' });
    const events = changeEvents(before, after, ['title', 'teams', 'commanderId', 'severity', 'state']);
    expect(events.map((e) => [e.kind, e.summary, e.from, e.to])).toEqual([
      ['state', 'State active → stable', 'active', 'stable'],
      ['severity', 'Severity SEV-2 → SEV-1', 'SEV-2', 'SEV-1'],
      ['commander', 'Commander Ada → grace@example.com', 'Ada', 'grace@example.com'],
      ['teams', 'Teams web → api, web', 'web', 'api, web'],
      ['title', 'Title changed to “Checkout and cart down”', 'Checkout down', 'Checkout and cart down'],
    ]);
  });

  it('records nothing for a field that was asked but did not change, or changed but was not asked', () => {
    const before = incident({ teams: ['b', 'a'] });
    expect(changeEvents(before, incident({ teams: ['a', 'b'] }), ['teams', 'severity', 'state'])).toEqual([]);
    expect(changeEvents(before, incident({ severity: 'SEV-1' }), ['state'])).toEqual([]);
  });

  it('says when a commander is set or removed', () => {
    expect(changeEvents(incident(), incident({ commander: ada }), ['commanderId'])[0]).toMatchObject({ summary: 'Commander set to Ada', from: null, to: 'Ada' });
    expect(changeEvents(incident({ commander: ada }), incident(), ['commanderId'])[0]).toMatchObject({
      summary: 'Commander Ada removed',
      from: 'Ada',
      to: null,
    });
    expect(changeEvents(incident({ teams: ['web'] }), incident(), ['teams'])[0]).toMatchObject({ summary: 'Teams web → none', to: null });
  });

  it('records one impact event: started, ended, or changed', () => {
    const start = T0 + 60_000;
    const on = incident({ customerImpacted: true, customerImpactScope: 'EU checkout', customerImpactStart: start });
    const started = changeEvents(incident(), on, ['customerImpacted', 'customerImpactScope', 'customerImpactStart']);
    expect(started).toEqual([
      expect.objectContaining({ kind: 'impact_start', summary: 'Customer impact started', from: 'none', to: `EU checkout, from ${new Date(start).toISOString()}`, detail: 'EU checkout' }),
    ]);
    const ended = changeEvents(on, { ...on, customerImpactEnd: start + 60_000 }, ['customerImpactEnd']);
    expect(ended).toEqual([expect.objectContaining({ kind: 'impact_end', summary: 'Customer impact ended' })]);
    const off = changeEvents(on, incident(), ['customerImpacted']);
    expect(off).toEqual([expect.objectContaining({ kind: 'impact_end', summary: 'Customer impact ended', to: 'none', detail: null })]);
    const rescoped = changeEvents(on, { ...on, customerImpactScope: 'All checkout' }, ['customerImpactScope']);
    expect(rescoped).toEqual([expect.objectContaining({ kind: 'impact_start', summary: 'Customer impact changed' })]);
    const moved = { ...on, customerImpactEnd: start + 1 };
    expect(changeEvents(moved, { ...moved, customerImpactEnd: start + 2 }, ['customerImpactEnd'])).toEqual([
      expect.objectContaining({ kind: 'impact_end', summary: 'Customer impact end changed' }),
    ]);
    expect(changeEvents(on, on, ['customerImpactScope'])).toEqual([]);
  });

  it('stamps drafts with the incident, the actor and the time', () => {
    const stamped = stamp([noteEvent('rolled back'), declaredEvent(incident())], { incidentId: 'inc-1', actor: 'alice', at: T0 });
    expect(stamped).toEqual([
      { kind: 'note', summary: 'Note', detail: 'rolled back', from: null, to: null, ref: null, incidentId: 'inc-1', actor: 'alice', at: T0 },
      { kind: 'declared', summary: 'Declared as SEV-2', detail: 'Checkout down', from: null, to: 'SEV-2', ref: null, incidentId: 'inc-1', actor: 'alice', at: T0 },
    ]);
  });
});

describe('todo events', () => {
  const todo = (o: Partial<Todo> = {}): Todo => ({ id: 't1', content: 'Page payments', completedAt: null, dueAt: null, assignees: [], createdAt: T0, ...o });

  it('records a new todo with its id', () => {
    expect(todoCreatedEvent(todo())).toMatchObject({ kind: 'todo', summary: 'Todo added: Page payments', from: null, to: 'Page payments', ref: 't1' });
  });

  it('records completing, reopening and rewording, and nothing for no change', () => {
    expect(todoChangeEvents(todo(), todo({ completedAt: T0 + 1 })).map((e) => [e.kind, e.summary, e.ref])).toEqual([
      ['todo_completed', 'Todo done: Page payments', 't1'],
    ]);
    expect(todoChangeEvents(todo({ completedAt: T0 }), todo()).map((e) => e.kind)).toEqual(['todo_reopened']);
    expect(todoChangeEvents(todo(), todo({ content: 'Page the payments team' }))).toEqual([
      expect.objectContaining({ kind: 'todo', summary: 'Todo edited: Page the payments team', from: 'Page payments', to: 'Page the payments team' }),
    ]);
    expect(todoChangeEvents(todo({ completedAt: T0 }), todo({ completedAt: T0 }))).toEqual([]);
  });
});
