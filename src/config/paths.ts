/** Route paths, and helpers that build links to them. */

function withSearch(pathname: string, search?: string | URLSearchParams): string {
  if (!search) return pathname;
  const text = typeof search === 'string' ? search.replace(/^\?/, '') : search.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  login: {
    path: '/login',
    /** The sign-in page; `returnTo` is the path (and search) to go back to afterwards. */
    getHref: (returnTo?: string) => (returnTo ? withSearch('/login', new URLSearchParams({ returnTo })) : '/login'),
  },
  monitors: {
    path: '/monitors',
    /** The list, optionally with its filters (`?status=Alert&tag=team:payments`). */
    getHref: (search?: string | URLSearchParams) => withSearch('/monitors', search),
  },
  monitor: {
    path: '/monitors/:id',
    getHref: (id: number | string, search?: string | URLSearchParams) =>
      withSearch(`/monitors/${encodeURIComponent(String(id))}`, search),
  },
  incidents: {
    path: '/incidents',
    /** The list, optionally with its filters (`?state=active&severity=SEV-1&team=payments`). */
    getHref: (search?: string | URLSearchParams) => withSearch('/incidents', search),
  },
  incident: {
    path: '/incidents/:id',
    getHref: (id: string, search?: string | URLSearchParams) => withSearch(`/incidents/${encodeURIComponent(id)}`, search),
  },
  teams: {
    path: '/teams',
    /** The list, optionally with its search and page (`?q=pay&page=2`). */
    getHref: (search?: string | URLSearchParams) => withSearch('/teams', search),
  },
  team: {
    path: '/teams/:id',
    getHref: (id: string) => `/teams/${encodeURIComponent(id)}`,
  },
  admin: {
    path: '/admin',
    getHref: () => '/admin',
  },
  adminUsers: {
    path: '/admin/users',
    getHref: () => '/admin/users',
  },
  integrations: {
    path: '/integrations',
    getHref: () => '/integrations',
  },
  integrationsAws: {
    path: '/integrations/aws',
    getHref: () => '/integrations/aws',
  },
  integrationsSlack: {
    path: '/integrations/slack',
    getHref: () => '/integrations/slack',
  },
  integrationsPagerDuty: {
    path: '/integrations/pagerduty',
    getHref: () => '/integrations/pagerduty',
  },
  integrationsWebhooks: {
    path: '/integrations/webhooks',
    getHref: () => '/integrations/webhooks',
  },
  integrationsAtlas: {
    path: '/integrations/atlas',
    getHref: () => '/integrations/atlas',
  },
  serviceChecks: {
    path: '/service-checks',
    getHref: () => '/service-checks',
  },
  notifications: {
    path: '/notifications',
    /** The notification log, optionally with its filters (`?monitor=12&handle=@webhook-ops&outcome=suppressed&page=2`). */
    getHref: (search?: string | URLSearchParams) => withSearch('/notifications', search),
  },
  maintenance: {
    path: '/maintenance',
    /** Active and upcoming windows. */
    getHref: () => '/maintenance',
  },
  maintenancePlan: {
    path: '/maintenance/plan',
    /** The planner; `clone` prefills it from a window, `monitors` from a selection ("12,13"). */
    getHref: (search?: string | URLSearchParams) => withSearch('/maintenance/plan', search),
  },
  maintenanceWindow: {
    path: '/maintenance/windows/:id',
    getHref: (id: string) => `/maintenance/windows/${encodeURIComponent(id)}`,
  },
  maintenanceCalendar: {
    path: '/maintenance/calendar',
    /** `?view=week|month&date=YYYY-MM-DD`. */
    getHref: (search?: string | URLSearchParams) => withSearch('/maintenance/calendar', search),
  },
  maintenanceHygiene: {
    path: '/maintenance/hygiene',
    getHref: () => '/maintenance/hygiene',
  },
  adminAudit: {
    path: '/admin/audit',
    /** The audit log, optionally with its filters (`?actor=alice&outcome=denied`). */
    getHref: (search?: string | URLSearchParams) => withSearch('/admin/audit', search),
  },
} as const;

/** The id of a downtime's entry on its monitor's page, so a link can point at it: `/monitors/12#downtime-<id>`. */
export function downtimeAnchorId(downtimeId: string): string {
  return `downtime-${downtimeId}`;
}

/** A link to one downtime in the downtimes section of a monitor's page. */
export function monitorDowntimeHref(monitorId: number | string, downtimeId: string): string {
  return `${paths.monitor.getHref(monitorId)}#${encodeURIComponent(downtimeAnchorId(downtimeId))}`;
}

/** Where a sign-in goes when there is no (safe) place to return to. */
export const DEFAULT_AFTER_SIGN_IN = paths.monitors.getHref();
