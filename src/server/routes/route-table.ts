import { downtimeRoutes } from './downtimes/downtimes.handlers';
import type { BoundRoute } from './define-route';
import { metaRoutes } from './meta/meta.handlers';
import { monitorRoutes } from './monitors/monitors.handlers';
import { testControlRoutes } from './test-controls/test-controls.handlers';

/** Every /api route the BFF answers; anything else under /api is 404 (or 405 for a known path). */
export function routeTable(options: { testControls: boolean }): BoundRoute[] {
  const table: BoundRoute[] = [];
  table.push(...metaRoutes(() => table), ...monitorRoutes, ...downtimeRoutes);
  if (options.testControls) table.push(...testControlRoutes);
  return table;
}
