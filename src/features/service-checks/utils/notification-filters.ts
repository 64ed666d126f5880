import { NOTIFICATION_OUTCOMES, type NotificationOutcome, type NotificationQuery } from '../../../contract/service-checks';

/**
 * The notification log's filters, as kept in the URL:
 * `?monitor=12&handle=@webhook-ops&outcome=suppressed&page=2` (page counts from 1; the first page is left out).
 */
export interface NotificationFilters {
  /** A monitor id, or null for every monitor. */
  monitor: number | null;
  handle: string;
  outcome: NotificationOutcome | '';
  /** 0-based, as the BFF counts. */
  page: number;
}

export const EMPTY_NOTIFICATION_FILTERS: NotificationFilters = { monitor: null, handle: '', outcome: '', page: 0 };

export const NOTIFICATION_PAGE_SIZE = 50;

/** A positive whole number ("12"), or null. */
export function parseMonitorId(raw: string | null | undefined): number | null {
  const text = (raw ?? '').trim();
  if (!/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function isNotificationOutcome(value: string): value is NotificationOutcome {
  return (NOTIFICATION_OUTCOMES as readonly string[]).includes(value);
}

/** Reads the filters from the URL; anything unreadable (a page of "x", an unknown outcome) is left out. */
export function readNotificationFilters(params: URLSearchParams): NotificationFilters {
  const rawPage = params.get('page');
  const page = rawPage && /^\d+$/.test(rawPage) && Number(rawPage) >= 1 && Number.isSafeInteger(Number(rawPage)) ? Number(rawPage) - 1 : 0;
  const outcome = (params.get('outcome') ?? '').trim();
  return {
    monitor: parseMonitorId(params.get('monitor')),
    handle: (params.get('handle') ?? '').trim().slice(0, 200),
    outcome: isNotificationOutcome(outcome) ? outcome : '',
    page,
  };
}

/** The URL search for these filters; empty ones are left out, so an unfiltered first page has a clean URL. */
export function writeNotificationFilters(filters: NotificationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.monitor !== null) params.set('monitor', String(filters.monitor));
  if (filters.handle.trim()) params.set('handle', filters.handle.trim());
  if (filters.outcome) params.set('outcome', filters.outcome);
  if (filters.page > 0) params.set('page', String(filters.page + 1));
  return params;
}

export function hasNotificationFilters(filters: NotificationFilters): boolean {
  return filters.monitor !== null || filters.handle.trim() !== '' || filters.outcome !== '';
}

/** What GET /api/notifications is asked for (NotificationQuerySchema); also the list query's key. */
export function toNotificationQuery(filters: NotificationFilters, size = NOTIFICATION_PAGE_SIZE): NotificationQuery {
  const query: NotificationQuery = { page: filters.page, size };
  if (filters.monitor !== null) query.monitorId = filters.monitor;
  if (filters.handle.trim()) query.handle = filters.handle.trim();
  if (filters.outcome) query.outcome = filters.outcome;
  return query;
}

export function notificationApiSearch(query: NotificationQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.monitorId !== undefined) params.set('monitorId', String(query.monitorId));
  if (query.handle) params.set('handle', query.handle);
  if (query.outcome) params.set('outcome', query.outcome);
  params.set('page', String(query.page ?? 0));
  params.set('size', String(query.size ?? NOTIFICATION_PAGE_SIZE));
  return params;
}
