import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceCheckPaths } from '../../../contract/api-paths';
import { ServiceCheckSubmitResponseSchema, type ServiceCheckSubmit } from '../../../contract/service-checks';
import { api } from '../../../lib/api-client';
import { refreshAfterSubmit } from './service-check-queries';

export function submitCheck(body: ServiceCheckSubmit) {
  return api.post(serviceCheckPaths.submit, body, ServiceCheckSubmitResponseSchema);
}

/**
 * POST /api/service-checks (responders and admins): one check run, sent to
 * Datadog's check_run. 400 with field errors (a timestamp too old, a bad name);
 * on success the results grid and the notification log load again (the form does not wait for them).
 */
export function useSubmitCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitCheck,
    onSuccess: () => {
      void refreshAfterSubmit(queryClient);
    },
  });
}
