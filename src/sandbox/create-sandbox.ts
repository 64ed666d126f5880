import { Hono } from 'hono';
import { DEFAULT_ATLAS_PRIVATE_KEY, DEFAULT_ATLAS_PUBLIC_KEY, registerAtlasRoutes } from './atlas/atlas-routes';
import { CheckEngine } from './checks/check-engine';
import { registerCheckRoutes } from './checks/check-routes';
import { requireKeys } from './lib/auth';
import type { SandboxDeps } from './lib/context';
import { errorJson, HttpError } from './lib/errors';
import { faultMiddleware, type SandboxFault } from './lib/fault';
import { createRateLimiter, rateLimitMiddleware, type RateLimitOptions } from './lib/rate-limit';
import { msToUs } from './lib/time';
import { newUuid } from './lib/uuid';
import type { WebhookDeliveryOptions } from './lib/webhook-delivery';
import { registerDowntimeMatchRoutes } from './routes/downtime-matches';
import { registerDowntimeRoutes } from './routes/downtimes';
import { registerIncidentSearchRoutes } from './routes/incident-search';
import { registerIncidentTeamRoutes } from './routes/incident-teams';
import { registerIncidentTodoRoutes } from './routes/incident-todos';
import { registerIncidentRoutes } from './routes/incidents';
import { registerIntegrationRoutes } from './routes/integration-routes';
import { registerLegacyMuteRoutes } from './routes/legacy-mute';
import { registerGroupSearchRoutes } from './routes/monitor-groups-search';
import { registerMonitorRoutes } from './routes/monitors';
import { registerTeamMembershipRoutes } from './routes/team-memberships';
import { registerTeamRoutes } from './routes/teams';
import { registerUserRoutes } from './routes/users';
import { registerValidateRoutes } from './routes/validate';
import { seedDatabase, upgradeSeed } from './seed/seed-database';
import { API_KEY_OWNER_ID, DEMO_ORG_ID, DEMO_ORG_UUID } from './seed/users';
import { getMeta, openDb } from './store/db';
import { DowntimesStore } from './store/downtimes-store';
import { WebhooksStore } from './store/integrations-webhooks-store';
import { IncidentsStore } from './store/incidents-store';
import { MonitorsStore } from './store/monitors-store';
import { TeamsStore } from './store/teams-store';
import { TodosStore } from './store/todos-store';
import { TransitionsStore } from './store/transitions-store';

export type { SandboxFault } from './lib/fault';

/** $ORG_NAME in webhook payloads when the data file names no org. */
const DEMO_ORG_NAME = 'Demo Org';
/** $LINK in webhook payloads points at the monitor as Datadog would. */
const DATADOG_APP_URL = 'https://app.datadoghq.com';

export interface SandboxOptions {
  dataDir: string;
  seed: 'demo' | 'empty';
  seedMonitors?: number;
  apiKey: string;
  appKey: string;
  /** The local Atlas's API key pair (HTTP Digest username and password); defaults to sandbox-atlas-public-key / sandbox-atlas-private-key. */
  atlasPublicKey?: string;
  atlasPrivateKey?: string;
  /** Epoch milliseconds; defaults to Date.now. */
  now?: () => number;
  /** When set, every this many ms the service check monitors are ticked (No Data, renotify). */
  evaluateEveryMs?: number;
  /** Monitor notifications to webhooks: fetch, timeout, retries, backoff (defaults: global fetch, 5 s, 2 retries). */
  webhookDelivery?: Partial<WebhookDeliveryOptions>;
  /**
   * Datadog's rate limits (X-RateLimit-* headers, 429 past the limit), counted on the `now` clock.
   * Off when unset, so embedded use and tests are never throttled; `npm run sandbox` turns them on.
   */
  rateLimits?: RateLimitOptions | false;
}

export interface Sandbox {
  fetch: (req: Request) => Promise<Response>;
  app: Hono;
  /** Wipe and reseed. */
  reset(): void;
  /** Every /api/* request answers with this until cleared with null. */
  setFault(f: SandboxFault | null): void;
  /** Evaluates the clock-driven part of service check monitors now: No Data and renotifications. */
  tick(): void;
  /** Resolves once every queued monitor notification has been delivered and logged. */
  idle(): Promise<void>;
  close(): void;
}

