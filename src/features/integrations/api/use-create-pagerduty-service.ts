import { integrationPaths } from '../../../contract/api-paths';
import type { PagerDutyServiceInput } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function createPagerDutyService(body: PagerDutyServiceInput) {
  return apiRequest(integrationPaths.pagerduty, { method: 'POST', body });
}

/** POST /api/integrations/pagerduty: a service name and its key (write-only: it reads back masked). */
export function useCreatePagerDutyService() {
  return useIntegrationMutation({
    kind: 'pagerduty',
    mutationFn: createPagerDutyService,
    success: (body) => `PagerDuty service ${body.name} added`,
  });
}
