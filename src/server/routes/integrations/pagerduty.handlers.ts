import { pagerDutyHandle } from '../../../contract/integrations';
import { describeSecretChange, maskSecret, secretChange } from '../../../contract/secrets';
import { conflictsAs } from '../../lib/errors';
import { bind } from '../define-route';
import { actorName, deleteKnown, lastChange } from './integration-common';
import { readPagerDutyServices } from './integration-reads';
import { createPagerDutyRoute, deletePagerDutyRoute, pagerDutyOverviewRoute, updatePagerDutyRoute } from './integrations.routes';

/**
 * PagerDuty services (v1 configuration endpoints). The service key is
 * write-only (SECURITY 2, 3): it goes to Datadog and never comes back, in
 * an answer or an audit record, other than as its mask.
 */

export const getPagerDuty = bind(pagerDutyOverviewRoute, async ({ deps }) => {
  const { services, listing } = await readPagerDutyServices(deps);
  return { status: 200, body: { services, listing, lastChange: lastChange(deps, 'pagerduty') } };
});

export const createPagerDuty = bind(createPagerDutyRoute, async ({ deps, body, req }) => {
  req.audit.target = `pagerduty:${body.name}`;
  req.audit.detail = describeSecretChange('serviceKey', { kind: 'set', value: body.serviceKey }, false);
  const created = await conflictsAs(['name'], 'A PagerDuty service with this name exists', () =>
    deps.datadog.createPagerDutyService({ service_name: body.name, service_key: body.serviceKey }),
  );
  const name = created.service_name || body.name;
  deps.store.integrationNames.add('pagerduty_service', name, actorName(req), deps.now());
  return { status: 201, body: { name, serviceKey: maskSecret(body.serviceKey), handle: pagerDutyHandle(name) } };
});

/** The key omitted, empty or its mask sent back: nothing to change, and nothing is sent to Datadog. */
export const updatePagerDuty = bind(updatePagerDutyRoute, async ({ deps, params, body, req }) => {
  const change = secretChange(body.serviceKey, false);
  if (change.kind !== 'set') {
    req.audit.detail = 'no change';
    return { status: 200, body: { name: params.name, serviceKey: null, handle: pagerDutyHandle(params.name) } };
  }
  req.audit.detail = describeSecretChange('serviceKey', change, true);
  await deps.datadog.updatePagerDutyService(params.name, { service_key: change.value });
  return { status: 200, body: { name: params.name, serviceKey: maskSecret(change.value), handle: pagerDutyHandle(params.name) } };
});

export const deletePagerDuty = bind(deletePagerDutyRoute, async ({ deps, params }) => {
  await deleteKnown(deps, 'pagerduty_service', params.name, () => deps.datadog.deletePagerDutyService(params.name));
  return { status: 204 };
});
