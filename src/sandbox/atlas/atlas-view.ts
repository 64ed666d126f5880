import { ATLAS_FIELDS, redactAtlasValue } from '../../contract/atlas';
import type { AtlasIntegrationRow, AtlasProjectRow } from './atlas-store';

/** Atlas prints times as ISO 8601 in UTC, to the second. */
export function atlasTime(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderProject(p: AtlasProjectRow): Record<string, unknown> {
  return { id: p.id, name: p.name, orgId: p.org_id, clusterCount: p.cluster_count, created: atlasTime(p.created_us), links: [] };
}

/** Read-only fields Atlas adds to a response, whatever was stored. */
const RESPONSE_ONLY: Record<string, string> = { scheme: 'https' };

/**
 * `{id, type, ...fields}` in the field table's order. Secrets are redacted
 * with the contract's rules; fields that are not set are left out.
 */
export function renderIntegration(row: AtlasIntegrationRow): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id, type: row.type };
  for (const spec of ATLAS_FIELDS[row.type]) {
    if (spec.responseOnly) {
      const fixed = RESPONSE_ONLY[spec.name];
      if (fixed !== undefined) out[spec.name] = fixed;
      continue;
    }
    const v = row.values[spec.name];
    if (v === undefined) continue;
    out[spec.name] = typeof v === 'string' ? redactAtlasValue(spec, v) : v;
  }
  return out;
}
