import { auditCsv } from '../../audit/csv';
import { bind, type BoundRoute } from '../define-route';
import { exportAuditRoute, listAuditRoute } from './audit.routes';

const listAudit = bind(listAuditRoute, async ({ deps, query }) => {
  const page = deps.store.audit.query({ ...query, limit: query.limit + 1 });
  const records = page.slice(0, query.limit);
  const nextBefore = page.length > query.limit ? (records.at(-1)?.id ?? null) : null;
  return { status: 200, body: { records, nextBefore } };
});

const exportAudit = bind(exportAuditRoute, async ({ deps, query }) => ({
  status: 200,
  text: auditCsv(deps.store.audit.query(query)),
  headers: {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="watchdeck-audit.csv"',
  },
}));

export const auditRoutes: BoundRoute[] = [listAudit, exportAudit];
