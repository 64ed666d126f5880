import {
  ATLAS_FIELDS,
  ATLAS_TYPES,
  isSecretKind,
  redactAtlasValue,
  type AtlasFieldSpec,
  type AtlasIntegration,
  type AtlasProject,
  type AtlasType,
} from '../../../contract/atlas';
import type { LastChange } from '../../../contract/integrations';
import type { RawGroup, RawIntegration, RawIntegrationWriteResult } from './schemas';

/**
 * Raw Atlas bodies -> the contract. Only the fields the contract's table
 * lists for a type leave the BFF, and every secret-kind field is masked here
 * with the contract's rules, whether or not Atlas masked it already (masking
 * a mask gives the same mask), so an unmasked value from upstream never
 * reaches the SPA. An unknown type keeps its name and shows no values: we
 * cannot tell which of its fields are secret.
 */
export const isAtlasType = (type: string): type is AtlasType => (ATLAS_TYPES as readonly string[]).includes(type);

export type AtlasValue = string | boolean | null;

export function toAtlasProject(raw: RawGroup, configuredTypes?: string[]): AtlasProject {
  return { id: raw.id, name: raw.name, ...(configuredTypes ? { configuredTypes } : {}) };
}

/** One field as the SPA may see it. */
export function toAtlasValue(spec: AtlasFieldSpec, raw: unknown): AtlasValue {
  if (isSecretKind(spec.kind)) return typeof raw === 'string' && raw !== '' ? redactAtlasValue(spec, raw) : null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

export function toAtlasValues(raw: RawIntegration): Record<string, AtlasValue> {
  if (!isAtlasType(raw.type)) return {};
  const fields = raw as Record<string, unknown>;
  const out: Record<string, AtlasValue> = {};
  for (const spec of ATLAS_FIELDS[raw.type]) out[spec.name] = toAtlasValue(spec, fields[spec.name]);
  return out;
}

export function toAtlasIntegration(raw: RawIntegration, lastChange: LastChange): AtlasIntegration {
  return { type: raw.type, values: toAtlasValues(raw), lastChange };
}

/** The types configured in a project, in the contract's order (unknown ones last). */
export function configuredTypes(raws: readonly RawIntegration[]): string[] {
  const types = [...new Set(raws.map((r) => r.type))];
  const rank = (t: string) => (isAtlasType(t) ? ATLAS_TYPES.indexOf(t) : ATLAS_TYPES.length);
  return types.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The integration of `type` in a POST/PUT answer (Atlas answers with the project's list). */
export function integrationOfType(result: RawIntegrationWriteResult, type: string): RawIntegration | null {
  if ('results' in result && Array.isArray(result.results)) return result.results.find((r) => r.type === type) ?? null;
  const one = result as RawIntegration;
  return one.type === type ? one : null;
}
