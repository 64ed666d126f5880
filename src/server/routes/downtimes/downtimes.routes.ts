import { DowntimeIdParamSchema } from '../../../contract/monitors';
import { defineRoute } from '../define-route';

export const cancelDowntimeRoute = defineRoute({
  method: 'delete',
  path: '/api/downtimes/:id',
  minRole: 'responder',
  action: 'downtime.cancel',
  target: (p) => `downtime:${p.id ?? ''}`,
  operationId: 'cancelDowntime',
  summary: 'Cancel a downtime (it stops muting every monitor it covers)',
  tags: ['downtimes'],
  params: DowntimeIdParamSchema.strict(),
  responses: { 204: { description: 'Cancelled (also when it was already cancelled)' } },
  errors: [400, 401, 403, 404, 429, 502, 504],
});
