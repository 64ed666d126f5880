import type { IncidentListResponse, IncidentSummary, PersonRef, Todo } from '../../../contract/incidents';
import type {
  RawEmbeddedUser,
  RawIncident,
  RawIncidentSearch,
  RawTodo,
  RawTransition,
  RawUser,
} from './incident-schemas';
import { isoToMs } from './map';
import type { RawIncluded } from './schemas';

/**
 * Raw Datadog incidents, todos and users -> the contract. Pure. State and
 * severity come from `fields` (what Datadog writes) before the read-only
 * mirrors; unknown values pass through as data.
 */

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A Datadog user the BFF could not name: its id stands in for the handle. */
export const unknownPerson = (id: string): PersonRef => ({ id, name: null, handle: id, email: null });

function personFrom(id: string, attributes: Record<string, unknown> | null | undefined): PersonRef {
  const a = attributes ?? {};
  const handle = text(a.handle) ?? text(a.email) ?? id;
  return { id, name: text(a.name) || null, handle, email: text(a.email) };
}

/** Users from a JSON:API `included` list, by id, as people. */
export function includedPeople(included: readonly (RawIncluded | null)[] | null | undefined): Map<string, PersonRef> {
  const out = new Map<string, PersonRef>();
  for (const item of included ?? []) {
    if (item && (item.type === 'users' || item.type === 'user')) out.set(item.id, personFrom(item.id, item.attributes));
  }
  return out;
}

function embeddedPerson(user: RawEmbeddedUser): PersonRef | null {
  const data = user?.data;
  return data ? personFrom(data.id, data.attributes) : null;
}

export function toPerson(raw: RawUser): PersonRef {
  return personFrom(raw.id, raw.attributes);
}

function fieldValue(raw: RawIncident, name: string): unknown {
  return raw.attributes?.fields?.[name]?.value;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [value] : [];
  return value.filter((v): v is string => typeof v === 'string');
}

function publicIdOf(raw: RawIncident): number {
  const n = raw.attributes?.public_id;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  const slug = text(fieldValue(raw, 'slug'));
  const m = slug ? /^IR-(\d+)$/.exec(slug) : null;
  return m ? Number(m[1]) : 0;
}

/**
 * The commander: embedded in create/update/search answers; otherwise the
 * `commander_user` relationship, named from `included` users when present.
 */
function commanderOf(raw: RawIncident, users: Map<string, PersonRef>): PersonRef | null {
  const embedded = embeddedPerson(raw.attributes?.commander);
  if (embedded) return embedded;
  const id = raw.relationships?.commander_user?.data?.id;
  if (id === undefined) return null;
  return users.get(id) ?? unknownPerson(id);
}

export function toIncidentSummary(raw: RawIncident, users: Map<string, PersonRef> = new Map()): IncidentSummary {
  const a = raw.attributes;
  const handles = (a?.notification_handles ?? []).flatMap((h) => {
    if (typeof h === 'string') return [{ handle: h, displayName: null }];
    if (h && typeof h === 'object' && text(h.handle)) return [{ handle: h.handle as string, displayName: text(h.display_name) }];
    return [];
  });
  return {
    id: raw.id,
    publicId: publicIdOf(raw),
    title: a?.title ?? '',
    severity: text(fieldValue(raw, 'severity')) ?? a?.severity ?? 'UNKNOWN',
    state: text(fieldValue(raw, 'state')) ?? a?.state ?? 'unknown',
    commander: commanderOf(raw, users),
    teams: stringList(fieldValue(raw, 'teams')),
    customerImpacted: a?.customer_impacted ?? false,
    customerImpactScope: a?.customer_impact_scope || null,
    customerImpactStart: isoToMs(a?.customer_impact_start),
    customerImpactEnd: isoToMs(a?.customer_impact_end),
    notificationHandles: handles,
    createdAt: isoToMs(a?.created) ?? isoToMs(a?.declared) ?? 0,
    modifiedAt: isoToMs(a?.modified),
    detectedAt: isoToMs(a?.detected),
    resolvedAt: isoToMs(a?.resolved),
    timeToDetect: finite(a?.time_to_detect),
    timeToRepair: finite(a?.time_to_repair),
    customerImpactDuration: finite(a?.customer_impact_duration),
  };
}

function assigneeName(a: unknown): string | null {
  if (typeof a === 'string') return a;
  if (!a || typeof a !== 'object') return null;
  const o = a as Record<string, unknown>;
  return text(o.handle) ?? text(o.name) ?? text(o.email) ?? (o.id === undefined || o.id === null ? null : String(o.id));
}

