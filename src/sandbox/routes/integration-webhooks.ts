import type { Context, Hono } from 'hono';
import { isMasked } from '../../contract/secrets';
import type { IntegrationDeps } from '../lib/integration-context';
import { renderCustomVariable, renderWebhook } from '../lib/integration-views';
import { parseCustomVariableBody, parseWebhookBody } from '../lib/integration-webhook-input';
import { badRequest, HttpError, notFound } from '../lib/errors';
import { readJson } from '../lib/json-body';
import type { CustomVariableRow, WebhookRow } from '../store/integrations-rows';

const HOOKS = '/api/v1/integration/webhooks/configuration/webhooks';
const VARIABLES = '/api/v1/integration/webhooks/configuration/custom-variables';

/** The recorded 404s (webhooks.delete.404, webhooks.custom_variables.delete.404). */
export const WEBHOOK_MISSING = 'Webhook does not exist';
export const CUSTOM_VARIABLE_MISSING = 'Custom variable does not exist';
/** No recording: the sandbox's wording for a second POST of the same name (409). */
export const WEBHOOK_EXISTS = 'Webhook already exists';
export const CUSTOM_VARIABLE_EXISTS = 'Custom variable already exists';
export const SECRET_TO_PLAIN_NEEDS_VALUE = 'A secret custom variable becomes non-secret only with a new value';

export function getWebhookOr404(deps: IntegrationDeps, name: string): WebhookRow {
  const w = deps.webhooks.get(name);
  if (!w) throw notFound(WEBHOOK_MISSING);
  return w;
}

/** The v1 Webhooks configuration: webhooks and custom variables, keyed by name. */
export function registerWebhookIntegrationRoutes(app: Hono, deps: IntegrationDeps): void {
  const { webhooks } = deps;
  const hook = (c: Context) => getWebhookOr404(deps, c.req.param('name') ?? '');
  const variable = (c: Context): CustomVariableRow => {
    const v = webhooks.getVariable(c.req.param('name') ?? '');
    if (!v) throw notFound(CUSTOM_VARIABLE_MISSING);
    return v;
  };

  app.post(HOOKS, async (c) => {
    const input = parseWebhookBody(await readJson(c), 'create');
    if (webhooks.get(input.name!)) throw new HttpError(409, [WEBHOOK_EXISTS]);
    const now = deps.nowUs();
    const row: WebhookRow = {
      name: input.name!,
      url: input.url!,
      payload: input.payload ?? null,
      custom_headers: input.custom_headers ?? null,
      encode_as: input.encode_as ?? 'json',
      created_us: now,
      modified_us: now,
    };
    webhooks.insert(row);
    return c.json(renderWebhook(row), 201);
  });

  app.get(`${HOOKS}/:name`, (c) => c.json(renderWebhook(hook(c))));

  app.put(`${HOOKS}/:name`, async (c) => {
    const w = hook(c);
    const input = parseWebhookBody(await readJson(c), 'update');
    const next: WebhookRow = { ...w, ...input, modified_us: deps.nowUs() };
    if (next.name !== w.name && webhooks.get(next.name)) throw new HttpError(409, [WEBHOOK_EXISTS]);
    webhooks.update(w.name, next);
    return c.json(renderWebhook(next));
  });

  app.delete(`${HOOKS}/:name`, (c) => {
    webhooks.delete(hook(c).name);
    return c.json({});
  });

  app.post(VARIABLES, async (c) => {
    const input = parseCustomVariableBody(await readJson(c), 'create');
    if (webhooks.getVariable(input.name!)) throw new HttpError(409, [CUSTOM_VARIABLE_EXISTS]);
    const now = deps.nowUs();
    const row: CustomVariableRow = { name: input.name!, value: input.value!, is_secret: input.is_secret!, created_us: now, modified_us: now };
    webhooks.insertVariable(row);
    return c.json(renderCustomVariable(row), 201);
  });

  app.get(`${VARIABLES}/:name`, (c) => c.json(renderCustomVariable(variable(c))));

  app.put(`${VARIABLES}/:name`, async (c) => {
    const v = variable(c);
    const input = parseCustomVariableBody(await readJson(c), 'update');
    // The mask read back (or no value) keeps the stored value byte-identical.
    const newValue = input.value !== undefined && !isMasked(input.value) ? input.value : undefined;
    const next: CustomVariableRow = {
      name: input.name ?? v.name,
      value: newValue ?? v.value,
      is_secret: input.is_secret ?? v.is_secret,
      created_us: v.created_us,
      modified_us: deps.nowUs(),
    };
    if (v.is_secret && !next.is_secret && newValue === undefined) throw badRequest(SECRET_TO_PLAIN_NEEDS_VALUE);
    if (next.name !== v.name && webhooks.getVariable(next.name)) throw new HttpError(409, [CUSTOM_VARIABLE_EXISTS]);
    webhooks.updateVariable(v.name, next);
    return c.json(renderCustomVariable(next));
  });

  app.delete(`${VARIABLES}/:name`, (c) => {
    webhooks.deleteVariable(variable(c).name);
    return c.json({});
  });
}
