import { z } from 'zod';
import { httpUrl, LastChangeSchema } from './integrations';
import { isMasked, maskFully, maskSecret, maskUrl } from './secrets';

/**
 * MongoDB Atlas third-party integrations, one configuration per type per
 * project. The field table below drives everything: the local Atlas's
 * validation and redaction, the BFF's write-only merge, and the SPA's forms.
 */
export const ATLAS_TYPES = [
  'PAGER_DUTY',
  'SLACK',
  'DATADOG',
  'NEW_RELIC',
  'OPS_GENIE',
  'VICTOR_OPS',
  'FLOWDOCK',
  'WEBHOOK',
  'MICROSOFT_TEAMS',
  'PROMETHEUS',
] as const;
export type AtlasType = (typeof ATLAS_TYPES)[number];

export const ATLAS_TYPE_LABELS: Record<AtlasType, string> = {
  PAGER_DUTY: 'PagerDuty',
  SLACK: 'Slack',
  DATADOG: 'Datadog',
  NEW_RELIC: 'New Relic',
  OPS_GENIE: 'Opsgenie',
  VICTOR_OPS: 'VictorOps (Splunk On-Call)',
  FLOWDOCK: 'Flowdock',
  WEBHOOK: 'Webhook',
  MICROSOFT_TEAMS: 'Microsoft Teams',
  PROMETHEUS: 'Prometheus',
};

/**
 * How a field reads back:
 * - text / enum / boolean: as stored;
 * - secret: `******` + last 4 (keys and tokens);
 * - secretFull: `******` (webhook secrets, passwords);
 * - secretUrl: scheme and host, then `******` + last 4.
 */
export type AtlasFieldKind = 'text' | 'enum' | 'boolean' | 'secret' | 'secretFull' | 'secretUrl';

export interface AtlasFieldSpec {
  name: string;
  label: string;
  kind: AtlasFieldKind;
  required: boolean;
  /** enum only */
  options?: readonly string[];
  /** Applied by Atlas when the field is omitted on create. */
  default?: string | boolean;
  /** Read-only: in responses only (Prometheus `scheme`). */
  responseOnly?: boolean;
  help?: string;
}

const secret = (name: string, label: string, required = true): AtlasFieldSpec => ({ name, label, kind: 'secret', required });
const text = (name: string, label: string, required = true): AtlasFieldSpec => ({ name, label, kind: 'text', required });

export const ATLAS_FIELDS: Record<AtlasType, readonly AtlasFieldSpec[]> = {
  PAGER_DUTY: [secret('serviceKey', 'Service key')],
  SLACK: [secret('apiToken', 'API token'), text('teamName', 'Team name'), text('channelName', 'Channel name', false)],
  DATADOG: [
    secret('apiKey', 'API key'),
    { name: 'region', label: 'Region', kind: 'enum', required: false, options: ['US', 'US3', 'US5', 'EU'], default: 'US' },
  ],
  NEW_RELIC: [
    secret('licenseKey', 'License key'),
    text('accountId', 'Account id'),
    secret('writeToken', 'Insert (write) token'),
    secret('readToken', 'Query (read) token'),
  ],
  OPS_GENIE: [
    secret('apiKey', 'API key'),
    { name: 'region', label: 'Region', kind: 'enum', required: false, options: ['US', 'EU'], default: 'US' },
  ],
  VICTOR_OPS: [secret('apiKey', 'API key'), text('routingKey', 'Routing key', false)],
  FLOWDOCK: [text('flowName', 'Flow name'), secret('apiToken', 'API token'), text('orgName', 'Organization name')],
  WEBHOOK: [
    { name: 'url', label: 'URL', kind: 'secretUrl', required: true },
    { name: 'secret', label: 'Secret', kind: 'secretFull', required: false, help: 'Atlas signs each request with it' },
  ],
  MICROSOFT_TEAMS: [{ name: 'microsoftTeamsWebhookUrl', label: 'Incoming webhook URL', kind: 'secretUrl', required: true }],
  PROMETHEUS: [
    text('username', 'Username'),
    { name: 'password', label: 'Password', kind: 'secretFull', required: true },
    { name: 'serviceDiscovery', label: 'Service discovery', kind: 'enum', required: true, options: ['file', 'http'] },
    { name: 'enabled', label: 'Enabled', kind: 'boolean', required: true },
    { name: 'scheme', label: 'Scheme', kind: 'text', required: false, responseOnly: true },
  ],
};

export const isSecretKind = (k: AtlasFieldKind): boolean => k === 'secret' || k === 'secretFull' || k === 'secretUrl';

/**
 * An optional field that an update can remove by naming it in `clear`: any
 * optional text or secret (SLACK channelName, VICTOR_OPS routingKey, the
 * WEBHOOK secret). Enums and switches always have a value, so they are never cleared.
 */
