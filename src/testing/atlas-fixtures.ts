import {
  ATLAS_FIELDS,
  atlasInputSchema,
  AtlasTypeSchema,
  isSecretKind,
  redactAtlasValue,
  type AtlasIntegration,
  type AtlasProject,
  type AtlasProjectsResponse,
  type AtlasType,
  type AtlasValues,
} from '../contract/atlas';
import { secretChange } from '../contract/secrets';
import type { LastChange } from '../contract/integrations';
import { reply, type MockRequest, type MockRoutes } from './mock-api';

export const checkoutProd: AtlasProject = { id: '64b0c0ffee00000000000001', name: 'checkout-prod' };
export const searchStaging: AtlasProject = { id: '64b0c0ffee00000000000002', name: 'search-staging' };

/** GET /api/integrations/atlas/projects: by default both projects, PagerDuty and Slack configured in checkout-prod. */
export function atlasProjectsResponse(overrides: Partial<AtlasProjectsResponse> = {}): AtlasProjectsResponse {
  return {
    available: true,
    projects: [
      { ...checkoutProd, configuredTypes: ['PAGER_DUTY', 'SLACK'] },
      { ...searchStaging, configuredTypes: [] },
    ],
    lastChange: null,
    error: null,
    ...overrides,
  };
}

interface StoredIntegration {
  values: AtlasValues;
  lastChange: LastChange;
}

export interface AtlasFakeOptions {
  available?: boolean;
  error?: string | null;
  projects?: AtlasProject[];
  /** Stored values in the clear, per project id and type (the fake masks them on read, as the BFF does). */
  stored?: Record<string, Partial<Record<AtlasType, AtlasValues>>>;
  actor?: string;
}

/**
 * A stand-in for the BFF's Atlas routes, with their contract: reads mask secrets,
 * POST answers 409 when the type exists, PUT keeps a secret that is omitted or
 * sent back as its mask and removes the fields in `clear`, 400s carry field errors.
 */
