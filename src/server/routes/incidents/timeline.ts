import type { AuditRecord } from '../../../contract/auth';
import { isOpenState, type IncidentSummary, type TimelineEntry, type Todo } from '../../../contract/incidents';
import type { IncidentEvent } from '../../store/incident-events-store';
import type { Transition } from '../../upstreams/datadog/incident-map';

/**
 * One incident's timeline, assembled from five sources (DESIGN.md "Incident
 * timeline"). Pure: everything, the clock included, comes in as arguments.
 *
 * - milestones: Datadog's own fields (declared, detected, customer impact
 *   start and end, resolved); missing ones are left out;
 * - todos: each todo's creation and completion;
 * - watchdeck: what was changed through watchdeck, from the BFF's store;
 * - mute: mutes and unmutes from the audit log made while the incident was
 *   open (from its creation to its resolution, or to now while it is open);
 * - transition: state and severity changes the local Datadog recorded, which
 *   covers changes made outside watchdeck.
 *
 * Where two sources tell the same fact, one entry stays:
 * - a watchdeck event of a milestone's kind (declared, impact start or end,
 *   resolved) replaces that milestone (it names who did it), at the
 *   milestone's time; the latest such event stands in when there are several;
 * - a watchdeck todo event replaces the todo's own created or completed
 *   entry (it names who did it);
 * - a transition that matches a watchdeck state or severity event (same
 *   field, same values, within DEDUPE_WINDOW_MS) is dropped, each event
 *   matching at most one transition; a transition with no "from" (the value
 *   the incident was created with) is dropped too.
 *
 * Order: by time; ties keep the source order above (milestones, todos,
 * watchdeck, transitions, mutes) and, within a source, the input order.
 */
export const DEDUPE_WINDOW_MS = 60_000;

/** Audit actions that mute or unmute, and the timeline kind of each. */
export const MUTE_ACTIONS: Readonly<Record<string, 'mute' | 'unmute'>> = {
  'monitor.mute': 'mute',
  'monitor.unmute': 'unmute',
  'downtime.cancel': 'unmute',
};

export interface TimelineInput {
  incident: IncidentSummary;
  todos: readonly Todo[];
  events: readonly IncidentEvent[];
  audit: readonly AuditRecord[];
  transitions: readonly Transition[];
  now: number;
}

/** From the incident's creation to its resolution; to now while it is open (or when the resolution time is missing). */
export function openWindow(incident: IncidentSummary, now: number): { from: number; to: number } {
  const to = isOpenState(incident.state) ? now : (incident.resolvedAt ?? incident.modifiedAt ?? now);
  return { from: incident.createdAt, to: Math.max(incident.createdAt, to) };
}

/** A timeline entry as the BFF builds it: every optional wire field present (a type, so it fits the loose wire type). */
type Entry = {
  id: string;
  at: number;
  kind: string;
  actor: string | null;
  summary: string;
  detail: string | null;
  from: string | null;
  to: string | null;
  source: string;
  link: string | null;
};

type EntryInit = Pick<Entry, 'id' | 'at' | 'kind' | 'actor' | 'summary' | 'source'> & Partial<Pick<Entry, 'detail' | 'from' | 'to' | 'link'>>;

function entry(e: EntryInit): Entry {
  return { ...e, detail: e.detail ?? null, from: e.from ?? null, to: e.to ?? null, link: e.link ?? null };
}

function milestones(i: IncidentSummary): Entry[] {
  const out: Entry[] = [];
  const add = (kind: string, at: number | null, summary: string, detail: string | null = null) => {
    if (at !== null && Number.isFinite(at) && at > 0) out.push(entry({ id: `milestone:${kind}`, at, kind, actor: null, summary, detail, source: 'milestone' }));
  };
  add('declared', i.createdAt, 'Incident declared', i.title || null);
  add('detected', i.detectedAt, 'Detected');
  add('impact_start', i.customerImpactStart, 'Customer impact started', i.customerImpactScope);
  add('impact_end', i.customerImpactEnd, 'Customer impact ended');
  add('resolved', i.resolvedAt, 'Resolved');
  return out;
}

function todoEntries(todos: readonly Todo[]): Entry[] {
  return todos.flatMap((t) => {
    const out: Entry[] = [];
    if (t.createdAt !== null) {
      out.push(entry({ id: `todo:${t.id}`, at: t.createdAt, kind: 'todo', actor: null, summary: `Todo added: ${t.content}`, source: 'todo' }));
    }
    if (t.completedAt !== null) {
      out.push(
        entry({
          id: `todo:${t.id}:completed`,
          at: t.completedAt,
          kind: 'todo_completed',
          actor: null,
          summary: `Todo done: ${t.content}`,
          source: 'todo',
        }),
      );
    }
    return out;
  });
}

