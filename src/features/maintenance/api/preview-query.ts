import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import { PreviewResponseSchema } from '../../../contract/maintenance';
import { type PlanRequestParsed } from '../../../contract/maintenance-schedule';
import { api } from '../../../lib/api-client';
import { maintenanceQueries } from './window-queries';

/**
 * POST /api/maintenance/preview: what a plan would mute right now. A POST that changes nothing,
 * so it is a query: the body is the key, and the last answer stays on screen while the next loads.
 * No body (the form is not valid yet): nothing is asked.
 */
export function previewQuery(body: PlanRequestParsed | null) {
  return queryOptions({
    queryKey: [...maintenanceQueries.all(), 'preview', body] as const,
    queryFn: body ? () => api.post(maintenancePaths.preview, body, PreviewResponseSchema) : skipToken,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
}
