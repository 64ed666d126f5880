import { ATLAS_TYPE_LABELS, ATLAS_TYPES, atlasInputSchema, type AtlasIntegration, type AtlasProject, type AtlasType } from '../../../contract/atlas';
import type { LastChange } from '../../../contract/integrations';
import { actorOf } from '../../auth/actor';
import type { ServerDeps } from '../../lib/deps';
import { HttpError } from '../../lib/errors';
import { createRedactor } from '../../lib/redact';
import type { RequestContext } from '../../lib/request-context';
import type { AtlasClient } from '../../upstreams/atlas/client';
import { atlasNotConfigured, fromAtlasError } from '../../upstreams/atlas/errors';
import { configuredTypes, integrationOfType, isAtlasType, toAtlasProject, toAtlasValues, type AtlasValue } from '../../upstreams/atlas/map';
import type { RawIntegration } from '../../upstreams/atlas/schemas';
import { isUpstreamError, UpstreamError } from '../../upstreams/upstream-error';
import { mutating, roleKey } from '../cached';
import { bind, type BoundRoute } from '../define-route';
import { lastChangeOf } from '../integrations/integration-common';
import { afterWrite, planCreate, planUpdate, secretValues, type PlannedWrite } from './atlas-write';
import {
  ATLAS_ACTION_PREFIX,
  atlasTarget,
  createAtlasIntegrationRoute,
  deleteAtlasIntegrationRoute,
  getAtlasProjectRoute,
  listAtlasProjectsRoute,
  updateAtlasIntegrationRoute,
} from './atlas.routes';
import { mapLimit } from './map-limit';

/** Projects whose integrations are read at once for the list (Atlas rate-limits per project and org). */
export const PROJECT_FANOUT = 4;

function atlasOf(deps: ServerDeps): AtlasClient {
  if (!deps.atlas) throw atlasNotConfigured();
  return deps.atlas;
}

/** The change this request just made (its audit record is written after the answer is built). */
const justNow = (deps: ServerDeps, req: RequestContext, action: string): LastChange => ({ at: deps.now(), by: actorOf(req).username, action });

const typeRank = (t: string) => (isAtlasType(t) ? ATLAS_TYPES.indexOf(t) : ATLAS_TYPES.length);

/** Per project: its configured types; left out when this key may not read that project (403) or it is gone (404). */
async function projectWithTypes(atlas: AtlasClient, raw: { id: string; name: string }): Promise<AtlasProject> {
  try {
    return toAtlasProject(raw, configuredTypes(await atlas.listIntegrations(raw.id)));
  } catch (err) {
    if (isUpstreamError(err) && (err.status === 403 || err.status === 404)) return toAtlasProject(raw);
    throw err;
  }
}

const listProjects = bind(listAtlasProjectsRoute, async ({ deps, req, requestId }) => {
  const lastChange = lastChangeOf(deps.store.audit.newestByActionPrefix({ actionPrefix: ATLAS_ACTION_PREFIX, outcome: 'allowed' }));
  const atlas = deps.atlas;
  if (!atlas) return { status: 200, body: { available: false, projects: [], lastChange, error: null } };
  try {
    const snap = await deps.snapshots.get(roleKey(req, 'atlas:projects'), async () =>
      mapLimit(await atlas.listProjects(), PROJECT_FANOUT, (raw) => projectWithTypes(atlas, raw)),
    );
    return {
      status: 200,
      body: { available: true, projects: snap.value, lastChange, error: null, fetchedAt: snap.fetchedAt, stale: snap.stale },
    };
  } catch (err) {
    if (!isUpstreamError(err)) throw err;
    // The list is one card among the integrations: it says why instead of failing the page.
    deps.logger.warn('upstream failed', { requestId, operation: err.operation, kind: err.kind, upstreamStatus: err.status ?? null });
    return { status: 200, body: { available: true, projects: [], lastChange, error: fromAtlasError(err).message } };
  }
});

interface ProjectView {
  project: AtlasProject;
  integrations: { type: string; values: Record<string, AtlasValue> }[];
}

