import { integrationPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function deletePagerDutyService(name: string) {
  return api.delete(integrationPaths.pagerdutyService(name));
}

/** DELETE /api/integrations/pagerduty/:name: its @-handle stops working. */
export function useDeletePagerDutyService() {
  return useIntegrationMutation({
    kind: 'pagerduty',
    mutationFn: deletePagerDutyService,
    success: (name) => `PagerDuty service ${name} removed`,
  });
}
