import { Hono } from 'hono';
import { requireKeys } from './lib/auth';
import type { SandboxDeps } from './lib/context';
import { errorJson, HttpError } from './lib/errors';
import { faultMiddleware, type SandboxFault } from './lib/fault';
import { msToUs } from './lib/time';
import { newUuid } from './lib/uuid';
import { registerDowntimeMatchRoutes } from './routes/downtime-matches';
import { registerDowntimeRoutes } from './routes/downtimes';
import { registerLegacyMuteRoutes } from './routes/legacy-mute';
import { registerGroupSearchRoutes } from './routes/monitor-groups-search';
import { registerMonitorRoutes } from './routes/monitors';
import { registerValidateRoutes } from './routes/validate';
import { seedDatabase } from './seed/seed-database';
import { API_KEY_OWNER_ID, DEMO_ORG_ID } from './seed/users';
import { getMeta, openDb } from './store/db';
import { DowntimesStore } from './store/downtimes-store';
import { MonitorsStore } from './store/monitors-store';

export type { SandboxFault } from './lib/fault';

export interface SandboxOptions {
  dataDir: string;
  seed: 'demo' | 'empty';
  seedMonitors?: number;
  apiKey: string;
  appKey: string;
  /** Epoch milliseconds; defaults to Date.now. */
  now?: () => number;
}

export interface Sandbox {
  fetch: (req: Request) => Promise<Response>;
  app: Hono;
  /** Wipe and reseed. */
  reset(): void;
  /** Every /api/* request answers with this until cleared with null. */
  setFault(f: SandboxFault | null): void;
  close(): void;
}

/**
 * The local Datadog: a Hono app over a SQLite file in `dataDir`. Seeds the
 * database only when it is new (or on reset()).
 */
export function createSandbox(o: SandboxOptions): Sandbox {
  const now = o.now ?? Date.now;
  const { db, isNew } = openDb(o.dataDir);
  const seed = () => seedDatabase(db, { seed: o.seed, seedMonitors: o.seedMonitors, nowUs: msToUs(now()) });
  if (isNew) seed();

  const deps: SandboxDeps = {
    db,
    monitors: new MonitorsStore(db),
    downtimes: new DowntimesStore(db),
    nowUs: () => msToUs(now()),
    orgId: Number(getMeta(db, 'org_id') ?? DEMO_ORG_ID),
    ownerUserId: () => Number(getMeta(db, 'api_key_owner_id') ?? API_KEY_OWNER_ID),
    newUuid,
  };

  let fault: SandboxFault | null = null;
  const app = new Hono();
  app.use('/api/*', faultMiddleware(() => fault));
  app.use('/api/*', requireKeys(o.apiKey, o.appKey));
  registerValidateRoutes(app);
  registerGroupSearchRoutes(app, deps);
  registerMonitorRoutes(app, deps);
  registerLegacyMuteRoutes(app, deps);
  registerDowntimeRoutes(app, deps);
  registerDowntimeMatchRoutes(app, deps);
  app.notFound((c) => errorJson(c, 404, 'Not found'));
  app.onError((err, c) => {
    if (err instanceof HttpError) return errorJson(c, err.status, ...err.messages);
    console.error('[sandbox] unhandled error:', err);
    return errorJson(c, 500, 'Internal Server Error');
  });

  let closed = false;
  return {
    app,
    fetch: async (req) => app.fetch(req),
    reset: () => seed(),
    setFault: (f) => {
      fault = f;
    },
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