/** A watchdeck event as a timeline entry (also the answer to a new note). */
export function eventEntry(e: IncidentEvent): Entry {
  return entry({
    id: `event:${e.id}`,
    at: e.at,
    kind: e.kind,
    actor: e.actor,
    summary: e.summary,
    detail: e.detail,
    from: e.from,
    to: e.to,
    source: 'watchdeck',
  });
}

const FIELD_LABEL: Record<string, string> = { state: 'State', severity: 'Severity' };

function transitionEntry(t: Transition): Entry {
  const label = FIELD_LABEL[t.kind] ?? t.kind;
  return entry({
    id: `transition:${t.id}`,
    at: t.at,
    kind: t.kind,
    actor: t.actor,
    summary: `${label} ${t.from ?? '(none)'} → ${t.to ?? '(none)'}`,
    from: t.from,
    to: t.to,
    source: 'transition',
  });
}

function muteEntry(r: AuditRecord, kind: 'mute' | 'unmute'): Entry {
  const colon = r.target.indexOf(':');
  const type = colon < 0 ? '' : r.target.slice(0, colon);
  const id = colon < 0 ? r.target : r.target.slice(colon + 1);
  const monitor = type === 'monitor' && /^[0-9]+$/.test(id) ? id : null;
  let summary: string;
  if (r.action === 'downtime.cancel') summary = `Cancelled downtime ${id || r.target}`;
  else summary = `${kind === 'mute' ? 'Muted' : 'Unmuted'} monitor ${monitor ?? r.target}`;
  return entry({
    id: `audit:${r.id}`,
    at: r.time,
    kind,
    actor: r.actor,
    summary,
    detail: r.detail,
    source: 'mute',
    link: monitor ? `/monitors/${monitor}` : null,
  });
}

const near = (a: number, b: number) => Math.abs(a - b) <= DEDUPE_WINDOW_MS;

export function assembleTimeline(input: TimelineInput): TimelineEntry[] {
  const { incident, now } = input;
  const events = [...input.events];

  // The latest watchdeck event of a milestone's kind stands in for that milestone, at Datadog's time.
  const ownMilestones = milestones(incident);
  const standIns = new Map<IncidentEvent, number>();
  for (const m of ownMilestones) {
    const last = events.filter((e) => e.kind === m.kind).at(-1);
    if (last) standIns.set(last, m.at);
  }
  const replaced = new Set([...standIns.keys()].map((e) => e.kind));
  const fromMilestones = ownMilestones.filter((m) => !replaced.has(m.kind));
  const watchdeck = events.map((e) => {
    const at = standIns.get(e);
    return at === undefined ? eventEntry(e) : { ...eventEntry(e), at };
  });

  // Todo entries that a watchdeck todo event already tells, with its author.
  const todoCreatedBy = new Set(events.filter((e) => e.kind === 'todo' && e.ref && e.from === null).map((e) => e.ref));
  const completions = events.filter((e) => e.kind === 'todo_completed' && e.ref);
  const fromTodos = todoEntries(input.todos).filter((t) => {
    const todoId = t.id.split(':')[1] ?? '';
    if (t.kind === 'todo') return !todoCreatedBy.has(todoId);
    return !completions.some((e) => e.ref === todoId && near(e.at, t.at));
  });

  // Transitions not already told by a watchdeck event; each event answers for one transition.
  const used = new Set<number>();
  const fromTransitions = input.transitions
    .filter((t) => t.from !== null && t.from !== t.to)
    .filter((t) => {
      const match = events.find(
        (e) => !used.has(e.id) && e.kind === t.kind && e.to === t.to && (e.from === null || e.from === t.from) && near(e.at, t.at),
      );
      if (match) used.add(match.id);
      return !match;
    })
    .map(transitionEntry);

  const window = openWindow(incident, now);
  const fromAudit = input.audit.flatMap((r) => {
    const kind = MUTE_ACTIONS[r.action];
    if (!kind || r.outcome !== 'allowed' || r.time < window.from || r.time > window.to) return [];
    return [muteEntry(r, kind)];
  });

  const all = [...fromMilestones, ...fromTodos, ...watchdeck, ...fromTransitions, ...fromAudit];
  // Array.prototype.sort is stable: equal times keep the order above.
  return all.sort((a, b) => a.at - b.at);
}