export function createAtlasFake(options: AtlasFakeOptions = {}) {
  const actor = options.actor ?? 'root-admin';
  const state = {
    available: options.available ?? true,
    error: options.error ?? null,
    projects: options.projects ?? [checkoutProd, searchStaging],
    stored: new Map<string, Map<AtlasType, StoredIntegration>>(),
    lastChange: null as LastChange,
  };
  for (const project of state.projects) state.stored.set(project.id, new Map());
  for (const [projectId, byType] of Object.entries(options.stored ?? {})) {
    for (const [type, values] of Object.entries(byType)) {
      state.stored.get(projectId)!.set(type as AtlasType, { values: { ...values }, lastChange: null });
    }
  }

  const redacted = (type: AtlasType, item: StoredIntegration): AtlasIntegration => {
    const values: AtlasIntegration['values'] = {};
    for (const spec of ATLAS_FIELDS[type]) {
      const v = item.values[spec.name];
      values[spec.name] = v === undefined ? null : typeof v === 'string' ? redactAtlasValue(spec, v) : v;
    }
    return { type, values, lastChange: item.lastChange };
  };

  const touched = (action: string): LastChange => {
    state.lastChange = { at: Date.now(), by: actor, action };
    return state.lastChange;
  };

  const find = (req: MockRequest) => {
    const project = state.projects.find((p) => p.id === req.params.projectId);
    const type = AtlasTypeSchema.safeParse(req.params.type);
    return { project, type: type.success ? type.data : null, byType: project ? state.stored.get(project.id)! : null };
  };

  const invalid = (error: { issues: { path: PropertyKey[]; message: string }[] }) => {
    const fields: Record<string, string[]> = {};
    for (const issue of error.issues) (fields[['body', ...issue.path.map(String)].join('.')] ??= []).push(issue.message);
    return reply.error(400, 'validation', 'Check the highlighted fields', { fields });
  };

  const routes: MockRoutes = {
    'GET /api/integrations/atlas/projects': () => {
      return reply.json(
        atlasProjectsResponse({
          available: state.available,
          projects: state.available ? state.projects.map((p) => ({ ...p, configuredTypes: [...state.stored.get(p.id)!.keys()] })) : [],
          lastChange: state.lastChange,
          error: state.error,
        }),
      );
    },
    'GET /api/integrations/atlas/projects/:projectId': (req: MockRequest) => {
      const { project, byType } = find(req);
      if (!project || !byType) return reply.error(404, 'not_found', 'No such Atlas project');
      return reply.json({
        project: { id: project.id, name: project.name },
        integrations: [...byType.entries()].map(([type, item]) => redacted(type, item)),
      });
    },
    'POST /api/integrations/atlas/projects/:projectId/:type': (req: MockRequest) => {
      const { project, type, byType } = find(req);
      if (!project || !byType || !type) return reply.error(404, 'not_found', 'No such Atlas project or type');
      if (byType.has(type)) return reply.error(409, 'conflict', `${type} is already configured in ${project.name}`);
      const parsed = atlasInputSchema(type, 'create').safeParse(req.body);
      if (!parsed.success) return invalid(parsed.error);
      const values: AtlasValues = {};
      for (const spec of ATLAS_FIELDS[type]) {
        const v = (parsed.data as Record<string, unknown>)[spec.name] ?? spec.default;
        if (typeof v === 'string' || typeof v === 'boolean') values[spec.name] = v;
      }
      if (type === 'PROMETHEUS') values.scheme = 'https';
      const item = { values, lastChange: touched('atlas.create') };
      byType.set(type, item);
      return reply.json(redacted(type, item), 201);
    },
    'PUT /api/integrations/atlas/projects/:projectId/:type': (req: MockRequest) => {
      const { project, type, byType } = find(req);
      if (!project || !byType || !type) return reply.error(404, 'not_found', 'No such Atlas project or type');
      const current = byType.get(type);
      if (!current) return reply.error(404, 'not_found', `${type} is not configured in ${project.name}`);
      const parsed = atlasInputSchema(type, 'update').safeParse(req.body);
      if (!parsed.success) return invalid(parsed.error);
      const body = parsed.data as Record<string, unknown> & { clear?: string[] };
      const values: AtlasValues = { ...current.values };
      for (const spec of ATLAS_FIELDS[type]) {
        if (spec.responseOnly) continue;
        const input = body[spec.name];
        const cleared = body.clear?.includes(spec.name) ?? false;
        if (isSecretKind(spec.kind)) {
          const change = secretChange(typeof input === 'string' ? input : undefined, cleared);
          if (change.kind === 'clear') delete values[spec.name];
          if (change.kind === 'set') values[spec.name] = change.value;
        } else if (cleared) {
          delete values[spec.name];
        } else if (typeof input === 'string' || typeof input === 'boolean') {
          values[spec.name] = input;
        }
      }
      const item = { values, lastChange: touched('atlas.update') };
      byType.set(type, item);
      return reply.json(redacted(type, item));
    },
    'DELETE /api/integrations/atlas/projects/:projectId/:type': (req: MockRequest) => {
      const { project, type, byType } = find(req);
      if (!project || !byType || !type || !byType.has(type)) return reply.error(404, 'not_found', 'Not configured');
      byType.delete(type);
      touched('atlas.delete');
      return reply.noContent();
    },
  };

  return {
    routes,
    state,
    /** What is stored in the clear (what Atlas holds), for assertions. */
    storedValues: (projectId: string, type: AtlasType): AtlasValues | undefined => state.stored.get(projectId)?.get(type)?.values,
    /** Someone else configures a type (another admin, another tab). */
    configureBehindTheScenes: (projectId: string, type: AtlasType, values: AtlasValues, by = 'someone-else') => {
      state.stored.get(projectId)!.set(type, { values, lastChange: { at: Date.now(), by, action: 'atlas.create' } });
    },
  };
}

/** Valid values for every editable field of the table, in the clear. */
export const ATLAS_SAMPLE_VALUES: Record<string, string> = {
  serviceKey: 'pd-service-key-00001111',
  apiToken: 'xoxb-slack-token-2222',
  teamName: 'acme',
  channelName: 'alerts',
  apiKey: 'api-key-0000333344',
  licenseKey: 'nr-license-key-4444',
  accountId: '1234567',
  writeToken: 'nr-write-token-5555',
  readToken: 'nr-read-token-6666',
  routingKey: 'db-team',
  flowName: 'ops',
  orgName: 'acme',
  url: 'https://hooks.example.com/atlas/7777',
  secret: 'whsec-abcdef-8888',
  microsoftTeamsWebhookUrl: 'https://acme.webhook.office.com/webhookb2/9999',
  username: 'prom',
  password: 'prom-pass-0000',
};
