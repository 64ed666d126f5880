import type { IncidentSummary, PersonRef, Todo, UpdateIncidentRequest } from '../../../contract/incidents';
import type { NewIncidentEvent } from '../../store/incident-events-store';

/**
 * The events watchdeck records about an incident, worked out from what it
 * was before and after a change (pure). One event per changed field, with
 * from/to; nothing for a field that did not change.
 */
export type EventDraft = Omit<NewIncidentEvent, 'incidentId' | 'actor' | 'at'>;

const draft = (d: Partial<EventDraft> & Pick<EventDraft, 'kind' | 'summary'>): EventDraft => ({
  detail: null,
  from: null,
  to: null,
  ref: null,
  ...d,
});

export function stamp(drafts: readonly EventDraft[], by: { incidentId: string; actor: string; at: number }): NewIncidentEvent[] {
  return drafts.map((d) => ({ ...d, incidentId: by.incidentId, actor: by.actor, at: by.at }));
}

export function declaredEvent(i: IncidentSummary): EventDraft {
  return draft({ kind: 'declared', summary: `Declared as ${i.severity}`, detail: i.title, to: i.severity });
}

export function noteEvent(content: string): EventDraft {
  return draft({ kind: 'note', summary: 'Note', detail: content });
}

const who = (p: PersonRef | null) => (p ? (p.name ?? p.handle) : null);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function impactText(i: IncidentSummary): string {
  if (!i.customerImpacted) return 'none';
  const parts = [i.customerImpactScope ?? 'customer impact'];
  if (i.customerImpactStart !== null) parts.push(`from ${iso(i.customerImpactStart)}`);
  if (i.customerImpactEnd !== null) parts.push(`until ${iso(i.customerImpactEnd)}`);
  return parts.join(', ');
}

function impactEvent(before: IncidentSummary, after: IncidentSummary): EventDraft | null {
  const from = impactText(before);
  const to = impactText(after);
  if (from === to) return null;
  let kind = 'impact_start';
  let summary = 'Customer impact changed';
  if (!before.customerImpacted && after.customerImpacted) summary = 'Customer impact started';
  if ((before.customerImpacted && !after.customerImpacted) || (before.customerImpactEnd === null && after.customerImpactEnd !== null)) {
    [kind, summary] = ['impact_end', 'Customer impact ended'];
  } else if (before.customerImpactEnd !== after.customerImpactEnd && before.customerImpacted === after.customerImpacted) {
    [kind, summary] = ['impact_end', 'Customer impact end changed'];
  }
  return draft({ kind, summary, from, to, detail: after.customerImpacted ? after.customerImpactScope : null });
}

const IMPACT_KEYS = ['customerImpacted', 'customerImpactScope', 'customerImpactStart', 'customerImpactEnd'] as const;

/** The fields a change asked for that actually changed, one event each, in a fixed order. */
export function changeEvents(before: IncidentSummary, after: IncidentSummary, asked: readonly (keyof UpdateIncidentRequest)[]): EventDraft[] {
  const has = (k: keyof UpdateIncidentRequest) => asked.includes(k);
  const out: EventDraft[] = [];
  if (has('state') && before.state !== after.state) {
    out.push(draft({ kind: 'state', summary: `State ${before.state} → ${after.state}`, from: before.state, to: after.state }));
  }
  if (has('severity') && before.severity !== after.severity) {
    out.push(draft({ kind: 'severity', summary: `Severity ${before.severity} → ${after.severity}`, from: before.severity, to: after.severity }));
  }
  if (has('commanderId') && (before.commander?.id ?? null) !== (after.commander?.id ?? null)) {
    const [from, to] = [who(before.commander), who(after.commander)];
    const summary = to === null ? `Commander ${from} removed` : from === null ? `Commander set to ${to}` : `Commander ${from} → ${to}`;
    out.push(draft({ kind: 'commander', summary, from, to }));
  }
  if (has('teams')) {
    const [from, to] = [[...before.teams].sort().join(', '), [...after.teams].sort().join(', ')];
    if (from !== to) out.push(draft({ kind: 'teams', summary: `Teams ${from || 'none'} → ${to || 'none'}`, from: from || null, to: to || null }));
  }
  if (has('title') && before.title !== after.title) {
    out.push(draft({ kind: 'title', summary: `Title changed to “${after.title}”`, from: before.title, to: after.title }));
  }
  if (IMPACT_KEYS.some(has)) {
    const impact = impactEvent(before, after);
    if (impact) out.push(impact);
  }
  return out;
}

export function todoCreatedEvent(todo: Todo): EventDraft {
  return draft({ kind: 'todo', summary: `Todo added: ${todo.content}`, to: todo.content, ref: todo.id });
}

export function todoChangeEvents(before: Todo, after: Todo): EventDraft[] {
  const out: EventDraft[] = [];
  if (before.content !== after.content) {
    out.push(draft({ kind: 'todo', summary: `Todo edited: ${after.content}`, from: before.content, to: after.content, ref: after.id }));
  }
  if (before.completedAt === null && after.completedAt !== null) {
    out.push(draft({ kind: 'todo_completed', summary: `Todo done: ${after.content}`, ref: after.id }));
  } else if (before.completedAt !== null && after.completedAt === null) {
    out.push(draft({ kind: 'todo_reopened', summary: `Todo reopened: ${after.content}`, ref: after.id }));
  }
  return out;
}
