import { bind, type BoundRoute } from '../define-route';
import { cancelDowntimeRoute } from './downtimes.routes';

const cancelDowntime = bind(cancelDowntimeRoute, async ({ deps, params }) => {
  try {
    await deps.datadog.cancelDowntime(params.id);
  } finally {
    deps.snapshots.invalidate();
  }
  return { status: 204 };
});

export const downtimeRoutes: BoundRoute[] = [cancelDowntime];