export const isClearableField = (spec: AtlasFieldSpec): boolean =>
  !spec.required && !spec.responseOnly && spec.kind !== 'enum' && spec.kind !== 'boolean';

/** The names `clear` accepts for this type (none: the type has no clearable field). */
export const clearableFields = (type: AtlasType): string[] => ATLAS_FIELDS[type].filter(isClearableField).map((s) => s.name);

/** The read-back form of one stored value. */
export function redactAtlasValue(spec: AtlasFieldSpec, value: string): string {
  switch (spec.kind) {
    case 'secret':
      return maskSecret(value);
    case 'secretFull':
      return maskFully(value);
    case 'secretUrl':
      return maskUrl(value);
    default:
      return value;
  }
}

export const AtlasTypeSchema = z.enum(ATLAS_TYPES, { error: `The type must be one of ${ATLAS_TYPES.join(', ')}` });

function fieldSchema(spec: AtlasFieldSpec, mode: 'create' | 'update'): z.ZodType {
  const label = spec.label;
  let s: z.ZodType;
  switch (spec.kind) {
    case 'boolean':
      s = z.boolean({ error: `${label} is true or false` });
      break;
    case 'enum':
      s = z.enum(spec.options as [string, ...string[]], { error: `${label} must be one of ${(spec.options ?? []).join(', ')}` });
      break;
    case 'secretUrl':
      // On update the mask read back is allowed (it means "unchanged").
      s =
        mode === 'update'
          ? z.string().trim().refine((v) => isMasked(v) || httpUrl(label).safeParse(v).success, `${label} must be a full http:// or https:// URL`)
          : httpUrl(label).refine((v) => !isMasked(v), `Enter the ${label} itself, not its mask`);
      break;
    case 'secret':
    case 'secretFull':
      s =
        mode === 'update'
          ? z.string().trim().max(1000)
          : z.string().trim().min(1, `${label} is required`).max(1000).refine((v) => !isMasked(v), `Enter the ${label} itself, not its mask`);
      break;
    default:
      s = z.string().trim().min(1, `${label} is required`).max(1000);
  }
  // On update every field may be omitted (= unchanged); on create only optional ones.
  return mode === 'update' || !spec.required ? s.optional() : s;
}

/**
 * The body of a create (POST) or update (PUT) of one type. On update, a secret
 * field that is omitted or equal to its mask keeps the stored value, any other
 * omitted field keeps its value too; `clear` names optional fields to remove
 * (isClearableField: optional text and secrets). An optional text is emptied
 * only through `clear`: an empty string is refused like on create.
 */
export function atlasInputSchema(type: AtlasType, mode: 'create' | 'update') {
  const shape: Record<string, z.ZodType> = {};
  const clearable = clearableFields(type);
  for (const spec of ATLAS_FIELDS[type]) {
    if (spec.responseOnly) continue;
    shape[spec.name] = fieldSchema(spec, mode);
  }
  if (mode === 'update' && clearable.length > 0) {
    shape.clear = z.array(z.enum(clearable as [string, ...string[]])).max(clearable.length).optional();
  }
  return z.strictObject(shape);
}

export type AtlasValues = Record<string, string | boolean>;

export interface AtlasInput {
  [field: string]: string | boolean | string[] | undefined;
  clear?: string[];
}

export const AtlasProjectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** The types configured in this project (in the projects list only). */
  configuredTypes: z.array(z.string()).optional(),
});
export type AtlasProject = z.infer<typeof AtlasProjectSchema>;

export const AtlasProjectsResponseSchema = z.looseObject({
  /** False when the BFF has no Atlas keys (real or pointed mode without ATLAS_*). */
  available: z.boolean(),
  projects: z.array(AtlasProjectSchema),
  /** The last Atlas change made through watchdeck, from its audit log. */
  lastChange: LastChangeSchema,
  /** Why Atlas could not be read, when `available` but the call failed. */
  error: z.string().nullable().optional(),
});
export type AtlasProjectsResponse = z.infer<typeof AtlasProjectsResponseSchema>;

export const AtlasIntegrationSchema = z.looseObject({
  type: AtlasTypeSchema.or(z.string()),
  /** Field name to value; secret fields are masked. */
  values: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
  lastChange: LastChangeSchema,
});
export type AtlasIntegration = z.infer<typeof AtlasIntegrationSchema>;

export const AtlasIntegrationsResponseSchema = z.looseObject({
  project: AtlasProjectSchema,
  integrations: z.array(AtlasIntegrationSchema),
});
export type AtlasIntegrationsResponse = z.infer<typeof AtlasIntegrationsResponseSchema>;

/** Atlas project ids are 24 hex characters. */
export const ATLAS_PROJECT_ID_PATTERN = /^[0-9a-f]{24}$/;
