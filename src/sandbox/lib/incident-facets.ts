import type { IncidentRow } from '../store/incident-rows';
import type { UserRow } from '../store/types';
import { incidentDurations, type IncidentDurations } from './incident-times';
import { DEFAULT_INCIDENT_TYPE_UUID, DETECTION_METHODS, INCIDENT_SEVERITIES, INCIDENT_STATES } from './incident-values';
import type { UserLookup } from './incident-view';
import { renderFields } from './incident-view';

type Counted = { name: string; count: number };

/** Counts of values: the ones seen by count (ties in `known` order), then the known ones never seen, with 0. */
function counted(values: readonly string[], known: readonly string[] = []): Counted[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length);
  const seen = [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1));
  return [...seen, ...known.filter((k) => !counts.has(k)).map((name) => ({ name, count: 0 }))];
}

/** A user facet: {name, count, handle, uuid, email} (REC). */
function userFacet(ids: readonly (number | null)[], user: UserLookup): Record<string, unknown>[] {
  const counts = new Map<number, number>();
  for (const id of ids) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .flatMap(([id, count]) => {
      const u: UserRow | undefined = user(id);
      return u ? [{ name: u.name ?? u.handle, count, handle: u.handle, uuid: u.uuid, email: u.email }] : [];
    });
}

/** [{name:0,count:<false>},{name:true,count:<true>}], literally as the recording names them. */
function booleanFacet(values: readonly boolean[]): { name: number | boolean; count: number }[] {
  const yes = values.filter(Boolean).length;
  return [
    { name: 0, count: values.length - yes },
    { name: true, count: yes },
  ];
}

function aggregate(rows: readonly IncidentRow[], d: readonly IncidentDurations[], key: keyof IncidentDurations, only: (i: IncidentRow) => boolean) {
  const values = d.filter((_, n) => only(rows[n]!)).map((x) => x[key]);
  return [{ name: key, aggregates: { min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null } }];
}

function fieldFacets(rows: readonly IncidentRow[]): { name: string; facets: Counted[] }[] {
  const byField = new Map<string, string[]>();
  for (const i of rows) {
    for (const [name, f] of Object.entries(renderFields(i))) {
      if (name === 'state' || name === 'severity') continue;
      const list = byField.get(name) ?? [];
      if (Array.isArray(f.value)) list.push(...f.value.filter((v): v is string => typeof v === 'string'));
      else if (typeof f.value === 'string') list.push(f.value);
      byField.set(name, list);
    }
  }
  return [...byField.keys()].sort().map((name) => ({
    name,
    facets: counted(byField.get(name)!, name === 'detection_method' ? DETECTION_METHODS : []),
  }));
}

/** The search answer's `facets`, over every matching incident (not only the page), in the recorded shapes. */
export function incidentFacets(rows: readonly IncidentRow[], user: UserLookup): Record<string, unknown> {
  const d = rows.map(incidentDurations);
  const resolved = (i: IncidentRow) => i.resolved_us !== null;
  return {
    severity: counted(rows.map((i) => i.severity), INCIDENT_SEVERITIES),
    time_to_repair: aggregate(rows, d, 'time_to_repair', resolved),
    visibility: rows.length ? [{ name: 'organization', count: rows.length }] : [],
    responder: userFacet(rows.map((i) => i.commander_id), user),
    impact: rows.length ? [{ name: 'none', count: rows.length }] : [],
    time_to_detect: aggregate(rows, d, 'time_to_detect', () => true),
    postmortem: [
      { name: 'No', count: rows.length },
      { name: 'Yes', count: 0 },
    ],
    time_to_resolve: aggregate(rows, d, 'time_to_resolve', resolved),
    is_test: booleanFacet(rows.map((i) => i.is_test)),
    state: counted(rows.map((i) => i.state), INCIDENT_STATES),
    customer_impacted: booleanFacet(rows.map((i) => i.customer_impacted)),
    fields: fieldFacets(rows),
    created_by: userFacet(rows.map((i) => i.created_by), user),
    declared_by: userFacet(rows.map((i) => i.declared_by), user),
    last_modified_by: userFacet(rows.map((i) => i.modified_by), user),
    commander: userFacet(rows.map((i) => i.commander_id), user),
    incident_type: counted(rows.map((i) => i.incident_type_uuid)).map((c) => ({
      name: c.name === DEFAULT_INCIDENT_TYPE_UUID ? 'Incident' : 'Incident type',
      count: c.count,
      id: c.name,
    })),
  };
}
