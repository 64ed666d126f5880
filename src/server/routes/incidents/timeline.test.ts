import type { AuditRecord } from '../../../contract/auth';
import { type Todo, TimelineResponseSchema } from '../../../contract/incidents';
import type { IncidentEvent } from '../../store/incident-events-store';
import type { Transition } from '../../upstreams/datadog/incident-map';
import { assembleTimeline, DEDUPE_WINDOW_MS, openWindow, type TimelineInput } from './timeline';
import { incidentSummary as incident, SUMMARY_T0 } from '../../testing/incident-fixtures';

const T0 = SUMMARY_T0;
const MIN = 60_000;


let eventId = 0;
function event(o: Partial<IncidentEvent> & Pick<IncidentEvent, 'kind' | 'at'>): IncidentEvent {
  return { id: ++eventId, incidentId: 'inc-1', actor: 'alice', summary: o.kind, detail: null, from: null, to: null, ref: null, ...o };
}

let auditId = 0;
function audit(o: Partial<AuditRecord> & Pick<AuditRecord, 'time'>): AuditRecord {
  return {
    id: ++auditId,
    actor: 'bob',
    role: 'responder',
    action: 'monitor.mute',
    target: 'monitor:42',
    outcome: 'allowed',
    status: 200,
    upstreamStatus: 200,
    requestId: 'r',
    detail: 'scope=host:web-1 end=2026-09-01T12:00:00.000Z reason=deploy',
    ...o,
  };
}

const todo = (o: Partial<Todo> = {}): Todo => ({ id: 'todo-1', content: 'Page payments', completedAt: null, dueAt: null, assignees: [], createdAt: T0 + 5 * MIN, ...o });
const transition = (o: Partial<Transition> & Pick<Transition, 'at'>): Transition => ({
  id: 't1',
  kind: 'state',
  from: 'active',
  to: 'stable',
  actor: 'Sam',
  userId: null,
  ...o,
});

function build(o: Partial<TimelineInput> = {}) {
  const entries = assembleTimeline({ incident: incident(), todos: [], events: [], audit: [], transitions: [], now: T0 + 120 * MIN, ...o });
  // What the BFF answers must satisfy the contract.
  TimelineResponseSchema.parse({ entries });
  return entries;
}
const kinds = (entries: ReturnType<typeof build>) => entries.map((e) => `${e.source}:${e.kind}`);

