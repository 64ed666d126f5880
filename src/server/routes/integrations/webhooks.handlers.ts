import { describeSecretChange, secretChange } from '../../../contract/secrets';
import { conflictsAs, HttpError, validationError } from '../../lib/errors';
import {
  readCustomHeaders,
  toCustomVariable,
  toWebhookTestResult,
  webhookCreateWrite,
  webhookUpdateWrite,
} from '../../upstreams/datadog/integration-map';
import type { RawCustomVariableWrite } from '../../upstreams/datadog/integration-schemas';
import { bind } from '../define-route';
import { actorName, deleteKnown, lastChange } from './integration-common';
import { readCustomVariables, readWebhooks, toWebhookNoted } from './integration-reads';
import {
  createVariableRoute,
  createWebhookRoute,
  deleteVariableRoute,
  deleteWebhookRoute,
  testWebhookRoute,
  updateVariableRoute,
  updateWebhookRoute,
  webhooksOverviewRoute,
} from './integrations.routes';
import { mergeStoredHeaders, needsStoredHeaders } from './webhook-headers';

/**
 * Webhooks and their custom variables (v1 configuration endpoints; the name
 * is the key). Datadog keeps custom headers as JSON text; the contract has a
 * record. A secret variable's value, and a sensitive header's, is write-only.
 */

export const TEST_NEEDS_LOCAL_DATADOG = 'Test deliveries need the local Datadog';
export const SECRET_STAYS_SECRET = 'A secret variable becomes non-secret only with a new value';

export const getWebhooks = bind(webhooksOverviewRoute, async ({ deps }) => {
  const [{ webhooks, listing }, customVariables] = await Promise.all([readWebhooks(deps), readCustomVariables(deps)]);
  return { status: 200, body: { webhooks, customVariables, listing, lastChange: lastChange(deps, 'webhooks') } };
});

export const createWebhook = bind(createWebhookRoute, async ({ deps, body, req }) => {
  req.audit.target = `webhook:${body.name}`;
  const created = await conflictsAs(['name'], 'A webhook with this name exists', () => deps.datadog.createWebhook(webhookCreateWrite(body)));
  deps.store.integrationNames.add('webhook', created.name, actorName(req), deps.now());
  return { status: 201, body: toWebhookNoted(deps, created) };
});

/**
 * Headers sent as the mask read back keep their stored values: the current
 * webhook is read first (only when a mask or a sensitive header is in the
 * write) and its values put in their place, so no mask reaches Datadog. A
 * mask for a header that is not stored is a 400, and nothing is written.
 */
export const updateWebhook = bind(updateWebhookRoute, async ({ deps, params, body, req }) => {
  let write = body;
  if (body.customHeaders !== undefined && needsStoredHeaders(body.customHeaders)) {
    const current = await deps.datadog.getWebhook(params.name);
    const merged = mergeStoredHeaders(body.customHeaders, readCustomHeaders(current.custom_headers).headers);
    if (merged.errors) throw validationError(merged.errors);
    write = { ...body, customHeaders: merged.headers };
    req.audit.detail = [req.audit.detail, ...merged.notes].filter((p) => p).join('; ');
  }
  const updated = await deps.datadog.updateWebhook(params.name, webhookUpdateWrite(write));
  return { status: 200, body: toWebhookNoted(deps, updated) };
});

export const deleteWebhook = bind(deleteWebhookRoute, async ({ deps, params }) => {
  await deleteKnown(deps, 'webhook', params.name, () => deps.datadog.deleteWebhook(params.name));
  return { status: 204 };
});

/** Only the local Datadog can send a delivery on request (Datadog has no such endpoint). */
export const testWebhook = bind(testWebhookRoute, async ({ deps, params, req }) => {
  if (deps.config.mode !== 'embedded') throw new HttpError(404, 'not_found', TEST_NEEDS_LOCAL_DATADOG);
  const result = toWebhookTestResult(await deps.datadog.testWebhook(params.name));
  req.audit.detail = `ok=${String(result.ok)}; status=${result.status ?? 'none'}; ${result.durationMs} ms`;
  return { status: 200, body: result };
});

// ---------- custom variables ----------

export const createVariable = bind(createVariableRoute, async ({ deps, body, req }) => {
  req.audit.target = `webhook-variable:${body.name}`;
  req.audit.detail = `isSecret=${String(body.isSecret)}; ${describeSecretChange('value', { kind: 'set', value: body.value }, false)}`;
  const created = await conflictsAs(['name'], 'A custom variable with this name exists', () =>
    deps.datadog.createCustomVariable({ name: body.name, value: body.value, is_secret: body.isSecret }),
  );
  deps.store.integrationNames.add('custom_variable', created.name, actorName(req), deps.now());
  return { status: 201, body: toCustomVariable({ ...created, is_secret: created.is_secret ?? body.isSecret }) };
});

/**
 * The value omitted or its mask sent back is not sent (Datadog keeps it).
 * Turning a secret into a plain variable needs a new value: the old one is
 * never made readable.
 */
export const updateVariable = bind(updateVariableRoute, async ({ deps, params, body, req }) => {
  const change = secretChange(body.value, false);
  const write: RawCustomVariableWrite = {};
  if (change.kind === 'set') write.value = change.value;
  if (body.isSecret !== undefined) write.is_secret = body.isSecret;
  const parts = [body.isSecret !== undefined ? `isSecret=${String(body.isSecret)}` : null, describeSecretChange('value', change, true)];
  req.audit.detail = parts.filter((p) => p !== null).join('; ') || 'no change';

  if (body.isSecret === false && change.kind !== 'set') {
    const current = await deps.datadog.getCustomVariable(params.name);
    if (current.is_secret === true) throw validationError({ isSecret: [SECRET_STAYS_SECRET] });
  }
  if (Object.keys(write).length === 0) {
    const current = await deps.datadog.getCustomVariable(params.name);
    return { status: 200, body: toCustomVariable(current) };
  }
  const updated = await deps.datadog.updateCustomVariable(params.name, write);
  return { status: 200, body: toCustomVariable({ ...updated, is_secret: updated.is_secret ?? body.isSecret ?? null }) };
});

export const deleteVariable = bind(deleteVariableRoute, async ({ deps, params }) => {
  await deleteKnown(deps, 'custom_variable', params.name, () => deps.datadog.deleteCustomVariable(params.name));
  return { status: 204 };
});
