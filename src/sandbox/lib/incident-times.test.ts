import { describe, expect, it } from 'vitest';
import type { IncidentRow } from '../store/incident-rows';
import { incidentDurations } from './incident-times';

const S = 1_000_000;
const base: IncidentRow = {
  public_id: 1,
  id: 'x',
  title: 't',
  state: 'active',
  severity: 'SEV-2',
  fields: {},
  customer_impacted: false,
  customer_impact_scope: null,
  customer_impact_start_us: null,
  customer_impact_end_us: null,
  detected_us: 1000 * S,
  resolved_us: null,
  declared_us: 1100 * S,
  created_us: 1100 * S,
  modified_us: 1100 * S,
  notification_handles: null,
  initial_cells: null,
  is_test: false,
  incident_type_uuid: 'u',
  commander_id: null,
  created_by: 1,
  modified_by: 1,
  declared_by: 1,
};

describe('incidentDurations', () => {
  it('is all zeros for an open incident detected before it was created', () => {
    expect(incidentDurations(base)).toEqual({ customer_impact_duration: 0, time_to_detect: 0, time_to_repair: 0, time_to_internal_response: 0, time_to_resolve: 0 });
  });

  it('measures detection from the impact start, repair from detection, resolve from declaration', () => {
    const d = incidentDurations({
      ...base,
      customer_impacted: true,
      customer_impact_start_us: 900 * S,
      customer_impact_end_us: 1300 * S,
      resolved_us: 1600 * S,
    });
    expect(d).toEqual({ customer_impact_duration: 400, time_to_detect: 100, time_to_repair: 600, time_to_internal_response: 0, time_to_resolve: 500 });
  });

  it('ignores impact times when not impacted, and an open impact has no duration yet', () => {
    expect(incidentDurations({ ...base, customer_impact_start_us: 0, customer_impact_end_us: 5000 * S }).customer_impact_duration).toBe(0);
    expect(incidentDurations({ ...base, customer_impacted: true, customer_impact_start_us: 900 * S }).customer_impact_duration).toBe(0);
  });

  it('uses whole seconds and never goes negative', () => {
    expect(incidentDurations({ ...base, detected_us: 1100 * S + 1_999_999, created_us: 1100 * S }).time_to_detect).toBe(1);
    expect(incidentDurations({ ...base, resolved_us: 500 * S }).time_to_repair).toBe(0);
  });
});