export function toTodo(raw: RawTodo): Todo {
  const a = raw.attributes;
  return {
    id: raw.id,
    content: a?.content ?? '',
    completedAt: isoToMs(a?.completed),
    dueAt: isoToMs(a?.due_date),
    assignees: (a?.assignees ?? []).map(assigneeName).filter((x): x is string => x !== null),
    createdAt: isoToMs(a?.created),
  };
}

function facetCounts(list: readonly ({ name?: unknown; count?: number | null } | null)[] | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of list ?? []) {
    if (!f || f.name === undefined || f.name === null) continue;
    const count = typeof f.count === 'number' && Number.isInteger(f.count) ? f.count : 0;
    out[String(f.name)] = (out[String(f.name)] ?? 0) + count;
  }
  return out;
}

type SearchItem = RawIncidentSearch['data']['attributes']['incidents'][number];

/** Search results wrap each incident as {data: incident}; a bare incident carries its own id. */
const searchItem = (item: SearchItem): RawIncident =>
  typeof (item as { id?: unknown }).id === 'string' ? (item as RawIncident) : (item as { data: RawIncident }).data;

/**
 * One page of search results. nextOffset comes from `total` (Datadog sends
 * next_offset even on the last page of a search); without a total, from a
 * full page and next_offset.
 */
export function toIncidentList(raw: RawIncidentSearch, page: { offset: number; size: number }): IncidentListResponse {
  const a = raw.data.attributes;
  const incidents = a.incidents.map((item) => toIncidentSummary(searchItem(item)));
  const total = typeof a.total === 'number' && Number.isInteger(a.total) ? a.total : null;
  const next = page.offset + incidents.length;
  let nextOffset: number | null;
  if (incidents.length === 0) nextOffset = null;
  else if (total !== null) nextOffset = next < total ? next : null;
  else nextOffset = incidents.length >= page.size && typeof raw.meta?.pagination?.next_offset === 'number' ? next : null;
  return {
    incidents,
    total: total ?? page.offset + incidents.length,
    facets: { state: facetCounts(a.facets?.state), severity: facetCounts(a.facets?.severity) },
    offset: page.offset,
    size: page.size,
    nextOffset,
  };
}

/** A state or severity change the local Datadog recorded, in the shape the timeline needs. */
export interface Transition {
  id: string;
  kind: string;
  from: string | null;
  to: string | null;
  at: number;
  actor: string | null;
  /** The Datadog user who made it, when the record names them by id only. */
  userId: string | null;
}

function timeOf(v: string | number | null | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return isoToMs(v);
}

function actorName(v: unknown): string | null {
  if (typeof v === 'string') return v || null;
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const inner = (o.data && typeof o.data === 'object' ? (o.data as Record<string, unknown>) : o) as Record<string, unknown>;
  const attrs = (inner.attributes && typeof inner.attributes === 'object' ? inner.attributes : inner) as Record<string, unknown>;
  return text(attrs.name) || text(attrs.handle) || text(attrs.email);
}

/** Names transitions made by a user known only by id, from a list of people; others are left as they are. */
export function nameTransitions(list: readonly Transition[], people: Map<string, PersonRef>): Transition[] {
  return list.map((t) => {
    const p = t.actor === null && t.userId !== null ? people.get(t.userId) : undefined;
    return p ? { ...t, actor: p.name ?? p.handle } : t;
  });
}

/** Transitions with a known field and time; anything else is dropped, never a crash. */
export function toTransitions(list: readonly (RawTransition | null)[]): Transition[] {
  const out: Transition[] = [];
  list.forEach((t, index) => {
    if (!t) return;
    const inner = t.attributes;
    const pick = <K extends keyof NonNullable<RawTransition['attributes']>>(key: K) => inner?.[key] ?? t[key] ?? null;
    const kind = pick('field') ?? pick('kind');
    const at = timeOf(pick('timestamp')) ?? timeOf(pick('at')) ?? timeOf(pick('created'));
    if (!kind || at === null) return;
    out.push({
      id: t.id ?? String(index),
      kind,
      from: pick('from') ?? pick('previous'),
      to: pick('to') ?? pick('value'),
      at,
      actor: actorName(pick('actor')) ?? actorName(pick('user')),
      userId: t.relationships?.user?.data?.id ?? null,
    });
  });
  return out;
}