describe('assembleTimeline', () => {
  it('puts every source in one list ordered by time', () => {
    const entries = build({
      incident: incident({ detectedAt: T0 - 2 * MIN, customerImpacted: true, customerImpactScope: 'EU checkout', customerImpactStart: T0 - MIN, customerImpactEnd: T0 + 50 * MIN, resolvedAt: T0 + 60 * MIN, state: 'resolved' }),
      todos: [todo({ completedAt: T0 + 30 * MIN })],
      events: [event({ kind: 'severity', at: T0 + 10 * MIN, from: 'SEV-2', to: 'SEV-1' }), event({ kind: 'note', at: T0 + 20 * MIN, detail: 'rolled back' })],
      audit: [audit({ time: T0 + 15 * MIN })],
      transitions: [transition({ at: T0 + 40 * MIN })],
    });
    expect(kinds(entries)).toEqual([
      'milestone:detected',
      'milestone:impact_start',
      'milestone:declared',
      'todo:todo',
      'watchdeck:severity',
      'mute:mute',
      'watchdeck:note',
      'todo:todo_completed',
      'transition:state',
      'milestone:impact_end',
      'milestone:resolved',
    ]);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.find((e) => e.kind === 'impact_start')).toMatchObject({ detail: 'EU checkout', actor: null, source: 'milestone' });
    expect(entries.find((e) => e.kind === 'severity')).toMatchObject({ actor: 'alice', from: 'SEV-2', to: 'SEV-1', source: 'watchdeck' });
    expect(entries.find((e) => e.kind === 'transition' || e.source === 'transition')).toMatchObject({
      summary: 'State active → stable',
      actor: 'Sam',
      from: 'active',
      to: 'stable',
    });
  });

  it('keeps ties stable: source order (milestone, todo, watchdeck, transition, mute), then input order', () => {
    const at = T0 + 10 * MIN;
    const entries = build({
      incident: incident({ resolvedAt: at, state: 'resolved' }),
      todos: [todo({ id: 'a', createdAt: at }), todo({ id: 'b', createdAt: at })],
      events: [event({ kind: 'note', at, detail: 'first' }), event({ kind: 'note', at, detail: 'second' })],
      audit: [audit({ time: at, id: 901 }), audit({ time: at, id: 900, action: 'monitor.unmute' })],
      transitions: [transition({ at, kind: 'severity', from: 'SEV-3', to: 'SEV-2' })],
    });
    expect(entries.slice(1).map((e) => e.id)).toEqual([
      'milestone:resolved',
      'todo:a',
      'todo:b',
      expect.stringMatching(/^event:/),
      expect.stringMatching(/^event:/),
      'transition:t1',
      'audit:901',
      'audit:900',
    ]);
    expect(entries.filter((e) => e.kind === 'note').map((e) => e.detail)).toEqual(['first', 'second']);
    // The same input twice gives the same order.
    expect(build({ todos: [todo({ id: 'a', createdAt: at }), todo({ id: 'b', createdAt: at })] }).map((e) => e.id)).toEqual([
      'milestone:declared',
      'todo:a',
      'todo:b',
    ]);
  });

  it('leaves out milestones whose fields are missing', () => {
    expect(kinds(build())).toEqual(['milestone:declared']);
    expect(build({ incident: incident({ createdAt: 0 }) })).toEqual([]);
    const noTimes = build({ incident: incident({ customerImpacted: true, customerImpactScope: 'x' }) });
    expect(kinds(noTimes)).toEqual(['milestone:declared']);
    const onlyEnd = build({ incident: incident({ customerImpactEnd: T0 + MIN }) });
    expect(kinds(onlyEnd)).toEqual(['milestone:declared', 'milestone:impact_end']);
  });

  it('shows a todo without a creation time by its completion only, and an open todo by its creation only', () => {
    const entries = build({ todos: [todo({ id: 'x', createdAt: null, completedAt: T0 + MIN }), todo({ id: 'y' })] });
    expect(entries.map((e) => e.id)).toEqual(['milestone:declared', 'todo:x:completed', 'todo:y']);
    expect(entries[1]).toMatchObject({ kind: 'todo_completed', summary: 'Todo done: Page payments', source: 'todo', actor: null });
  });

  it('lets a watchdeck declaration replace the declared milestone, at the milestone’s time, with who declared', () => {
    const entries = build({ events: [event({ kind: 'declared', at: T0 + 800, summary: 'Declared as SEV-2', actor: 'carol' })] });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'declared', at: T0, actor: 'carol', source: 'watchdeck', summary: 'Declared as SEV-2' });
  });

  it('tells a resolve once: watchdeck impact-end and resolved events replace those milestones, the latest standing in', () => {
    const end = T0 + 40 * MIN;
    const entries = build({
      incident: incident({ state: 'resolved', customerImpacted: true, customerImpactStart: T0, customerImpactEnd: end, resolvedAt: end }),
      events: [
        event({ kind: 'impact_end', at: T0 + 10 * MIN, summary: 'Customer impact end changed', actor: 'bob' }),
        event({ kind: 'impact_end', at: end + 300, summary: 'Customer impact ended', actor: 'carol' }),
        event({ kind: 'resolved', at: end + 300, summary: 'Resolved', actor: 'carol' }),
      ],
    });
    expect(entries.filter((e) => e.kind === 'impact_end')).toEqual([
      expect.objectContaining({ at: T0 + 10 * MIN, actor: 'bob', source: 'watchdeck' }),
      expect.objectContaining({ at: end, actor: 'carol', source: 'watchdeck', summary: 'Customer impact ended' }),
    ]);
    expect(entries.filter((e) => e.kind === 'resolved')).toEqual([expect.objectContaining({ at: end, actor: 'carol', source: 'watchdeck' })]);
    expect(entries.filter((e) => e.source === 'milestone').map((e) => e.kind)).toEqual(['declared', 'impact_start']);
  });

  it('tells a todo made or completed through watchdeck once, with its author', () => {
    const entries = build({
      todos: [todo({ id: 'a', completedAt: T0 + 30 * MIN }), todo({ id: 'b', completedAt: T0 + 40 * MIN })],
      events: [
        event({ kind: 'todo', at: T0 + 5 * MIN, ref: 'a', to: 'Page payments' }),
        event({ kind: 'todo_completed', at: T0 + 30 * MIN + 500, ref: 'a' }),
        // Completed long before the todo's current completion: a reopen came between, both stay.
        event({ kind: 'todo_completed', at: T0 + 10 * MIN, ref: 'b' }),
        event({ kind: 'todo_reopened', at: T0 + 11 * MIN, ref: 'b' }),
      ],
    });
    // b's creation and a's watchdeck event share a time: the todo source comes first.
    expect(kinds(entries)).toEqual([
      'milestone:declared',
      'todo:todo',
      'watchdeck:todo',
      'watchdeck:todo_completed',
      'watchdeck:todo_reopened',
      'watchdeck:todo_completed',
      'todo:todo_completed',
    ]);
    expect(entries.filter((e) => e.source === 'todo').map((e) => e.id)).toEqual(['todo:b', 'todo:b:completed']);
    // An edit (a todo event with a "from") does not stand in for the creation.
    const edited = build({ todos: [todo({ id: 'c' })], events: [event({ kind: 'todo', at: T0 + 9 * MIN, ref: 'c', from: 'old', to: 'new' })] });
    expect(edited.map((e) => e.id)).toContain('todo:c');
  });

  it('drops transitions that a watchdeck event already tells, one for one, within the window', () => {
    const at = T0 + 10 * MIN;
    const entries = build({
      events: [event({ kind: 'severity', at, from: 'SEV-2', to: 'SEV-1' })],
      transitions: [
        transition({ id: 'same', kind: 'severity', from: 'SEV-2', to: 'SEV-1', at: at - 900 }),
        transition({ id: 'again', kind: 'severity', from: 'SEV-2', to: 'SEV-1', at: at + 1000 }),
        transition({ id: 'late', kind: 'severity', from: 'SEV-1', to: 'SEV-2', at: at + 2 * DEDUPE_WINDOW_MS }),
        transition({ id: 'elsewhere', kind: 'state', from: 'active', to: 'stable', at: at + 30 * MIN }),
      ],
    });
    expect(entries.filter((e) => e.source === 'transition').map((e) => e.id)).toEqual([
      'transition:again',
      'transition:late',
      'transition:elsewhere',
    ]);
    expect(entries.filter((e) => e.kind === 'severity' && e.source === 'watchdeck')).toHaveLength(1);
  });

  it('does not match a transition to an event of another field, other values, or outside the window', () => {
    const at = T0 + 10 * MIN;
    const entries = build({
      events: [event({ kind: 'state', at, from: 'active', to: 'stable' })],
      transitions: [
        transition({ id: 'sev', kind: 'severity', from: 'active', to: 'stable', at }),
        transition({ id: 'other', kind: 'state', from: 'active', to: 'resolved', at }),
        transition({ id: 'far', kind: 'state', from: 'active', to: 'stable', at: at + DEDUPE_WINDOW_MS + 1 }),
      ],
    });
    expect(entries.filter((e) => e.source === 'transition').map((e) => e.id)).toEqual(['transition:sev', 'transition:other', 'transition:far']);
  });

  it('drops transitions with no previous value (the values it was created with) and no-op ones', () => {
    const entries = build({
      transitions: [
        transition({ id: 'initial', from: null, to: 'active', at: T0 }),
        transition({ id: 'noop', from: 'active', to: 'active', at: T0 + MIN }),
        transition({ id: 'real', from: 'active', to: 'stable', at: T0 + 2 * MIN, actor: null }),
      ],
    });
    expect(entries.map((e) => e.id)).toEqual(['milestone:declared', 'transition:real']);
    expect(entries[1]?.actor).toBeNull();
  });

  describe('mutes made while the incident was open', () => {
    const created = T0;
    it('keeps those from creation to now while it is open, with the scope and a link to the monitor', () => {
      const now = T0 + 120 * MIN;
      const entries = build({
        now,
        audit: [
          audit({ time: created - 1, target: 'monitor:1' }),
          audit({ time: created, target: 'monitor:2' }),
          audit({ time: created + 30 * MIN, action: 'monitor.unmute', target: 'monitor:2', detail: 'all scopes' }),
          audit({ time: now, target: 'monitor:3' }),
          audit({ time: now + 1, target: 'monitor:4' }),
        ],
      });
      const mutes = entries.filter((e) => e.source === 'mute');
      expect(mutes.map((e) => [e.kind, e.summary, e.link])).toEqual([
        ['mute', 'Muted monitor 2', '/monitors/2'],
        ['unmute', 'Unmuted monitor 2', '/monitors/2'],
        ['mute', 'Muted monitor 3', '/monitors/3'],
      ]);
      expect(mutes[0]).toMatchObject({ actor: 'bob', detail: 'scope=host:web-1 end=2026-09-01T12:00:00.000Z reason=deploy' });
      expect(mutes[1]?.detail).toBe('all scopes');
    });

    it('stops at the resolution once resolved, and follows a reopened incident to now', () => {
      const resolvedAt = T0 + 60 * MIN;
      const records = [audit({ time: T0 + 59 * MIN }), audit({ time: resolvedAt }), audit({ time: T0 + 61 * MIN })];
      const closed = build({ incident: incident({ state: 'resolved', resolvedAt }), audit: records });
      expect(closed.filter((e) => e.source === 'mute').map((e) => e.at)).toEqual([T0 + 59 * MIN, resolvedAt]);
      const completed = build({ incident: incident({ state: 'completed', resolvedAt }), audit: records });
      expect(completed.filter((e) => e.source === 'mute')).toHaveLength(2);
      const reopened = build({ incident: incident({ state: 'active', resolvedAt }), audit: records });
      expect(reopened.filter((e) => e.source === 'mute')).toHaveLength(3);
    });

    it('ends at the last modification when a resolved incident lacks its resolution time', () => {
      const incidentNoTime = incident({ state: 'resolved', resolvedAt: null, modifiedAt: T0 + 10 * MIN });
      expect(openWindow(incidentNoTime, T0 + 99 * MIN)).toEqual({ from: T0, to: T0 + 10 * MIN });
      expect(openWindow(incident({ state: 'resolved', resolvedAt: null, modifiedAt: null }), T0 + 99 * MIN)).toEqual({ from: T0, to: T0 + 99 * MIN });
      expect(openWindow(incident(), T0 + 5)).toEqual({ from: T0, to: T0 + 5 });
    });

    it('shows only allowed mutes, unmutes and downtime cancels', () => {
      const entries = build({
        audit: [
          audit({ time: T0 + MIN, outcome: 'denied' }),
          audit({ time: T0 + 2 * MIN, outcome: 'failed' }),
          audit({ time: T0 + 3 * MIN, action: 'user.create', target: 'user:x' }),
          audit({ time: T0 + 4 * MIN, action: 'downtime.cancel', target: 'downtime:845e9a1e-0187-11ee-817a-da7ad0900002', detail: null }),
        ],
      });
      const mutes = entries.filter((e) => e.source === 'mute');
      expect(mutes).toHaveLength(1);
      expect(mutes[0]).toMatchObject({
        kind: 'unmute',
        summary: 'Cancelled downtime 845e9a1e-0187-11ee-817a-da7ad0900002',
        link: null,
        detail: null,
      });
    });
  });
});
