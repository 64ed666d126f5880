import type { Context, Hono } from 'hono';
import type { IntegrationDeps } from '../lib/integration-context';
import { parsePagerDutyServiceCreate, parsePagerDutyServiceUpdate } from '../lib/integration-pagerduty-input';
import { HttpError, notFound } from '../lib/errors';
import { readJson } from '../lib/json-body';
import type { PagerDutyServiceRow } from '../store/integrations-rows';

const BASE = '/api/v1/integration/pagerduty/configuration/services';

/** No recording has these; the sandbox's wording. */
export const pagerDutyServiceMissing = (name: string) => `PagerDuty service '${name}' does not exist in integration`;
export const pagerDutyServiceExists = (name: string) => `PagerDuty service '${name}' already exists in integration`;

/** The v1 PagerDuty services. The service key is write-only: no answer carries it. */
export function registerPagerDutyIntegrationRoutes(app: Hono, deps: IntegrationDeps): void {
  const { pagerduty } = deps;

  const service = (c: Context): PagerDutyServiceRow => {
    const name = c.req.param('service_name') ?? '';
    const s = pagerduty.getService(name);
    if (!s) throw notFound(pagerDutyServiceMissing(name));
    return s;
  };

  app.post(BASE, async (c) => {
    const input = parsePagerDutyServiceCreate(await readJson(c));
    if (pagerduty.getService(input.service_name)) throw new HttpError(409, [pagerDutyServiceExists(input.service_name)]);
    const now = deps.nowUs();
    pagerduty.insertService({ ...input, created_us: now, modified_us: now });
    return c.json({ service_name: input.service_name }, 201);
  });

  app.get(`${BASE}/:service_name`, (c) => c.json({ service_name: service(c).service_name }));

  app.put(`${BASE}/:service_name`, async (c) => {
    const s = service(c);
    const input = parsePagerDutyServiceUpdate(await readJson(c));
    if (input.service_key !== null) pagerduty.setServiceKey(s.service_name, input.service_key, deps.nowUs());
    return c.json({});
  });

  app.delete(`${BASE}/:service_name`, (c) => {
    pagerduty.deleteService(service(c).service_name);
    return c.body(null, 204);
  });
}
