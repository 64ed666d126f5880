import { useMutation } from '@tanstack/react-query';
import { integrationPaths } from '../../../contract/api-paths';
import { WebhookTestResultSchema } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';

export function sendWebhookTest(name: string) {
  return apiRequest(integrationPaths.webhookTest(name), { method: 'POST', schema: WebhookTestResultSchema });
}

/**
 * POST /api/integrations/webhooks/:name/test (embedded mode): the local Datadog
 * delivers the payload rendered with sample values; the answer says what the receiver said.
 * Nothing is stored, so nothing is invalidated.
 */
export function useSendWebhookTest() {
  return useMutation({ mutationFn: sendWebhookTest });
}