/**
 * The local Datadog: a Hono app over a SQLite file in `dataDir`. Seeds the
 * database only when it is new (or on reset()).
 */
export function createSandbox(o: SandboxOptions): Sandbox {
  const now = o.now ?? Date.now;
  const { db, isNew, fromVersion } = openDb(o.dataDir, msToUs(now()));
  const seed = () => seedDatabase(db, { seed: o.seed, seedMonitors: o.seedMonitors, nowUs: msToUs(now()) });
  if (isNew) seed();
  else upgradeSeed(db, fromVersion, msToUs(now()));

  const deps: SandboxDeps = {
    db,
    monitors: new MonitorsStore(db),
    downtimes: new DowntimesStore(db),
    incidents: new IncidentsStore(db),
    todos: new TodosStore(db),
    transitions: new TransitionsStore(db),
    teams: new TeamsStore(db),
    nowUs: () => msToUs(now()),
    orgId: Number(getMeta(db, 'org_id') ?? DEMO_ORG_ID),
    orgUuid: getMeta(db, 'org_uuid') ?? DEMO_ORG_UUID,
    ownerUserId: () => Number(getMeta(db, 'api_key_owner_id') ?? API_KEY_OWNER_ID),
    newUuid,
  };

  // Service checks (issue 6): check runs drive service check monitors; transitions notify the message's @-handles.
  const engine = new CheckEngine({
    db,
    monitors: deps.monitors,
    downtimes: deps.downtimes,
    webhooks: new WebhooksStore(db),
    now,
    org: { orgId: deps.orgId, orgName: getMeta(db, 'org_name') ?? DEMO_ORG_NAME, linkBase: DATADOG_APP_URL },
    delivery: o.webhookDelivery,
  });
  const timedTick = () => {
    try {
      engine.tick(now());
    } catch (err) {
      console.error('[sandbox] service check tick failed:', err);
    }
  };
  const timer = o.evaluateEveryMs && o.evaluateEveryMs > 0 ? setInterval(timedTick, o.evaluateEveryMs) : null;
  timer?.unref();

  let fault: SandboxFault | null = null;
  const app = new Hono();
  app.use('/api/*', faultMiddleware(() => fault));
  // Atlas (issue 5): /api/atlas/* with digest auth, before the Datadog key check (which skips /api/atlas/).
  registerAtlasRoutes(app, { db, now, publicKey: o.atlasPublicKey ?? DEFAULT_ATLAS_PUBLIC_KEY, privateKey: o.atlasPrivateKey ?? DEFAULT_ATLAS_PRIVATE_KEY });
  app.use('/api/*', requireKeys(o.apiKey, o.appKey));
  if (o.rateLimits) app.use('/api/*', rateLimitMiddleware(createRateLimiter(o.rateLimits), deps.orgId, now));
  registerValidateRoutes(app);
  registerGroupSearchRoutes(app, deps);
  registerMonitorRoutes(app, deps);
  registerLegacyMuteRoutes(app, deps);
  registerDowntimeRoutes(app, deps);
  registerDowntimeMatchRoutes(app, deps);
  // Search before /incidents/:id, so "search" is not taken for an id.
  registerIncidentSearchRoutes(app, deps);
  registerIncidentRoutes(app, deps);
  registerIncidentTodoRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerTeamMembershipRoutes(app, deps);
  registerIncidentTeamRoutes(app, deps);
  registerUserRoutes(app, deps);
  // Datadog integrations (issue 5): AWS, Slack, PagerDuty, Webhooks, the 2018 bodies, the test delivery.
  registerIntegrationRoutes(app, deps);
  // Service checks (issue 6): POST /api/v1/check_run, and the sandbox-only /api/sandbox/* reads.
  registerCheckRoutes(app, deps, engine, now);
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
    reset: () => {
      engine.clearQueue();
      seed();
    },
    setFault: (f) => {
      fault = f;
    },
    tick: () => {
      if (!closed) engine.tick(now());
    },
    idle: () => engine.idle(),
    close: () => {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      engine.stop();
      db.close();
    },
  };
}
