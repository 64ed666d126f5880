import { SEVERITIES, STATES } from '../../contract/incidents';
import type { IncidentField } from '../store/incident-rows';
import { uuidFromName } from './uuid';

/** Severities (UNKNOWN first, as the spec's enum) and states the sandbox accepts. */
export const INCIDENT_SEVERITIES: readonly string[] = ['UNKNOWN', ...SEVERITIES.filter((s) => s !== 'UNKNOWN')];
export const INCIDENT_STATES: readonly string[] = STATES;
export const DETECTION_METHODS = ['unknown', 'customer', 'employee', 'monitor', 'other'] as const;

/** States in which the incident is over: moving into one sets `resolved`. */
export function isClosedState(state: string): boolean {
  return state === 'resolved' || state === 'completed';
}

/** The org's one incident type (Datadog's default "Incident" type). */
export const DEFAULT_INCIDENT_TYPE_UUID = uuidFromName('watchdeck-sandbox/incident-type/default');

/** The default fields every incident has (REC), besides state, severity and slug. */
export const DEFAULT_FIELD_TYPES: Readonly<Record<string, 'dropdown' | 'textbox' | 'autocomplete'>> = {
  teams: 'autocomplete',
  detection_method: 'dropdown',
  root_cause: 'textbox',
  summary: 'textbox',
  services: 'autocomplete',
};

export function defaultFields(): Record<string, IncidentField> {
  return {
    teams: { type: 'autocomplete', value: null },
    detection_method: { type: 'dropdown', value: 'unknown' },
    root_cause: { type: 'textbox', value: null },
    summary: { type: 'textbox', value: null },
    services: { type: 'autocomplete', value: null },
  };
}

/** Team handles in fields.teams ([] when unset). */
export function teamsOf(fields: Record<string, IncidentField>): string[] {
  const v = fields.teams?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function servicesOf(fields: Record<string, IncidentField>): string[] {
  const v = fields.services?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
