import { infiniteQueryOptions } from '@tanstack/react-query';
import { authPaths } from '../../../contract/api-paths';
import { AuditListResponseSchema } from '../../../contract/auth';
import { api, apiDownload } from '../../../lib/api-client';
import { saveBlob } from '../../../lib/save-blob';
import { auditApiSearch, type AuditFilters } from '../utils/audit-filters';

/** Records per page; "Load more" fetches the next page with `before`. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * Query keys and options for the audit log, from generic to specific:
 * all() -> lists() -> list(filters). Invalidate through these.
 */
export const auditQueries = {
  all: () => ['audit'] as const,
  lists: () => [...auditQueries.all(), 'list'] as const,
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) =>
        api.get(
          `${authPaths.audit}?${auditApiSearch(filters, { limit: AUDIT_PAGE_SIZE, before: pageParam }).toString()}`,
          AuditListResponseSchema,
          signal,
        ),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last) => last.nextBefore ?? undefined,
      staleTime: 10_000,
    }),
};

function csvFilename(now: number): string {
  return `watchdeck-audit-${new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '')}Z.csv`;
}

/** GET /api/audit.csv with the same filters, through fetch (it needs X-CSRF), saved as a file. */
export async function exportAuditCsv(filters: AuditFilters): Promise<string> {
  const search = auditApiSearch(filters).toString();
  const { blob, filename } = await apiDownload(`${authPaths.auditCsv}${search ? `?${search}` : ''}`, { accept: 'text/csv' });
  const name = filename ?? csvFilename(Date.now());
  saveBlob(blob, name);
  return name;
}
