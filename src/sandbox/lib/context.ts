import type { Db } from '../store/db';
import type { DowntimesStore } from '../store/downtimes-store';
import type { MonitorsStore } from '../store/monitors-store';

/** What every route needs: the stores, the clock and the org's fixed facts. */
export interface SandboxDeps {
  db: Db;
  monitors: MonitorsStore;
  downtimes: DowntimesStore;
  /** Epoch microseconds, from the sandbox's clock. */
  nowUs(): number;
  orgId: number;
  /** The user who owns the API key: creator of monitors and downtimes made through the API. */
  ownerUserId(): number;
  /** A fresh downtime id (a v4 UUID). */
  newUuid(): string;
}
