import { DEFAULT_INCIDENT_TYPE_UUID, defaultFields, isClosedState } from '../lib/incident-values';
import { uuidFrom } from '../lib/uuid';
import type { IncidentRow, NewIncident } from '../store/incident-rows';
import type { IncidentsStore } from '../store/incidents-store';
import type { TodosStore } from '../store/todos-store';
import type { TransitionsStore } from '../store/transitions-store';
import type { DemoIncidentSpec } from './catalog-incident-types';
import { DEMO_INCIDENTS, finalSeverity, finalState } from './catalog-incidents';
import { Prng } from './prng';
import { DEMO_USERS, demoUserIndex } from './users';

const MIN_US = 60_000_000;
/** Its own PRNG, so todo ids do not depend on what was seeded before. */
const PRNG_SEED = 20240612;

export interface IncidentSeedStores {
  incidents: IncidentsStore;
  todos: TodosStore;
  transitions: TransitionsStore;
}

const userId = (first: string) => DEMO_USERS[demoUserIndex(first)]!.id;

function handleName(handle: string): string {
  const m = /^@(slack|pagerduty)-(.+)$/.exec(handle);
  if (!m) return handle;
  return m[1] === 'slack' ? `#${m[2]}` : `PagerDuty: ${m[2]}`;
}

/** Builds the stored row of one spec, as it stands after all its steps. */
function buildIncident(s: DemoIncidentSpec, nowUs: number): NewIncident {
  const declared = nowUs - s.ago * MIN_US;
  const detected = declared - s.detectedBefore * MIN_US;
  const last = s.steps.at(-1);
  const closing = s.steps.find((st) => st.state !== undefined && isClosedState(st.state));
  const resolved = closing ? declared + closing.at * MIN_US : null;
  const actor = userId(s.commander ?? s.declaredBy);
  const fields = defaultFields();
  fields.teams = { type: 'autocomplete', value: [...s.teams] };
  fields.services = { type: 'autocomplete', value: [...s.services] };
  fields.detection_method = { type: 'dropdown', value: s.detection };
  if (s.summary) fields.summary = { type: 'textbox', value: s.summary };
  if (s.rootCause) fields.root_cause = { type: 'textbox', value: s.rootCause };
  const impactStart = s.impact ? detected - s.impact.startBefore * MIN_US : null;
  const impactEnd = s.impact?.endAfter !== undefined ? declared + s.impact.endAfter * MIN_US : s.impact ? resolved : null;
  return {
    id: s.id,
    title: s.title,
    state: finalState(s),
    severity: finalSeverity(s),
    fields,
    customer_impacted: s.impact !== undefined,
    customer_impact_scope: s.impact?.scope ?? null,
    customer_impact_start_us: impactStart,
    customer_impact_end_us: impactEnd,
    detected_us: detected,
    resolved_us: resolved,
    declared_us: declared,
    created_us: declared,
    modified_us: last ? declared + last.at * MIN_US : declared,
    notification_handles: s.handles ? s.handles.map((h) => ({ display_name: handleName(h), handle: h })) : null,
    initial_cells: null,
    is_test: false,
    incident_type_uuid: DEFAULT_INCIDENT_TYPE_UUID,
    commander_id: s.commander ? userId(s.commander) : null,
    created_by: userId(s.declaredBy),
    modified_by: last ? actor : userId(s.declaredBy),
    declared_by: userId(s.declaredBy),
  };
}

/** The initial state and severity, then every step's change, as transitions. */
function seedTransitions(stores: IncidentSeedStores, s: DemoIncidentSpec, row: IncidentRow): void {
  const declarer = userId(s.declaredBy);
  const actor = userId(s.commander ?? s.declaredBy);
  let state = 'active';
  let severity = s.severity;
  const add = (field: 'state' | 'severity', from: string | null, to: string, at: number, by: number) =>
    stores.transitions.insert({ incident_id: row.id, field, from_value: from, to_value: to, at_us: at, user_id: by });
  add('state', null, state, row.declared_us, declarer);
  add('severity', null, severity, row.declared_us, declarer);
  for (const step of s.steps) {
    const at = row.declared_us + step.at * MIN_US;
    if (step.state && step.state !== state) add('state', state, step.state, at, actor);
    if (step.severity && step.severity !== severity) add('severity', severity, step.severity, at, actor);
    state = step.state ?? state;
    severity = step.severity ?? severity;
  }
}

function seedTodos(stores: IncidentSeedStores, s: DemoIncidentSpec, row: IncidentRow, rng: Prng): void {
  const by = userId(s.commander ?? s.declaredBy);
  (s.todos ?? []).forEach((t, n) => {
    const created = row.declared_us + (5 + n * 3) * MIN_US;
    const completed = t.doneAfter !== undefined ? row.declared_us + t.doneAfter * MIN_US : null;
    stores.todos.insert({
      id: uuidFrom(() => rng.next()),
      incident_id: row.id,
      content: t.content,
      assignees: t.assignees,
      due_us: t.dueAfter !== undefined ? row.declared_us + t.dueAfter * MIN_US : null,
      completed_us: completed,
      created_us: created,
      modified_us: completed ?? created,
      created_by: by,
      modified_by: by,
    });
  });
}

/** Inserts the curated incidents (IR-1 the oldest), their transitions and todos. */
export function seedDemoIncidents(stores: IncidentSeedStores, nowUs: number): void {
  const rng = new Prng(PRNG_SEED);
  for (const spec of DEMO_INCIDENTS) {
    const row = buildIncident(spec, nowUs);
    const stored: IncidentRow = { ...row, public_id: stores.incidents.insert(row) };
    seedTransitions(stores, spec, stored);
    seedTodos(stores, spec, stored, rng);
  }
}
