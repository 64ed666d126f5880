import { integrationPaths } from '../../../contract/api-paths';
import type { PagerDutyServiceUpdate } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export interface UpdatePagerDutyServiceVariables {
  name: string;
  body: PagerDutyServiceUpdate;
}

export function updatePagerDutyService({ name, body }: UpdatePagerDutyServiceVariables) {
  return apiRequest(integrationPaths.pagerdutyService(name), { method: 'PUT', body });
}

/** PUT /api/integrations/pagerduty/:name: a new service key (rotation). */
export function useUpdatePagerDutyService() {
  return useIntegrationMutation({
    kind: 'pagerduty',
    mutationFn: updatePagerDutyService,
    success: ({ name }) => `The key of ${name} was replaced`,
  });
}
