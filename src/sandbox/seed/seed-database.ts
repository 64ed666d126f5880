import { setMeta, wipe, type Db } from '../store/db';
import { DowntimesStore } from '../store/downtimes-store';
import { MonitorsStore } from '../store/monitors-store';
import { insertUser } from '../store/users-store';
import { seedBulkMonitors } from './bulk-monitors';
import { FIRST_MONITOR_ID } from './catalog';
import { seedDemoDowntimes } from './demo-downtimes';
import { seedDemoMonitors } from './demo-monitors';
import { Prng } from './prng';
import { API_KEY_OWNER_ID, DEMO_ORG_ID, DEMO_USERS } from './users';

export interface SeedOptions {
  seed: 'demo' | 'empty';
  /** Extra generated monitors (about 20 groups each), after the curated ones for "demo". */
  seedMonitors?: number;
  nowUs: number;
}

const PRNG_SEED = 20240611;
const DAY_US = 86_400_000_000;

/** Wipes the database and seeds it, all in one transaction. */
export function seedDatabase(db: Db, o: SeedOptions): void {
  db.transaction(() => {
    wipe(db);
    const rng = new Prng(PRNG_SEED);
    DEMO_USERS.forEach((u, i) => {
      const created = o.nowUs - (900 - i * 37) * DAY_US;
      insertUser(db, { ...u, created_us: created, modified_us: created + 30 * DAY_US });
    });
    const monitors = new MonitorsStore(db);
    monitors.reserveIdsFrom(FIRST_MONITOR_ID);
    if (o.seed === 'demo') {
      seedDemoMonitors(monitors, o.nowUs, rng);
      seedDemoDowntimes(new DowntimesStore(db), o.nowUs);
    }
    if (o.seedMonitors && o.seedMonitors > 0) seedBulkMonitors(monitors, o.seedMonitors, o.nowUs, rng);
    setMeta(db, 'org_id', String(DEMO_ORG_ID));
    setMeta(db, 'api_key_owner_id', String(API_KEY_OWNER_ID));
    setMeta(db, 'seed', o.seed);
    setMeta(db, 'seeded_at', String(o.nowUs));
  })();
}
