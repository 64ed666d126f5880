import { atlasRoutes } from './atlas/atlas.handlers';
import { auditRoutes } from './audit/audit.handlers';
import { downtimeRoutes } from './downtimes/downtimes.handlers';
import type { BoundRoute } from './define-route';
import { incidentRoutes } from './incidents/incidents.handlers';
import { integrationRoutes } from './integrations/integrations.handlers';
import { maintenanceRoutes } from './maintenance/maintenance.handlers';
import { metaRoutes } from './meta/meta.handlers';
import { monitorRoutes } from './monitors/monitors.handlers';
import { peopleRoutes } from './people/people.handlers';
import { serviceCheckRoutes } from './service-checks/service-checks.handlers';
import { sessionRoutes } from './session/session.handlers';
import { teamRoutes } from './teams/teams.handlers';
import { testControlRoutes } from './test-controls/test-controls.handlers';
import { userRoutes } from './users/users.handlers';

/**
 * Every /api route the BFF answers, each with its lowest role (`minRole`):
 * the one policy table. Anything else under /api is 404 (or 405 for a known path).
 */
export function routeTable(options: { testControls: boolean }): BoundRoute[] {
  const table: BoundRoute[] = [];
  table.push(
    ...metaRoutes(() => table),
    ...sessionRoutes,
    ...monitorRoutes,
    ...downtimeRoutes,
    ...maintenanceRoutes,
    ...userRoutes,
    ...auditRoutes,
    ...incidentRoutes,
    ...peopleRoutes,
    ...teamRoutes,
    ...integrationRoutes,
    ...atlasRoutes,
    ...serviceCheckRoutes,
  );
  if (options.testControls) table.push(...testControlRoutes);
  return table;
}
