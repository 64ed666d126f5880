/** Incident rows as the sandbox's code sees them (JSON columns parsed, booleans real, times in epoch µs). */

/** One entry of `attributes.fields`: {"type":"dropdown","value":"SEV-2"}. */
export interface IncidentField {
  type: string;
  value: unknown;
}

export interface NotificationHandle {
  display_name: string | null;
  handle: string;
}

export interface IncidentRow {
  /** IR-<public_id>; also the table's autoincrement key, so numbers are never reused. */
  public_id: number;
  id: string;
  title: string;
  /** Mirrors of fields.state / fields.severity, kept as columns for filtering. */
  state: string;
  severity: string;
  /** Every field except state, severity and slug (those are derived). */
  fields: Record<string, IncidentField>;
  customer_impacted: boolean;
  customer_impact_scope: string | null;
  customer_impact_start_us: number | null;
  customer_impact_end_us: number | null;
  detected_us: number;
  resolved_us: number | null;
  declared_us: number;
  created_us: number;
  modified_us: number;
  notification_handles: NotificationHandle[] | null;
  initial_cells: unknown[] | null;
  is_test: boolean;
  incident_type_uuid: string;
  commander_id: number | null;
  created_by: number;
  modified_by: number;
  declared_by: number;
}

export type NewIncident = Omit<IncidentRow, 'public_id'>;

/** An assignee is a handle ("@user@example.com") or an anonymous object (Slack/Teams). */
export type TodoAssignee = string | Record<string, unknown>;

export interface TodoRow {
  id: string;
  incident_id: string;
  content: string;
  assignees: TodoAssignee[];
  due_us: number | null;
  completed_us: number | null;
  created_us: number;
  modified_us: number;
  created_by: number;
  modified_by: number;
}

export type TransitionField = 'state' | 'severity';

export interface TransitionRow {
  seq: number;
  incident_id: string;
  field: TransitionField;
  from_value: string | null;
  to_value: string;
  at_us: number;
  user_id: number;
}
