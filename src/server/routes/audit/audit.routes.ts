import { z } from 'zod';
import { AuditListResponseSchema, AuditQuerySchema } from '../../../contract/auth';
import { defineRoute } from '../define-route';

/** Most rows one CSV export holds; narrow the filters for older records. */
export const CSV_MAX_ROWS = 10_000;

/** The same filters as the list; no paging, a larger limit. */
export const AuditCsvQuerySchema = AuditQuerySchema.omit({ limit: true, before: true }).extend({
  limit: z.coerce.number().int().min(1).max(CSV_MAX_ROWS).default(CSV_MAX_ROWS),
});

export const listAuditRoute = defineRoute({
  method: 'get',
  path: '/api/audit',
  minRole: 'admin',
  action: 'audit.list',
  operationId: 'listAudit',
  summary:
    'The audit log, newest first. actor, action and target match as substrings (any case), outcome exactly, from/to bound the time (epoch ms); page with before=nextBefore',
  tags: ['audit'],
  query: AuditQuerySchema,
  responses: { 200: { description: 'One page of records', schema: AuditListResponseSchema } },
  errors: [400, 401, 403],
});

export const exportAuditRoute = defineRoute({
  method: 'get',
  path: '/api/audit.csv',
  minRole: 'admin',
  action: 'audit.export',
  operationId: 'exportAudit',
  summary: `The audit log as CSV (same filters, newest first, at most ${CSV_MAX_ROWS} rows; formula-like cells are prefixed with ')`,
  tags: ['audit'],
  query: AuditCsvQuerySchema,
  responses: { 200: { description: 'text/csv; charset=utf-8, as an attachment', contentType: 'text/csv' } },
  errors: [400, 401, 403],
});
