import type { IncidentField } from '../store/incident-rows';
import { additionalPropertyMessage, badRequest } from './errors';
import { DETECTION_METHODS, INCIDENT_SEVERITIES, INCIDENT_STATES } from './incident-values';
import { isPlainObject } from './json-body';
import { notOfType, notOneOf, required } from './schema-messages';

const SINGLE_TYPES = ['dropdown', 'textbox'];
const MULTI_TYPES = ['multiselect', 'textarray', 'metrictag', 'autocomplete'];
/** The type each known field must have. */
const KNOWN: Record<string, string> = {
  state: 'dropdown',
  severity: 'dropdown',
  detection_method: 'dropdown',
  summary: 'textbox',
  root_cause: 'textbox',
  teams: 'autocomplete',
  services: 'autocomplete',
};
const DROPDOWN_VALUES: Record<string, readonly string[]> = {
  state: INCIDENT_STATES,
  severity: INCIDENT_SEVERITIES,
  detection_method: DETECTION_METHODS,
};

function parseField(name: string, v: unknown): IncidentField {
  if (!isPlainObject(v)) notOfType(v, 'object');
  for (const key of Object.keys(v)) if (key !== 'type' && key !== 'value') throw badRequest(additionalPropertyMessage(key));
  if (v.type === undefined) required('type');
  if (typeof v.type !== 'string') notOfType(v.type, 'string');
  const expected = KNOWN[name];
  if (expected !== undefined && v.type !== expected) notOneOf(v.type, [expected]);
  if (!SINGLE_TYPES.includes(v.type) && !MULTI_TYPES.includes(v.type)) notOneOf(v.type, [...SINGLE_TYPES, ...MULTI_TYPES]);
  if (!('value' in v)) required('value');
  const value = v.value;
  if (SINGLE_TYPES.includes(v.type)) {
    if (value !== null && typeof value !== 'string') notOfType(value, 'string');
    const allowed = DROPDOWN_VALUES[name];
    if (allowed && !allowed.includes(value as string)) notOneOf(value, allowed);
    return { type: v.type, value };
  }
  if (value === null) return { type: v.type, value: null };
  if (!Array.isArray(value)) notOfType(value, 'array');
  const items: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') notOfType(item, 'string');
    const t = item.trim();
    if (t !== '' && !items.includes(t)) items.push(t);
  }
  return { type: v.type, value: items };
}

/**
 * Validates `attributes.fields`: state and severity must be known values,
 * known fields keep their types, other (user-defined) fields are kept as
 * data. `slug` is derived from the public id, so a written one is dropped.
 */
export function parseIncidentFields(v: unknown): Record<string, IncidentField> {
  if (!isPlainObject(v)) notOfType(v, 'object');
  const out: Record<string, IncidentField> = {};
  for (const [name, field] of Object.entries(v)) {
    if (name === 'slug') continue;
    out[name] = parseField(name, field);
  }
  return out;
}
