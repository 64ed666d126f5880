import type { IncidentField, IncidentRow, NewIncident, TransitionField } from '../store/incident-rows';
import { getUserByUuid } from '../store/users-store';
import type { SandboxDeps } from './context';
import { badRequest, notFound } from './errors';
import type { IncidentInput } from './incident-input';
import { DEFAULT_INCIDENT_TYPE_UUID, defaultFields, isClosedState } from './incident-values';

export const IMPACT_ORDER_ERROR = 'customer_impact_end must not be before customer_impact_start';
export const IMPACT_SCOPE_REQUIRED = 'customer_impact_scope is required when customer_impacted is true';

export function incidentNotFound(id: string): string {
  return `incident ${id} not found`;
}

export function userNotFound(id: string): string {
  return `User ${id} not found`;
}

function commanderId(deps: SandboxDeps, uuid: string | null | undefined, current: number | null): number | null {
  if (uuid === undefined) return current;
  if (uuid === null) return null;
  const u = getUserByUuid(deps.db, uuid);
  if (!u) throw notFound(userNotFound(uuid));
  return u.id;
}

/** Splits validated fields into the stored map and the state/severity columns. */
function splitFields(fields: Record<string, IncidentField> | undefined): {
  rest: Record<string, IncidentField>;
  state?: string;
  severity?: string;
} {
  const { state, severity, ...rest } = fields ?? {};
  return { rest, state: state?.value as string | undefined, severity: severity?.value as string | undefined };
}

/** Impact rules shared by create and update: scope when impacted, nothing when not, end not before start. */
function checkImpact(i: NewIncident): void {
  if (!i.customer_impacted) {
    i.customer_impact_scope = null;
    i.customer_impact_start_us = null;
    i.customer_impact_end_us = null;
    return;
  }
  if (!i.customer_impact_scope || i.customer_impact_scope.trim() === '') throw badRequest(IMPACT_SCOPE_REQUIRED);
  if (i.customer_impact_start_us !== null && i.customer_impact_end_us !== null && i.customer_impact_end_us < i.customer_impact_start_us) {
    throw badRequest(IMPACT_ORDER_ERROR);
  }
}

/** Moving into resolved/completed: `resolved` defaults to now and an open customer impact ends now. */
function applyStateChange(i: NewIncident, from: string | null, input: IncidentInput, now: number): void {
  const closing = isClosedState(i.state) && (from === null || !isClosedState(from));
  const reopening = !isClosedState(i.state) && from !== null && isClosedState(from);
  if (closing) {
    if (input.resolved === undefined) i.resolved_us = i.resolved_us ?? now;
    if (i.customer_impacted && i.customer_impact_end_us === null && input.customer_impact_end === undefined) {
      i.customer_impact_end_us = Math.max(now, i.customer_impact_start_us ?? now);
    }
  } else if (reopening && input.resolved === undefined) {
    i.resolved_us = null;
  }
}

function recordTransitions(deps: SandboxDeps, before: Pick<IncidentRow, 'state' | 'severity'> | null, after: IncidentRow, at: number, by: number): void {
  for (const field of ['state', 'severity'] as TransitionField[]) {
    const from = before ? before[field] : null;
    if (from === after[field]) continue;
    deps.transitions.insert({ incident_id: after.id, field, from_value: from, to_value: after[field], at_us: at, user_id: by });
  }
}

/** Declares an incident from a validated create body; records its initial state and severity. */
export function createIncident(deps: SandboxDeps, input: IncidentInput): IncidentRow {
  const now = deps.nowUs();
  const owner = deps.ownerUserId();
  const { rest, state, severity } = splitFields(input.fields);
  const row: NewIncident = {
    id: deps.newUuid(),
    title: input.title!,
    state: state ?? 'active',
    severity: severity ?? 'UNKNOWN',
    fields: { ...defaultFields(), ...rest },
    customer_impacted: input.customer_impacted!,
    customer_impact_scope: input.customer_impact_scope ?? null,
    customer_impact_start_us: input.customer_impact_start ?? (input.customer_impacted ? now : null),
    customer_impact_end_us: input.customer_impact_end ?? null,
    detected_us: input.detected ?? now,
    resolved_us: null,
    declared_us: now,
    created_us: now,
    modified_us: now,
    notification_handles: input.notification_handles ?? null,
    initial_cells: input.initial_cells ?? null,
    is_test: input.is_test ?? false,
    incident_type_uuid: input.incident_type_uuid ?? DEFAULT_INCIDENT_TYPE_UUID,
    commander_id: commanderId(deps, input.commander, null),
    created_by: owner,
    modified_by: owner,
    declared_by: owner,
  };
  checkImpact(row);
  applyStateChange(row, null, input, now);
  return deps.db.transaction(() => {
    const created: IncidentRow = { ...row, public_id: deps.incidents.insert(row) };
    recordTransitions(deps, null, created, now, owner);
    return created;
  })();
}

/** Applies a validated PATCH; records state and severity transitions. */
export function updateIncident(deps: SandboxDeps, existing: IncidentRow, input: IncidentInput): IncidentRow {
  if (input.id !== undefined && (typeof input.id !== 'string' || input.id.toLowerCase() !== existing.id)) {
    throw badRequest('The incident id in the body does not match the URL');
  }
  const now = deps.nowUs();
  const owner = deps.ownerUserId();
  const { rest, state, severity } = splitFields(input.fields);
  const next: IncidentRow = {
    ...existing,
    fields: { ...existing.fields, ...rest },
    state: state ?? existing.state,
    severity: severity ?? existing.severity,
    commander_id: commanderId(deps, input.commander, existing.commander_id),
    modified_us: now,
    modified_by: owner,
  };
  if (input.title !== undefined) next.title = input.title;
  if (input.customer_impacted !== undefined) next.customer_impacted = input.customer_impacted;
  if (input.customer_impact_scope !== undefined) next.customer_impact_scope = input.customer_impact_scope;
  if (input.customer_impact_start !== undefined) next.customer_impact_start_us = input.customer_impact_start;
  if (input.customer_impact_end !== undefined) next.customer_impact_end_us = input.customer_impact_end;
  if (next.customer_impacted && next.customer_impact_start_us === null) next.customer_impact_start_us = now;
  if (input.detected !== undefined) {
    if (input.detected === null) throw badRequest("None is not of type 'string'");
    next.detected_us = input.detected;
  }
  if (input.resolved !== undefined) next.resolved_us = input.resolved;
  if (input.notification_handles !== undefined) next.notification_handles = input.notification_handles;
  checkImpact(next);
  applyStateChange(next, existing.state, input, now);
  deps.db.transaction(() => {
    deps.incidents.update(next);
    recordTransitions(deps, existing, next, now, owner);
  })();
  return next;
}
