import type { IncidentField, IncidentRow } from '../store/incident-rows';
import type { UserRow } from '../store/types';
import { incidentDurations } from './incident-times';
import { DEFAULT_FIELD_TYPES } from './incident-values';
import { isoMicro } from './time';
import { embedUser, userRef } from './user-view';
import { uuidFromName } from './uuid';

export interface IncidentViewOptions {
  /** Create, update and search answers embed commander/created_by/... user objects in attributes (REC); GET and list do not. */
  embedUsers: boolean;
  /** Search answers carry field_analytics; everything else has null (REC). */
  fieldAnalytics?: Record<string, unknown> | null;
}

export type UserLookup = (id: number) => UserRow | undefined;

const FIELD_ORDER = ['teams', 'severity', 'state', 'detection_method', 'root_cause', 'summary', 'services', 'slug'];

/** `attributes.fields` in the recorded order: the stored fields plus state, severity and slug. */
export function renderFields(i: IncidentRow): Record<string, IncidentField> {
  const all: Record<string, IncidentField> = {
    ...i.fields,
    severity: { type: 'dropdown', value: i.severity },
    state: { type: 'dropdown', value: i.state },
    slug: { type: 'textbox', value: `IR-${i.public_id}` },
  };
  const out: Record<string, IncidentField> = {};
  for (const k of FIELD_ORDER) if (all[k]) out[k] = all[k];
  for (const [k, v] of Object.entries(all)) if (!(k in out)) out[k] = v;
  return out;
}

/** One `user_defined_field` reference per field, with ids that stay the same across seeds. */
function userDefinedFields(i: IncidentRow): { type: string; id: string }[] {
  const names = [...new Set([...Object.keys(DEFAULT_FIELD_TYPES), ...Object.keys(i.fields), 'state', 'severity', 'slug'])];
  return names.sort().map((n) => ({ type: 'user_defined_field', id: uuidFromName(`watchdeck-sandbox/field/${n}`) }));
}

function iso(us: number | null): string | null {
  return us === null ? null : isoMicro(us);
}

/** One incident resource in the shape of the recordings. */
export function renderIncident(i: IncidentRow, user: UserLookup, o: IncidentViewOptions): Record<string, unknown> {
  const creator = user(i.created_by);
  const modifier = user(i.modified_by);
  const declarer = user(i.declared_by);
  const commander = i.commander_id === null ? undefined : user(i.commander_id);
  const d = incidentDurations(i);
  const embed = (key: string, u: UserRow | undefined): Record<string, unknown> => (o.embedUsers ? { [key]: embedUser(u) } : {});
  const attributes: Record<string, unknown> = {
    public_id: i.public_id,
    incident_type_uuid: i.incident_type_uuid,
    title: i.title,
    resolved: iso(i.resolved_us),
    customer_impact_scope: i.customer_impact_scope,
    customer_impact_start: iso(i.customer_impact_start_us),
    customer_impact_end: iso(i.customer_impact_end_us),
    customer_impacted: i.customer_impacted,
    notification_handles: i.notification_handles,
    ...embed('last_modified_by', modifier),
    last_modified_by_uuid: modifier?.uuid ?? null,
    created: isoMicro(i.created_us),
    modified: isoMicro(i.modified_us),
    ...embed('commander', commander),
    detected: isoMicro(i.detected_us),
    ...embed('created_by', creator),
    created_by_uuid: creator?.uuid ?? null,
    creation_idempotency_key: null,
    customer_impact_duration: d.customer_impact_duration,
    time_to_detect: d.time_to_detect,
    time_to_repair: d.time_to_repair,
    time_to_internal_response: d.time_to_internal_response,
    time_to_resolve: d.time_to_resolve,
    archived: null,
    is_test: i.is_test,
    declared: isoMicro(i.declared_us),
    ...embed('declared_by', declarer),
    declared_by_uuid: declarer?.uuid ?? null,
    fields: renderFields(i),
    field_analytics: o.fieldAnalytics ?? null,
    severity: i.severity,
    state: i.state,
    non_datadog_creator: null,
    visibility: 'organization',
    case_id: null,
  };
  return {
    type: 'incidents',
    id: i.id,
    attributes,
    relationships: {
      created_by_user: { data: userRef(creator) },
      last_modified_by_user: { data: userRef(modifier) },
      commander_user: { data: userRef(commander) },
      declared_by_user: { data: userRef(declarer) },
      user_defined_fields: { data: userDefinedFields(i) },
      integrations: { data: [] },
      attachments: { data: [] },
      responders: { data: [] },
      impacts: { data: [] },
    },
  };
}

/** The users an incident refers to (commander, creator, modifier, declarer), without repeats, for `included`. */
export function incidentUserIds(rows: readonly IncidentRow[]): number[] {
  const ids: number[] = [];
  for (const i of rows) {
    for (const id of [i.commander_id, i.created_by, i.modified_by, i.declared_by]) {
      if (id !== null && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}
