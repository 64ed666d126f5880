import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readAuditFilters, writeAuditFilters, type AuditFilters } from '../utils/audit-filters';

/** The audit page's filters, read from and written to the URL, so a view can be shared as a link. */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readAuditFilters(searchParams), [searchParams]);
  const setFilters = useCallback((next: AuditFilters) => setSearchParams(writeAuditFilters(next)), [setSearchParams]);
  return { filters, setFilters, search: searchParams.toString() };
}
