import { seedDemoAtlas, seedDemoAtlasIfMissing } from '../atlas/demo-atlas';
import { getMeta, setMeta, wipe, type Db } from '../store/db';
import { DowntimesStore } from '../store/downtimes-store';
import { IncidentsStore } from '../store/incidents-store';
import { MonitorsStore } from '../store/monitors-store';
import { TeamsStore } from '../store/teams-store';
import { TodosStore } from '../store/todos-store';
import { TransitionsStore } from '../store/transitions-store';
import { insertUser, insertUserIfMissing } from '../store/users-store';
import type { UserRow } from '../store/types';
import { seedBulkMonitors } from './bulk-monitors';
import { FIRST_MONITOR_ID } from './catalog';
import { demoRecurringDowntime, seedDemoDowntimes } from './demo-downtimes';
import { seedDemoIncidents } from './demo-incidents';
import { seedDemoIntegrations, seedDemoIntegrationsIfEmpty } from './demo-integrations';
import { seedDemoMonitorIfMissing, seedDemoMonitors } from './demo-monitors';
import { seedDemoTeams } from './demo-teams';
import { Prng } from './prng';
import { API_KEY_OWNER_ID, DEMO_ORG_ID, DEMO_ORG_UUID, DEMO_USERS } from './users';

export interface SeedOptions {
  seed: 'demo' | 'empty';
  /** Extra generated monitors (about 20 groups each), after the curated ones for "demo". */
  seedMonitors?: number;
  nowUs: number;
}

const PRNG_SEED = 20240611;
const DAY_US = 86_400_000_000;

function demoUserRows(nowUs: number): UserRow[] {
  return DEMO_USERS.map((u, i) => {
    const created = nowUs - (900 - i * 37) * DAY_US;
    return { ...u, created_us: created, modified_us: created + 30 * DAY_US };
  });
}

/** Teams, incidents, their todos and transitions of the demo org. */
function seedDemoPeopleWork(db: Db, nowUs: number): void {
  seedDemoTeams(new TeamsStore(db), nowUs);
  seedDemoIncidents({ incidents: new IncidentsStore(db), todos: new TodosStore(db), transitions: new TransitionsStore(db) }, nowUs);
}

/** Wipes the database and seeds it, all in one transaction. */
export function seedDatabase(db: Db, o: SeedOptions): void {
  db.transaction(() => {
    wipe(db);
    const rng = new Prng(PRNG_SEED);
    for (const u of demoUserRows(o.nowUs)) insertUser(db, u);
    const monitors = new MonitorsStore(db);
    monitors.reserveIdsFrom(FIRST_MONITOR_ID);
    if (o.seed === 'demo') {
      seedDemoMonitors(monitors, o.nowUs, rng);
      seedDemoDowntimes(new DowntimesStore(db), o.nowUs);
      seedDemoPeopleWork(db, o.nowUs);
      // Datadog integrations (issue 5): AWS, Slack, PagerDuty, a webhook and a custom variable.
      seedDemoIntegrations(db, o.nowUs);
      // Atlas (issue 5): two projects; SLACK and DATADOG in checkout-prod, WEBHOOK in analytics-staging.
      seedDemoAtlas(db, o.nowUs);
    }
    if (o.seedMonitors && o.seedMonitors > 0) seedBulkMonitors(monitors, o.seedMonitors, o.nowUs, rng);
    setMeta(db, 'org_id', String(DEMO_ORG_ID));
    setMeta(db, 'org_uuid', DEMO_ORG_UUID);
    setMeta(db, 'api_key_owner_id', String(API_KEY_OWNER_ID));
    setMeta(db, 'seed', o.seed);
    setMeta(db, 'seeded_at', String(o.nowUs));
  })();
}

/**
 * Brings a data file seeded by an older sandbox up to date without touching
 * what it holds: schema 1 had no teams or incidents, so a "demo" org gets the
 * new users, teams and incidents (relative to now); any org gets the users.
 */
export function upgradeSeed(db: Db, fromVersion: number, nowUs: number): void {
  if (fromVersion > 0 && fromVersion < 5 && getMeta(db, 'seed') === 'demo') {
    // Maintenance planning (issue 7): a demo org from before schema 5 gets the nightly recurring window, once.
    const downtimes = new DowntimesStore(db);
    const row = demoRecurringDowntime(nowUs);
    if (!downtimes.get(row.id)) downtimes.insert(row);
  }
  if (fromVersion < 4 && getMeta(db, 'seed') === 'demo') {
    // Service checks (issue 6): a demo org from before schema 4 gets the live app.ok service check monitor, once.
    db.transaction(() => {
      seedDemoMonitorIfMissing(new MonitorsStore(db), 'platform-app-ok', nowUs, new Prng(PRNG_SEED));
    })();
  }
  if (fromVersion < 3) {
    // Datadog integrations (issue 5): a demo org from before schema 3 gets them, once, into empty tables.
    if (getMeta(db, 'seed') === 'demo') seedDemoIntegrationsIfEmpty(db, nowUs);
    // Atlas (issue 5): a demo org from before schema 3 gets the demo Atlas projects and integrations.
    if (getMeta(db, 'seed') === 'demo') seedDemoAtlasIfMissing(db, nowUs);
  }
  if (fromVersion >= 2) return;
  db.transaction(() => {
    for (const u of demoUserRows(nowUs)) insertUserIfMissing(db, u);
    const empty = new TeamsStore(db).count() === 0 && new IncidentsStore(db).list().length === 0;
    if (getMeta(db, 'seed') === 'demo' && empty) seedDemoPeopleWork(db, nowUs);
    setMeta(db, 'org_uuid', getMeta(db, 'org_uuid') ?? DEMO_ORG_UUID);
  })();
}