const getProject = bind(getAtlasProjectRoute, async ({ deps, params, req }) => {
  const atlas = atlasOf(deps);
  const { projectId } = params;
  const snap = await deps.snapshots.get(roleKey(req, `atlas:project:${projectId}`), async (): Promise<ProjectView> => {
    const [project, raws] = await Promise.all([atlas.getProject(projectId), atlas.listIntegrations(projectId)]);
    const sorted = [...raws].sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.type.localeCompare(b.type));
    return {
      project: toAtlasProject(project, configuredTypes(raws)),
      integrations: sorted.map((raw) => ({ type: raw.type, values: toAtlasValues(raw) })),
    };
  });
  const changes = deps.store.audit.newestPerTarget({ actionPrefix: ATLAS_ACTION_PREFIX, targetPrefix: atlasTarget(projectId, ''), outcome: 'allowed' });
  const integrations: AtlasIntegration[] = snap.value.integrations.map((i) => ({
    ...i,
    lastChange: lastChangeOf(changes.get(atlasTarget(projectId, i.type))),
  }));
  return { status: 200, body: { project: snap.value.project, integrations, fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

/**
 * Runs a write; whatever Atlas says back about it has the secrets just sent
 * scrubbed out (an upstream that echoes a bad value must not hand it to a log
 * or a response), and its 409 or 404 becomes a message about this type.
 */
async function writing<T>(
  deps: ServerDeps,
  type: AtlasType,
  plan: PlannedWrite | null,
  messages: { conflict?: string; notFound?: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await mutating(deps, run);
  } catch (err) {
    if (!isUpstreamError(err)) throw err;
    const scrub = createRedactor(plan ? secretValues(type, plan.body) : []);
    const upstream = err.messages.map(scrub);
    if (err.status === 409 && messages.conflict) throw new HttpError(409, 'conflict', messages.conflict, { upstream });
    if (err.status === 404 && messages.notFound) throw new HttpError(404, 'not_found', messages.notFound, { upstream });
    throw new UpstreamError({
      kind: err.kind,
      upstream: err.upstream,
      operation: err.operation,
      status: err.status,
      retryAfterSeconds: err.retryAfterSeconds,
      messages: upstream,
    });
  }
}

const notConfigured = (type: AtlasType) => `${ATLAS_TYPE_LABELS[type]} is not configured for this project`;

const createIntegration = bind(createAtlasIntegrationRoute, async ({ deps, params, body, req }) => {
  const atlas = atlasOf(deps);
  const { projectId, type } = params;
  const input = atlasInputSchema(type, 'create').parse(body) as Record<string, unknown>;
  const plan = planCreate(type, input);
  req.audit.detail = plan.detail;
  const result = await writing(
    deps,
    type,
    plan,
    {
      conflict: `${ATLAS_TYPE_LABELS[type]} is already configured for this project; edit it instead`,
      notFound: 'No such Atlas project',
    },
    () => atlas.createIntegration(projectId, type, plan.body),
  );
  const raw = integrationOfType(result, type) ?? afterWrite(type, plan.body, null);
  return { status: 201, body: { type, values: toAtlasValues(raw), lastChange: justNow(deps, req, 'integration.atlas.create') } };
});

const updateIntegration = bind(updateAtlasIntegrationRoute, async ({ deps, params, body, req }) => {
  const atlas = atlasOf(deps);
  const { projectId, type } = params;
  const input = atlasInputSchema(type, 'update').parse(body) as Record<string, unknown>;
  const current: RawIntegration = await writing(deps, type, null, { notFound: notConfigured(type) }, () =>
    atlas.getIntegration(projectId, type),
  );
  const plan = planUpdate(type, input, current);
  req.audit.detail = plan.detail;
  const result = await writing(deps, type, plan, { notFound: notConfigured(type) }, () =>
    atlas.updateIntegration(projectId, type, plan.body),
  );
  const raw = integrationOfType(result, type) ?? afterWrite(type, plan.body, current);
  return { status: 200, body: { type, values: toAtlasValues(raw), lastChange: justNow(deps, req, 'integration.atlas.update') } };
});

const deleteIntegration = bind(deleteAtlasIntegrationRoute, async ({ deps, params, req }) => {
  const atlas = atlasOf(deps);
  const { projectId, type } = params;
  req.audit.detail = `${type} removed`;
  await writing(deps, type, null, { notFound: notConfigured(type) }, () => atlas.deleteIntegration(projectId, type));
  return { status: 204 };
});

export const atlasRoutes: BoundRoute[] = [listProjects, getProject, createIntegration, updateIntegration, deleteIntegration];
